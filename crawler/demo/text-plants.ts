import { idCheckCharacter, luhnValid } from '../../rules/text/personal-info.ts';
import { buildAsciiPdf, buildDocx, buildXlsx, legacyOfficeStub } from './attachment-files.ts';

/**
 * The demo's text-check plants: one of each problem the text checks find. The numbers are invented but well formed
 * (a GB 11643 check character, a Luhn digit), so the checks treat them as real; masked and malformed ones sit
 * beside them to show what is not flagged.
 */

function withCheck(first17: string): string {
  return first17 + idCheckCharacter(first17);
}
function luhn(prefix: string): string {
  for (let d = 0; d < 10; d++) if (luhnValid(prefix + d)) return prefix + d;
  throw new Error('no Luhn digit');
}

/** On the newest 通知公告 detail page: a valid ID number, a mobile number, and forms that are not flagged. */
export const PLANTED_ID = withCheck('36012319880417302');
export const PLANTED_MOBILE = '13979112345';
/** In the XLSX: a second ID number and mobile number. */
export const PLANTED_SHEET_ID = withCheck('36012319760823121');
export const PLANTED_SHEET_MOBILE = '15807912346';
/** In the DOCX, after 账号: a bank card number. */
export const PLANTED_CARD = luhn('621700123456789012');
const WRONG_CHECK_ID = PLANTED_ID.slice(0, 17) + (PLANTED_ID[17] === '1' ? '2' : '1');

/** Every unmasked number the demo plants: tests assert none of them appears in any output. */
export const PLANTED_RAW_NUMBERS = [PLANTED_ID, PLANTED_MOBILE, PLANTED_SHEET_ID, PLANTED_SHEET_MOBILE, PLANTED_CARD];

export const ATTACHMENTS = {
  xlsx: '/files/2026/btmd.xlsx',
  docx: '/files/2026/ffsm.docx',
  pdf: '/files/2026/sqsm.pdf',
  doc: '/files/2026/sbb.doc',
} as const;

/** The 公示 block appended to the newest 通知公告 article, with its attachments. */
export function leakBlock(): string {
  return `<div class="gs">
<p>附：补贴对象公示名单</p>
<table class="gs-list">
<tr><th>序号</th><th>姓名</th><th>身份证号</th><th>联系电话</th></tr>
<tr><td>1</td><td>刘某某</td><td>${PLANTED_ID}</td><td>${PLANTED_MOBILE}</td></tr>
<tr><td>2</td><td>陈某某</td><td>360123********2316</td><td>139****6789</td></tr>
<tr><td>3</td><td>黄某某</td><td>${WRONG_CHECK_ID}</td><td>0791-83981234</td></tr>
</table>
<p>附件：<a href="${ATTACHMENTS.xlsx}">补贴对象名单.xlsx</a> <a href="${ATTACHMENTS.docx}">发放说明.docx</a> <a href="${ATTACHMENTS.pdf}">申请须知.pdf</a> <a href="${ATTACHMENTS.doc}">申报表.doc</a></p>
</div>`;
}

/** The outdated ministry name planted in the newest 政务动态 article (疑似表述错误). */
export const WORDING_PLANT = '根据国土资源部有关要求，县自然资源局开展耕地保护专项检查。';

/** 友情链接 on the home page: one to a government domain, one naming a body on a commercial host, one parked. */
export const FRIEND_LINKS = [
  { text: '中国政府网', url: 'https://www.gov.cn/' },
  { text: '青山市教育局', url: 'http://www.qsjyj-edu.com/' },
  { text: '青山旅游网', url: 'https://sedoparking.com/qingshanlvyou.com' },
];

export async function attachmentFiles(): Promise<Map<string, { type: string; body: Uint8Array }>> {
  return new Map([
    [ATTACHMENTS.xlsx, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await buildXlsx({ 公示名单: [['序号', '姓名', '身份证号', '联系电话'], [1, '王某某', PLANTED_SHEET_ID, PLANTED_SHEET_MOBILE], [2, '李某某', '36**************17', '158****2346']] }),
    }],
    [ATTACHMENTS.docx, {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await buildDocx(['补贴发放说明', '补贴资金通过“一卡通”发放。', `示例：收款人王某某，社保卡账号 ${PLANTED_CARD}。`, '咨询电话：0791-83981234']),
    }],
    [ATTACHMENTS.pdf, { type: 'application/pdf', body: buildAsciiPdf(['Application notes', 'Contact: 0791-83981234', 'ID numbers are shown masked: 36**************17']) }],
    [ATTACHMENTS.doc, { type: 'application/msword', body: legacyOfficeStub() }],
  ]);
}
