import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAttachments } from '../../crawler/attachments/index.ts';
import { buildAsciiPdf, buildDocx, buildXlsx, legacyOfficeStub } from '../../crawler/demo/attachment-files.ts';
import { CHROMIUM_ARGS, findChromium } from '../../crawler/render/browser.ts';
import { idCheckCharacter } from '../../rules/text/personal-info.ts';

/** Attachments the tests build themselves (exceljs, a minimal DOCX, Chromium's page.pdf()), served over 127.0.0.1. */

const ID = '42010619781205253' + idCheckCharacter('42010619781205253');
const ID2 = '11010819920714001' + idCheckCharacter('11010819920714001');
const files = new Map<string, { type: string; body: Uint8Array }>();
let server: Server;
let base: string;

async function chromiumPdf(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    return new Uint8Array(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

beforeAll(async () => {
  files.set('/list.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await buildXlsx({ 补贴名单: [['姓名', '身份证号', '电话'], ['张三', ID, '13712345678'], ['李四', '35*************123', '138****1234'], [], ['王五', '备注', '13912345678']] }) });
  files.set('/notice.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await buildDocx(['关于发放补贴的公示', `王五，身份证号${ID2}，联系电话15912345678。`, '监督电话：0591-87654321']) });
  files.set('/scan.pdf', { type: 'application/pdf', body: await chromiumPdf(`<html><body style="font-family:'WenQuanYi Micro Hei',sans-serif"><h1>公示名单</h1><p>第一行</p><p>赵六 身份证号 ${ID}</p><p style="page-break-before:always">第二页：电话 13612345678</p></body></html>`) });
  files.set('/ascii.pdf', { type: 'application/pdf', body: buildAsciiPdf(['Applicant list', `ID ${ID2}`]) });
  files.set('/locked.pdf', { type: 'application/pdf', body: buildAsciiPdf(['secret'], { locked: true }) });
  files.set('/scan-only.pdf', { type: 'application/pdf', body: buildAsciiPdf([]) });
  files.set('/old.doc', { type: 'application/msword', body: legacyOfficeStub() });
  files.set('/fake.docx', { type: 'application/octet-stream', body: legacyOfficeStub() });
  files.set('/big.pdf', { type: 'application/pdf', body: new Uint8Array(300_000) });
  server = createServer((req, res) => {
    const f = files.get(req.url ?? '');
    if (!f) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.byteLength }).end(Buffer.from(f.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const isAllowed = (url: string) => url.startsWith(base);
const link = (path: string, text = path.slice(1)) => ({ url: base + path, fromUrl: `${base}/gs/1.html`, text });
const allText = (texts: { text: string; personal: unknown[] }[]) => JSON.stringify(texts);

describe('attachments', () => {
  it('reads XLSX, DOCX and PDF text, finds the personal numbers and keeps only masked ones', async () => {
    const r = await readAttachments([link('/list.xlsx'), link('/notice.docx'), link('/scan.pdf'), link('/ascii.pdf')], { isAllowed, allowPrivate: true });
    expect(r.attachments.map((a) => [a.format, a.status])).toEqual([['xlsx', 'read'], ['docx', 'read'], ['pdf', 'read'], ['pdf', 'read']]);
    const found = r.texts.flatMap((t) => t.personal.map((p) => `${t.url.slice(base.length)} ${t.part} ${p.kind} ${p.masked} ${p.line}`));
    expect(found).toEqual([
      `/list.xlsx 工作表「补贴名单」 id-number 42*************${ID.slice(15)} 2`,
      '/list.xlsx 工作表「补贴名单」 mobile 137****5678 2',
      '/list.xlsx 工作表「补贴名单」 mobile 139****5678 5', // line = spreadsheet row, empty row 4 counted
      `/notice.docx 正文 id-number 11*************${ID2.slice(15)} 2`,
      '/notice.docx 正文 mobile 159****5678 2',
      `/scan.pdf 第1页 id-number 42*************${ID.slice(15)} 3`,
      '/scan.pdf 第2页 mobile 136****5678 1',
      `/ascii.pdf 第1页 id-number 11*************${ID2.slice(15)} 2`,
    ]);
    const stored = allText(r.texts);
    for (const raw of [ID, ID2, '13712345678', '13912345678', '15912345678', '13612345678']) expect(stored).not.toContain(raw);
    expect(stored).toContain('0591-87654321'); // an office landline is no personal number
  }, 30_000);

  it('lists what it cannot read, with the reason, instead of skipping it', async () => {
    const r = await readAttachments([link('/locked.pdf'), link('/old.doc'), link('/fake.docx'), link('/big.pdf'), link('/missing.pdf'), link('/x.wps'), link('/scan-only.pdf'), { url: 'http://example.org/a.pdf', fromUrl: base, text: 'a.pdf' }], { isAllowed, allowPrivate: true, limits: { maxBytes: 100_000 } });
    expect(r.attachments.map((a) => [a.url.replace(base, ''), a.status])).toEqual([
      ['/locked.pdf', 'unreadable'], ['/old.doc', 'unreadable'], ['/fake.docx', 'unreadable'], ['/big.pdf', 'over-limit'], ['/missing.pdf', 'unreadable'], ['/x.wps', 'unreadable'], ['/scan-only.pdf', 'unreadable'], ['http://example.org/a.pdf', 'unreadable'],
    ]);
    for (const a of r.attachments) expect(a.reason).toBeTruthy();
    expect(r.attachments[0].reason).toContain('加密');
    expect(r.attachments[4].reason).toContain('404');
    expect(r.attachments[6].reason).toContain('无文字层');
  });

  it('an attachment on a private address is not downloaded unless the site allows private addresses', async () => {
    const r = await readAttachments([link('/list.xlsx')], { isAllowed });
    expect(r.attachments[0]).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/内网地址|private address/) });
  });

  it('past the per-site count, attachments are listed as over the limit', async () => {
    const r = await readAttachments([link('/ascii.pdf'), link('/list.xlsx'), link('/notice.docx')], { isAllowed, allowPrivate: true, limits: { maxCount: 1 } });
    expect(r.attachments.map((a) => a.status)).toEqual(['read', 'over-limit', 'over-limit']);
  });
});
