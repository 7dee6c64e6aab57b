import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fetcher } from '../../crawler/fetch/index.ts';
import { candidateFiles, httrackQueryHash, SnapshotFolder } from '../../crawler/snapshot/index.ts';
import { snapshotTakenAt } from '../../crawler/snapshot/taken-at.ts';
import { snapshotTransport } from '../../crawler/snapshot/transport.ts';

/** A saved copy answers URLs the way the live server did, from files only; nothing else is reachable. */

let dir = '';
let folder: SnapshotFolder;
const gbkTitle = Buffer.from([0xc7, 0xe0, 0xc9, 0xbd]); // 青山 in GBK

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'snapshot-folder-'));
  mkdirSync(join(dir, 'news'), { recursive: true });
  mkdirSync(join(dir, 'e/public/ViewClick'), { recursive: true });
  mkdirSync(join(dir, 'ztlm'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!-- Mirrored from www.example.gov.cn/ by HTTrack Website Copier/3.x [XR&CO\'2014], Fri, 27 Jul 2018 23:43:03 GMT -->\n<html>home</html>');
  writeFileSync(join(dir, 'news/index.html'), '<html>news</html>');
  writeFileSync(join(dir, `index${httrackQueryHash('link=zjzc')}.html`), '<html>zjzc</html>');
  writeFileSync(join(dir, 'e/public/ViewClick/index0078.html'), "document.write('9');");
  writeFileSync(join(dir, 'ztlm/index.html'), '<html>jhtml saved as html</html>');
  writeFileSync(join(dir, 'app.js'), 'var a = 1;');
  writeFileSync(join(dir, 'gbk.html'), Buffer.concat([Buffer.from('<html><head><meta charset="gbk"><title>'), gbkTitle, Buffer.from('</title></head></html>')]));
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /private/\n');
  writeFileSync(join(tmpdir(), 'outside-secret.html'), 'secret');
  symlinkSync(join(tmpdir(), 'outside-secret.html'), join(dir, 'escape.html'));
  folder = new SnapshotFolder(dir, ['www.example.gov.cn']);
});

afterAll(() => vi.restoreAllMocks());

const get = (url: string) => folder.answer(new URL(url));
const body = async (url: string) => Buffer.from((await get(url)).body).toString('utf8');

describe('snapshot folder', () => {
  it('names query pages as HTTrack does (md5 of the query, first four hex digits)', () => {
    expect(httrackQueryHash('link=zjzc')).toBe('c904');
    expect(httrackQueryHash('classid=540&id=6358&addclick=1')).toBe('0078');
    expect(candidateFiles('/index.html', 'link=zjzc')[0]).toBe('/indexc904.html');
    expect(candidateFiles('/e/public/ViewClick/', 'classid=540&id=6358&addclick=1')[0]).toBe('/e/public/ViewClick/index0078.html');
  });

  it('answers folders with index.html, :80 links as the same host, renamed dynamic pages and HTTrack query pages', async () => {
    expect(await body('http://www.example.gov.cn/')).toContain('home');
    expect(await body('http://www.example.gov.cn:80/news/')).toContain('news');
    expect(await body('http://www.example.gov.cn/index.html?link=zjzc')).toContain('zjzc');
    // the copy's own links already name the renamed file, query kept
    expect(await body('http://www.example.gov.cn/indexc904.html?link=zjzc')).toContain('zjzc');
    expect(await body('http://www.example.gov.cn/e/public/ViewClick/?classid=540&id=6358&addclick=1')).toContain('9');
    expect(await body('http://www.example.gov.cn/ztlm/index.jhtml')).toContain('jhtml saved as html');
    expect((await get('http://www.example.gov.cn/news')).status).toBe(301);
    expect((await get('http://www.example.gov.cn/news')).headers.location).toBe('http://www.example.gov.cn/news/');
  });

  it('gives 404 for what was not saved: a page with an unsaved query is not another page', async () => {
    expect((await get('http://www.example.gov.cn/index.html?link=ywdt')).status).toBe(404);
    expect((await get('http://www.example.gov.cn/indexc904.html?link=ywdt')).status).toBe(404); // not that query's name
    expect((await get('http://www.example.gov.cn/nothing/')).status).toBe(404);
    expect((await get('http://www.example.gov.cn/escape.html')).status).toBe(404); // a symlink out of the folder
    expect((await get('http://www.example.gov.cn/%2e%2e/outside-secret.html')).status).toBe(404);
    expect((await get('http://other.example.com/index.html')).status).toBe(404);
    // a script's query is a cache-buster: the plain file is the same script
    expect((await get('http://www.example.gov.cn/app.js?v=123')).status).toBe(200);
  });

  it('serves content types by extension and the bytes as stored', async () => {
    const gbk = await get('http://www.example.gov.cn/gbk.html');
    expect(gbk.headers['content-type']).toBe('text/html');
    expect(Buffer.from(gbk.body).includes(gbkTitle)).toBe(true);
    expect((await get('http://www.example.gov.cn/app.js')).headers['content-type']).toBe('application/javascript');
  });

  it('dates the copy from the HTTrack comment', () => {
    expect(snapshotTakenAt(dir, join(dir, 'index.html'))).toEqual({ takenAt: '2018-07-27T23:43:03.000Z', takenAtFrom: 'httrack-comment' });
    expect(snapshotTakenAt(dir, join(dir, 'news/index.html')).takenAtFrom).toBe('newest-file-time');
  });

  it('is a Fetcher transport: robots.txt from the folder, charset found by the fetcher, other hosts refused, no HTTP at all', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const fetcher = new Fetcher({ transport: snapshotTransport(folder), allowedHosts: ['www.example.gov.cn'], defaultDelayMs: 0 });
    try {
      const page = await fetcher.fetch('http://www.example.gov.cn/gbk.html');
      expect(page.ok).toBe(true);
      expect(page.text).toContain('青山');
      expect((await fetcher.fetch('http://www.example.gov.cn/private/x.html')).error?.kind).toBe('robots');
      expect((await fetcher.fetch('http://www.example.gov.cn/news')).finalUrl).toBe('http://www.example.gov.cn/news/');
      expect((await fetcher.fetch('http://127.0.0.1:9/')).error?.kind).toBe('off-site');
      // Not saved is not dead: the crawler gets "not in the saved copy" (needs-review), not a 404 (a broken page).
      expect((await fetcher.fetch('http://www.example.gov.cn/gone.html')).error?.kind).toBe('not-saved');
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      await fetcher.close();
    }
  });
});
