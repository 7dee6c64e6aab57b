/** Which links are attachments (附件), and of what format, judged from the URL and the link text. */

export type AttachmentFormat = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'wps' | 'et' | 'ofd' | 'zip' | 'rar' | 'pptx' | 'ppt' | 'txt';

const BY_EXTENSION = /\.(pdf|docx|xlsx|doc|xls|wps|et|ofd|zip|rar|pptx|ppt|txt)(?:$|[?#])/i;

/** The format a link's URL (or, failing that, its text: 「名单.xlsx」) names, if it is an attachment. */
export function attachmentFormat(url: string, text = ''): AttachmentFormat | undefined {
  const path = url.replace(/^https?:\/\/[^/]+/i, '');
  const m = BY_EXTENSION.exec(path) ?? BY_EXTENSION.exec(text.trim());
  return m ? (m[1].toLowerCase() as AttachmentFormat) : undefined;
}

/** Formats whose text the crawler reads; the others are listed as unreadable with the reason. */
export const READABLE_FORMATS: ReadonlySet<AttachmentFormat> = new Set(['pdf', 'docx', 'xlsx', 'txt']);

/** Why a format is not read, in words for the report. */
export const UNREADABLE_REASON: Partial<Record<AttachmentFormat, string>> = {
  doc: '旧版 Word 格式（DOC）暂不能读取 / legacy Word (DOC) not read',
  xls: '旧版 Excel 格式（XLS）暂不能读取 / legacy Excel (XLS) not read',
  wps: 'WPS 文字格式暂不能读取 / WPS document not read',
  et: 'WPS 表格格式暂不能读取 / WPS spreadsheet not read',
  ofd: 'OFD 版式文件暂不能读取 / OFD not read',
  zip: '压缩包不解压读取 / archives are not unpacked',
  rar: '压缩包不解压读取 / archives are not unpacked',
  ppt: '演示文稿不读取 / presentations not read',
  pptx: '演示文稿不读取 / presentations not read',
};
