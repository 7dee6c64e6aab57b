import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small county portal served on 127.0.0.1 whose every answer takes `delayMs`, so a crawl of it lasts long enough
 * to be killed half way. Counts requests per path, to prove a resumed crawl does not fetch pages again.
 */
export interface SlowSite {
  url: string;
  hits: Map<string, number>;
  close(): Promise<void>;
}

const COLUMNS: [string, string][] = [
  ['zwdt', '政务动态'], ['tzgg', '通知公告'], ['zcwj', '政策文件'], ['zcjd', '政策解读'], ['ghjh', '规划计划'],
  ['rsxx', '人事信息'], ['czyjs', '财政预决算'], ['tjxx', '统计信息'], ['jgzn', '机构职能'], ['ldxx', '领导信息'],
];

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** `host` may be any loopback address (127.0.0.2 …), so tests can stand up many distinct hosts. */
export async function startSlowSite(opts: { delayMs: number; today: string; host?: string }): Promise<SlowSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    setTimeout(() => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (path === '/') {
        const nav = COLUMNS.map(([slug, name]) => `<li><a href="/${slug}/">${name}</a></li>`).join('');
        const news = Array.from({ length: 10 }, (_, i) => `<li><a href="/zwdt/${i}.html">青山县召开第${i + 1}次工作会议</a><span class="date">${opts.today}</span></li>`).join('');
        return res.end(page('青山县人民政府', `<ul class="nav">${nav}</ul><div class="news"><ul>${news}</ul></div><div class="footer">网站标识码3601230001</div>`));
      }
      const col = COLUMNS.find(([slug]) => path === `/${slug}/`);
      if (col) {
        const items = Array.from({ length: 8 }, (_, i) => `<li><a href="/${col[0]}/${i}.html">${col[1]}信息第${i + 1}条</a><span class="date">${opts.today}</span></li>`).join('');
        return res.end(page(col[1], `<h1>${col[1]}</h1><ul class="list">${items}</ul>`));
      }
      if (/^\/\w+\/\d+\.html$/.test(path)) return res.end(page('正文', `<meta name="PubDate" content="${opts.today} 09:00"><p>正文内容</p>`));
      if (path === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
      res.statusCode = 404;
      res.end(page('404', '页面不存在'));
    }, opts.delayMs);
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok) => server.listen(0, host, ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    hits,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
