import { UnreadableAttachment, type AttachmentPart } from './types.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The format the bytes are, whatever the link said: a `.docx` link serving a DOC file is a DOC file. */
export function sniffFormat(bytes: Uint8Array, claimed: string): string {
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  if (startsWith(bytes, OLE_MAGIC)) return claimed === 'xls' || claimed === 'et' || claimed === 'xlsx' ? 'xls' : claimed === 'wps' ? 'wps' : 'doc';
  if (startsWith(bytes, ZIP_MAGIC) && (claimed === 'docx' || claimed === 'xlsx')) return claimed;
  return claimed;
}

/** The text of an attachment, part by part; throws UnreadableAttachment with the reason otherwise. */
export async function readAttachmentText(bytes: Uint8Array, claimed: string): Promise<{ format: string; parts: AttachmentPart[] }> {
  const format = sniffFormat(bytes, claimed);
  // Each reader (pdf.js, mammoth, exceljs) is loaded when an attachment of its kind is read, never at start-up:
  // every CLI command reaches this module, and most never read an attachment.
  if (format === 'pdf') return { format, parts: await (await import('./read-pdf.ts')).readPdf(bytes) };
  if (format === 'docx' && startsWith(bytes, ZIP_MAGIC)) return { format, parts: await (await import('./read-docx.ts')).readDocx(bytes) };
  if (format === 'xlsx' && startsWith(bytes, ZIP_MAGIC)) return { format, parts: await (await import('./read-xlsx.ts')).readXlsx(bytes) };
  if (format === 'txt') return { format, parts: [{ label: '正文', text: new TextDecoder('utf-8').decode(bytes) }] };
  if (startsWith(bytes, OLE_MAGIC) && (claimed === 'docx' || claimed === 'xlsx')) {
    throw new UnreadableAttachment('已加密的 Office 文件或旧版格式 / encrypted Office file or legacy format');
  }
  throw new UnreadableAttachment(`不支持读取 ${format.toUpperCase()} 格式 / ${format} is not read`);
}
