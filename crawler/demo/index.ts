import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSite, newestOf, type DemoColumn, type DemoSiteModel, type DemoVariant } from './content.ts';
import { encodeGbk } from './gbk.ts';
import { ATTACHMENTS, attachmentFiles, FRIEND_LINKS } from './text-plants.ts';
import { HANWEB_COL, WEBSITE_REPORT_PATH, columnHtml, detailPage, hanwebProxy, homePage, notFoundPage, simplePage, trsPageCount, websiteReport } from './pages.ts';

/**
 * The built-in demo portal: 青山县人民政府, an invented county site served on localhost. Every date is relative to
 * `today`, so the same `today` gives the same bytes; the planted problems (and only those) are listed in the
 * manifest, which is also served at `/__govaudit/manifest.json`.
 */

export interface DemoOptions {
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** YYYY-MM-DD */
  today: string;
  variant?: DemoVariant;
}

export interface DemoManifest {
  today: string;
  variant: string;
  columns: { classId: string; name: string; url: string; format: string; newest: string | null; items: number }[];
  planted: { id: string; description: string; packId: string; ruleId: string; expected: 'fail' | 'needs-review'; url?: string }[];
  deadLinks: string[];
  reviewLinks: string[];
}

export interface DemoPortal {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
  manifest: DemoManifest;
}

export const MANIFEST_PATH = '/__govaudit/manifest.json';
const DEAD_PATHS = ['/old/2019/notice.html', '/zt/expired/', '/download/missing.pdf'];
const BUSY_PATH = '/ztzl/busy/';
/** A 1×1 transparent PNG for the home-page image link. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export function buildManifest(m: DemoSiteModel, base: string): DemoManifest {
  const abs = (p: string) => new URL(p, base).href;
  const fixedExpired = m.variant === 'changed';
  const dead = DEAD_PATHS.filter((p) => !(fixedExpired && p === '/zt/expired/'));
  const col = (key: string) => m.byKey.get(key)!;
  const planted: DemoManifest['planted'] = [
    { id: 'empty-personnel', description: '人事信息栏目为空（暂无信息）', packId: 'national-2019', ruleId: 'column-empty', expected: 'fail', url: abs(col('rsxx').path) },
    { id: 'stale-department-news', description: `部门动态最新一条发布于 ${newestOf(col('bmdt'))}（${m.today} 前40天），超过2周未更新`, packId: 'national-2019', ruleId: 'news-column-stale', expected: 'fail', url: abs(col('bmdt').path) },
    { id: 'undated-plans', description: '规划计划栏目5条信息均无发布日期，无法证明1年内更新', packId: 'national-2019', ruleId: 'plan-column-stale', expected: 'fail', url: abs(col('ghjh').path) },
    // The same undated column also fails the generic 1-year rule, which applies to every column.
    { id: 'undated-plans-long-stale', description: '规划计划栏目无任何发布日期，同时计入“应更新但长期未更新栏目”', packId: 'national-2019', ruleId: 'column-long-stale', expected: 'fail', url: abs(col('ghjh').path) },
  ];
  if (m.variant === 'changed') {
    planted.push({ id: 'stale-notices', description: `通知公告最新一条发布于 ${newestOf(col('tzgg'))}（${m.today} 前200天），超过6个月未更新`, packId: 'national-2019', ruleId: 'notice-column-stale', expected: 'fail', url: abs(col('tzgg').path) });
  }
  for (const p of dead) {
    planted.push({ id: `dead-link:${p}`, description: `首页链接 ${p} 返回 404`, packId: 'national-2019', ruleId: 'dead-link', expected: 'fail', url: abs(p) });
  }
  planted.push({ id: `busy-link:${BUSY_PATH}`, description: `首页链接 ${BUSY_PATH} 总是返回 429（Retry-After: 1），无法判定`, packId: 'national-2019', ruleId: 'dead-link', expected: 'needs-review', url: abs(BUSY_PATH) });
  planted.push(...textPlants(m, abs));
  return {
    today: m.today,
    variant: m.variant,
    columns: m.columns.map((c) => ({
      classId: c.classId, name: c.name, url: abs(c.path), format: c.format, newest: newestOf(c),
      items: c.format === 'hub' ? c.children!.length : c.format === 'document' ? 1 : c.items.length,
    })),
    planted,
    deadLinks: dead.map(abs),
    reviewLinks: [abs(BUSY_PATH)],
  };
}

/** The text-check plants (security-2019): personal numbers, attachments, wording, messages, outgoing links. */
function textPlants(m: DemoSiteModel, abs: (p: string) => string): DemoManifest['planted'] {
  const leakPage = abs('/art/tzgg/1.html');
  const unanswered = m.byKey.get('xzxx')!.items.find((it) => it.state === '未回复')!;
  return [
    { id: 'id-number-on-page', description: '通知公告最新一篇附公示名单，含未脱敏身份证号（同表中的脱敏号码、校验位错误的号码不应报出）', packId: 'security-2019', ruleId: 'personal-id-number-exposed', expected: 'fail', url: leakPage },
    { id: 'mobile-on-page', description: '同一公示名单含未脱敏手机号码', packId: 'security-2019', ruleId: 'personal-mobile-exposed', expected: 'needs-review', url: leakPage },
    { id: 'id-number-in-xlsx', description: '公示附件（XLSX）含未脱敏身份证号', packId: 'security-2019', ruleId: 'personal-id-number-exposed', expected: 'fail', url: abs(ATTACHMENTS.xlsx) },
    { id: 'mobile-in-xlsx', description: '公示附件（XLSX）含未脱敏手机号码', packId: 'security-2019', ruleId: 'personal-mobile-exposed', expected: 'needs-review', url: abs(ATTACHMENTS.xlsx) },
    { id: 'bank-card-in-docx', description: '发放说明附件（DOCX）含未脱敏银行卡号', packId: 'security-2019', ruleId: 'personal-bank-card-exposed', expected: 'needs-review', url: abs(ATTACHMENTS.docx) },
    { id: 'attachment-doc', description: '申报表为旧版 DOC 格式，无法读取，列出待人工检查', packId: 'security-2019', ruleId: 'attachment-unreadable', expected: 'needs-review', url: abs(ATTACHMENTS.doc) },
    { id: 'attachment-missing', description: '首页「表格下载」链接的 PDF 不存在（404），附件无法读取', packId: 'security-2019', ruleId: 'attachment-unreadable', expected: 'needs-review', url: abs('/download/missing.pdf') },
    { id: 'outdated-ministry-name', description: '政务动态最新一篇使用已撤销的「国土资源部」名称（疑似表述错误）', packId: 'security-2019', ruleId: 'wording-error-suspected', expected: 'needs-review', url: abs('/art/zwdt/1.html') },
    { id: 'message-unanswered', description: `县长信箱留言「${unanswered.title}」${unanswered.date} 提交，超过3个月未回复`, packId: 'security-2019', ruleId: 'messages-unanswered', expected: 'fail' },
    { id: 'link-body-off-government', description: `友情链接「${FRIEND_LINKS[1]!.text}」指向非政府域名`, packId: 'security-2019', ruleId: 'outgoing-link-suspect', expected: 'needs-review', url: FRIEND_LINKS[1]!.url },
    { id: 'link-parked', description: `友情链接「${FRIEND_LINKS[2]!.text}」指向域名停放服务`, packId: 'security-2019', ruleId: 'outgoing-link-suspect', expected: 'needs-review', url: FRIEND_LINKS[2]!.url },
  ];
}

interface Answer {
  status: number;
  body: string | Uint8Array;
  type?: string;
  headers?: Record<string, string>;
}

function html(body: string, status = 200): Answer {
  return { status, body, type: 'text/html; charset=utf-8' };
}

function gbkHtml(body: string): Answer {
  return { status: 200, body: encodeGbk(body), type: 'text/html; charset=gb2312' };
}

function notFound(): Answer {
  return html(notFoundPage(), 404);
}

/** Column pages by path, with `dir/index.html` answering for `dir/`. */
function columnRoutes(m: DemoSiteModel): Map<string, { col: DemoColumn; pageNo: number }> {
  const routes = new Map<string, { col: DemoColumn; pageNo: number }>();
  for (const col of m.columns) {
    routes.set(col.path, { col, pageNo: 0 });
    if (col.path.endsWith('/')) routes.set(`${col.path}index.html`, { col, pageNo: 0 });
    if (col.path.endsWith('/index.html')) routes.set(col.path.slice(0, -'index.html'.length), { col, pageNo: 0 });
    if (col.format === 'trs') {
      const dir = col.path.slice(0, col.path.lastIndexOf('/') + 1);
      for (let p = 1; p < trsPageCount(col); p++) routes.set(`${dir}index_${p}.html`, { col, pageNo: p });
    }
  }
  return routes;
}

function route(m: DemoSiteModel, manifestJson: string, routes: ReturnType<typeof columnRoutes>, url: URL, files: Map<string, { type: string; body: Uint8Array }>): Answer {
  const path = url.pathname;
  const file = files.get(path);
  if (file) return { status: 200, body: file.body, type: file.type };
  if (path === '/' || path === '/index.html') return html(homePage(m));
  if (path === '/robots.txt') return { status: 200, body: 'User-agent: *\nDisallow: /admin/\n', type: 'text/plain; charset=utf-8' };
  if (path === MANIFEST_PATH) return { status: 200, body: manifestJson, type: 'application/json; charset=utf-8' };
  if (path === '/images/banner.png') return { status: 200, body: PNG, type: 'image/png' };
  if (path === '/jiucuo/') return html(simplePage('我为政府网站找错', '请在此提交您发现的网站错误。'));
  if (path === WEBSITE_REPORT_PATH) return html(simplePage(websiteReport(m.today)[0]!.title, '信息发布、专栏专题、解读回应、办事服务、互动交流、安全防护、移动新媒体、创新发展等情况见下表。'));
  if (path === BUSY_PATH) return { status: 429, body: 'Too Many Requests', type: 'text/plain; charset=utf-8', headers: { 'retry-after': '1' } };
  if (path === '/zt/expired/' && m.variant === 'changed') return html(simplePage('专题回顾', '本专题已结束，内容已归档。'));
  if (path === '/module/web/jpage/dataproxy.jsp') {
    const col = m.columns.find((c) => c.format === 'hanweb')!;
    const pageNo = Number(url.searchParams.get('page') ?? '1');
    if ((url.searchParams.get('col') ?? HANWEB_COL) !== HANWEB_COL || !Number.isInteger(pageNo) || pageNo < 1) return notFound();
    // Past the last page the real back end answers an empty recordset, not an error.
    return { status: 200, body: hanwebProxy(col, pageNo), type: 'text/xml; charset=utf-8' };
  }
  const art = /^\/art\/([a-z]+)\/(\d+)\.html$/.exec(path);
  if (art) {
    const col = m.byKey.get(art[1]!);
    const n = Number(art[2]);
    if (!col || n < 1 || n > col.items.length) return notFound();
    return col.gbk ? gbkHtml(detailPage(m, col, n - 1, 'gb2312')) : html(detailPage(m, col, n - 1));
  }
  const hit = routes.get(path);
  if (hit) return hit.col.gbk ? gbkHtml(columnHtml(m, hit.col, hit.pageNo)) : html(columnHtml(m, hit.col, hit.pageNo));
  return notFound();
}

export async function startDemoPortal(opts: DemoOptions): Promise<DemoPortal> {
  const host = opts.host ?? '127.0.0.1';
  const model = buildSite(opts.today, opts.variant ?? 'baseline');
  const routes = columnRoutes(model);
  const files = await attachmentFiles();
  let manifestJson = '';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    let answer: Answer;
    if (method !== 'GET' && method !== 'HEAD') {
      answer = { status: 405, body: 'Method Not Allowed', type: 'text/plain; charset=utf-8', headers: { allow: 'GET, HEAD' } };
    } else {
      try {
        answer = route(model, manifestJson, routes, new URL(req.url ?? '/', 'http://demo.invalid'), files);
      } catch (err) {
        answer = { status: 500, body: `Internal Server Error: ${(err as Error).message}`, type: 'text/plain; charset=utf-8' };
      }
    }
    const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
    res.writeHead(answer.status, {
      'content-type': answer.type ?? 'text/html; charset=utf-8',
      'content-length': String(body.byteLength),
      'cache-control': 'no-cache',
      server: 'govaudit-demo',
      ...(answer.headers ?? {}),
    });
    res.end(method === 'HEAD' ? undefined : body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const manifest = buildManifest(model, url);
  manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  let closed: Promise<void> | undefined;
  return {
    url,
    manifest,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export { buildSite } from './content.ts';
