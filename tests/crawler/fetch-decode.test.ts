import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeBody, detectCharset, Fetcher, normalizeCharset } from '../../crawler/fetch/index.ts';

/** GBK encoder built by inverting Node's decoder, so the tests need no iconv. */
const gbkTable = (() => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
})();

function gbk(s: string): Buffer {
  return Buffer.from(
    [...s].flatMap((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return [code];
      const bytes = gbkTable.get(c);
      if (!bytes) throw new Error(`not in GBK: ${c}`);
      return bytes;
    }),
  );
}

const TITLE = '某某市人民政府';
const ITEM = '关于开展2026年度政府网站检查工作的通知';
const page = (head = '') => `<html><head>${head}<title>${TITLE}</title></head><body><ul><li><a href="/art/1.html">${ITEM}</a><span>2026-01-12</span></li></ul><p>政务公开 通知公告 发布日期：2026年01月12日</p></body></html>`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: { close: () => Promise<void> }[] = [];

async function serve(handler: Handler): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Serves one body at /page (robots.txt answered 404). */
async function fetchBody(body: Buffer, contentType: string) {
  const base = await serve((req, res) => {
    if (req.url === '/page') res.writeHead(200, { 'content-type': contentType }).end(body);
    else res.writeHead(404).end();
  });
  const fetcher = new Fetcher({ allowPrivate: true, defaultDelayMs: 0, retries: 0 });
  try {
    return await fetcher.fetch(`${base}/page`);
  } finally {
    await fetcher.close();
  }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('decoding pages over HTTP', () => {
  it('decodes a GBK page whose header says so', async () => {
    const r = await fetchBody(gbk(page()), 'text/html; charset=GBK');
    expect(r).toMatchObject({ ok: true, charset: 'gb18030', charsetSource: 'header', contentType: 'text/html' });
    expect(r.text).toContain(ITEM);
    expect(r.text).not.toContain('\uFFFD');
  });

  it('detects GBK when no charset is declared anywhere', async () => {
    const r = await fetchBody(gbk(page()), 'text/html');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'detected' });
    expect(r.text).toContain(TITLE);
  });

  it('does not believe a header that says utf-8 over GBK bytes', async () => {
    const r = await fetchBody(gbk(page()), 'text/html; charset=utf-8');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'detected' });
    expect(r.text).toContain(ITEM);
  });

  it('reads <meta http-equiv> charset=gb2312 as GB18030', async () => {
    const r = await fetchBody(gbk(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), 'text/html');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'meta' });
    expect(r.text).toContain(ITEM);
  });

  it('reads <meta charset="gbk">', async () => {
    const r = await fetchBody(gbk(page('<meta charset="gbk">')), 'text/html');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'meta' });
  });

  it('uses a UTF-8 byte-order mark and strips it from the text', async () => {
    const r = await fetchBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(), 'utf8')]), 'text/html');
    expect(r).toMatchObject({ charset: 'utf-8', charsetSource: 'bom' });
    expect(r.text.startsWith('<html>')).toBe(true);
    expect(r.text).toContain(ITEM);
  });

  it('detects undeclared UTF-8', async () => {
    const r = await fetchBody(Buffer.from(page(), 'utf8'), 'text/html');
    expect(r).toMatchObject({ charset: 'utf-8', charsetSource: 'detected' });
    expect(r.text).toContain(ITEM);
  });

  it('does not download or decode a PDF', async () => {
    const r = await fetchBody(Buffer.from('%PDF-1.4 binary'), 'application/pdf');
    expect(r).toMatchObject({ ok: true, status: 200, text: '', bytes: 0, contentType: 'application/pdf' });
  });
});

describe('decodeBody', () => {
  it('prefers a meta declaration that fits over a header that does not', () => {
    const r = decodeBody(gbk(page('<meta charset="gbk">')), 'text/html; charset=utf-8');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'meta' });
  });

  it('reads a page converted to UTF-8 that still declares gb2312 as UTF-8', () => {
    const r = decodeBody(Buffer.from(page('<meta charset="gb2312">'), 'utf8'), 'text/html');
    expect(r).toMatchObject({ charset: 'utf-8', charsetSource: 'detected' });
    expect(r.text).toContain(ITEM);
  });

  it('ignores a server-default ISO-8859-1 over GBK bytes', () => {
    const r = decodeBody(gbk(page()), 'text/html; charset=ISO-8859-1');
    expect(r).toMatchObject({ charset: 'gb18030', charsetSource: 'detected' });
    expect(r.text).toContain(TITLE);
  });

  it('trusts ISO-8859-1 for pure ASCII', () => {
    expect(decodeBody(Buffer.from('<p>hello</p>'), 'text/html; charset=ISO-8859-1')).toMatchObject({ charset: 'windows-1252', charsetSource: 'header' });
  });

  it('falls back to utf-8 (default) when there is nothing to tell', () => {
    expect(decodeBody(Buffer.from('<p>hello</p>'), undefined)).toEqual({ text: '<p>hello</p>', charset: 'utf-8', charsetSource: 'default' });
  });

  it('does not let a character cut by truncation count against UTF-8, nor show it', () => {
    const bytes = Buffer.from('政务公开', 'utf8').subarray(0, 10); // 3 whole characters and a third of the fourth
    expect(detectCharset(bytes, true)).toBe('utf-8');
    expect(decodeBody(bytes, 'text/html', true)).toMatchObject({ text: '政务公', charset: 'utf-8', charsetSource: 'detected' });
  });

  it('picks the reading with fewer broken characters when none is clean', () => {
    const bytes = Buffer.concat([gbk(page()), Buffer.from([0x81, 0x20])]); // one corrupt GBK pair
    const r = decodeBody(bytes, 'text/html');
    expect(r.charset).toBe('gb18030');
    expect(r.text).toContain(ITEM);
  });

  it('normalises charset labels, folding the GB family into gb18030', () => {
    expect(normalizeCharset('GB2312')).toBe('gb18030');
    expect(normalizeCharset('"gbk"')).toBe('gb18030');
    expect(normalizeCharset('x-gbk')).toBe('gb18030');
    expect(normalizeCharset('cp936')).toBe('gb18030');
    expect(normalizeCharset('UTF8')).toBe('utf-8');
    expect(normalizeCharset('no-such-charset')).toBeUndefined();
  });
});
