import { MemoryStore } from '../../crawler/store/memory-store.ts';
import type { RunRecord, SiteSummary, StoredSite } from '../../crawler/store/types.ts';
import { addDays, daysBetween } from '../../rules/dates/days.ts';
import { OUTCOMES, type Finding, type LocalText, type Outcome, type PackResult, type RuleSource, type Severity, type SiteResult, type Verdict } from '../../rules/model/finding.ts';
import type { ColumnObservation, IsoDate, ItemObservation, LinkObservation, SiteInfo, SiteSnapshot } from '../../rules/model/snapshot.ts';

/**
 * Hand-built stored results for the report tests: a few Jiangsu sites over two runs, shaped like what the engine
 * stores (national-2019 rules, vetoes and scoring mirrored in miniature), with hostile page text mixed in.
 */

export const RUN_A = '20251201-090000-a1b2';
export const RUN_B = '20260115-090000-c3d4';
export const DATE_A = '2025-12-01';
export const DATE_B = '2026-01-15';

const PACK = 'national-2019';
const PACK_TITLE: LocalText = { zh: '政府网站与政务新媒体检查指标（国办秘函〔2019〕19号）', en: 'National inspection indicators for government websites (2019)' };
const DOC = '国办秘函〔2019〕19号';

interface RuleInfo { title: LocalText; check: string; severity: Severity; source: RuleSource; column?: string; maxAge?: number; warnBefore?: number }

const RULES: Record<string, RuleInfo> = {
  'site-unreachable': { title: { zh: '站点无法访问', en: 'Site unreachable' }, check: 'site-availability', severity: 'veto', source: { doc: DOC, item: '单项否决·站点无法访问', quote: '监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍无法打开的次数累计超过（含）总监测次数的5%' } },
  'homepage-stale': { title: { zh: '首页不更新', en: 'Home page not updated' }, check: 'homepage-freshness', severity: 'veto', source: { doc: DOC, item: '单项否决·首页不更新', quote: '监测2周，首页无信息更新的' } },
  'news-column-stale': { title: { zh: '动态要闻类栏目不更新', en: 'News column not updated' }, check: 'column-recency', severity: 'deduct', column: 'news', maxAge: 14, warnBefore: 3, source: { doc: DOC, item: '单项否决·栏目不更新', quote: '动态、要闻类栏目超过2周未更新的' } },
  'notice-column-stale': { title: { zh: '通知公告类栏目不更新', en: 'Notice column not updated' }, check: 'column-recency', severity: 'deduct', column: 'notice', maxAge: 180, warnBefore: 14, source: { doc: DOC, item: '单项否决·栏目不更新', quote: '通知公告、政策文件类栏目超过6个月未更新的' } },
  'policy-column-stale': { title: { zh: '政策文件类栏目不更新', en: 'Policy column not updated' }, check: 'column-recency', severity: 'deduct', column: 'policy', maxAge: 180, warnBefore: 14, source: { doc: DOC, item: '单项否决·栏目不更新', quote: '通知公告、政策文件类栏目超过6个月未更新的' } },
  'plan-column-stale': { title: { zh: '人事、规划计划类栏目不更新', en: 'Personnel or plan column not updated' }, check: 'column-recency', severity: 'deduct', column: 'plan', maxAge: 365, warnBefore: 30, source: { doc: DOC, item: '扣分指标·栏目更新', quote: '人事、规划计划类信息超过1年未更新' } },
  'column-empty': { title: { zh: '空白栏目', en: 'Empty column' }, check: 'column-empty', severity: 'deduct', source: { doc: DOC, item: '单项否决·栏目不更新', quote: '空白栏目数量超过（含）5个' } },
  'homepage-low-volume': { title: { zh: '首页栏目信息更新量不足', en: 'Too few home-page updates' }, check: 'homepage-volume', severity: 'deduct', source: { doc: DOC, item: '扣分指标·首页栏目', quote: '监测时间点前2周内，首页栏目信息更新总量少于10条' } },
  'consultation-unanswered': { title: { zh: '留言超过3个月未答复', en: 'Messages unanswered for over 3 months' }, check: 'manual-check', severity: 'advisory', column: 'consultation', source: { doc: DOC, item: '单项否决·互动回应差', quote: '近1年内对网民留言超过3个月未回应' } },
  'dead-link': { title: { zh: '错链、断链', en: 'Dead links' }, check: 'dead-links', severity: 'advisory', source: { doc: DOC, item: '扣分指标·可用性', quote: '首页及其他页面链接不可用（每条扣分待核实）' } },
  'site-identity-missing': { title: { zh: '网站标识不全', en: 'Site identity marks missing' }, check: 'site-identity', severity: 'advisory', source: { doc: DOC, item: '扣分指标·网站标识', quote: '网站标识码、党政机关网站标识、ICP备案编号、公安机关备案标识' } },
};

const VETOES = [
  { id: 'columns-stale', title: { zh: '栏目不更新（单项否决）', en: 'Columns not updated (veto)' }, rules: ['news-column-stale', 'notice-column-stale', 'policy-column-stale'], atLeast: 5, source: { doc: DOC, item: '单项否决·栏目不更新', quote: '动态、要闻类栏目超过2周未更新的，通知公告、政策文件类栏目超过6个月未更新的，累计超过（含）5个' } },
  { id: 'columns-empty', title: { zh: '空白栏目（单项否决）', en: 'Empty columns (veto)' }, rules: ['column-empty'], atLeast: 5, source: { doc: DOC, item: '单项否决·栏目不更新', quote: '空白栏目数量超过（含）5个' } },
];
const SCORING = [
  { id: 'homepage-volume', title: { zh: '首页栏目更新量（分值待核实）', en: 'Home-page volume (points unverified)' }, rules: ['homepage-low-volume'], points: 5, cap: 5 },
  { id: 'news-stale', title: { zh: '动态要闻类栏目更新（分值待核实）', en: 'News columns (points unverified)' }, rules: ['news-column-stale'], points: 3, cap: 15 },
  { id: 'notice-stale', title: { zh: '通知公告政策文件类更新（分值待核实）', en: 'Notice and policy columns (points unverified)' }, rules: ['notice-column-stale', 'policy-column-stale'], points: 4, cap: 20 },
  { id: 'plan-stale', title: { zh: '人事规划计划类更新（分值待核实）', en: 'Personnel and plan columns (points unverified)' }, rules: ['plan-column-stale'], points: 5, cap: 10 },
  { id: 'empty-columns', title: { zh: '空白栏目（分值待核实）', en: 'Empty columns (points unverified)' }, rules: ['column-empty'], points: 2, cap: 3 },
];

function finding(ruleId: string, outcome: Outcome, messageId: string, message: LocalText, extra: Partial<Finding> = {}): Finding {
  const r = RULES[ruleId]!;
  return { packId: PACK, ruleId, check: r.check, severity: r.severity, outcome, messageId, data: {}, message, ruleTitle: r.title, evidence: [], source: r.source, ...(r.column ? { column: { classId: r.column } } : {}), ...extra };
}

/** A column spec: items as [title, date?, url?]. */
export interface ColumnSpec {
  classId: string;
  name: string;
  slug: string;
  items: [string, IsoDate?, string?][];
  status?: ColumnObservation['status'];
  statusReason?: string;
}

function column(host: string, c: ColumnSpec): ColumnObservation {
  const url = `http://${host}/col/${c.slug}/index.html`;
  const items: ItemObservation[] = c.items.map(([title, date, u], i) => ({
    title, ...(date ? { date, dateText: `[${date}]` } : {}), url: u ?? (date ? `http://${host}/art/${date.replace(/-/g, '/')}/art_${c.slug}_${i + 1}.html` : `http://${host}/art/art_${c.slug}_${i + 1}.html`),
    cssPath: `div.list > ul > li:nth-child(${i + 1}) > a`,
  }));
  return {
    classId: c.classId, name: c.name, url, matchedBy: 'name', matchReason: `栏目名称「${c.name}」匹配类别 ${c.classId}`,
    status: c.status ?? 'ok', ...(c.statusReason ? { statusReason: c.statusReason } : {}),
    items, itemCount: c.status && c.status !== 'ok' ? 0 : items.length, pagesRead: c.status && c.status !== 'ok' ? 0 : 1, listCssPath: 'div.list > ul',
  };
}

function recencyFindings(col: ColumnObservation, now: IsoDate): Finding[] {
  const out: Finding[] = [];
  for (const [ruleId, r] of Object.entries(RULES)) {
    if (r.check !== 'column-recency' || r.column !== col.classId) continue;
    const cref = { column: { classId: col.classId, name: col.name, url: col.url } };
    const base = { column: col.name, maxAge: r.maxAge!, unit: 'days', unitZh: '天' };
    if (col.status !== 'ok') {
      out.push(finding(ruleId, 'needs-review', 'unreadable', { zh: `「${col.name}」无法读取：${col.statusReason}`, en: `"${col.name}" could not be read: ${col.statusReason}` }, { ...cref, data: { ...base, reason: col.statusReason ?? '' }, evidence: [{ url: col.url, title: col.name }] }));
      continue;
    }
    if (col.itemCount === 0) {
      out.push(finding(ruleId, 'not-applicable', 'empty', { zh: `「${col.name}」无内容（由空白栏目规则判定）`, en: `"${col.name}" is empty (judged by the empty-column rule)` }, { ...cref, data: base }));
      continue;
    }
    const dated = col.items.filter((i) => i.date && i.date <= now).sort((a, b) => b.date!.localeCompare(a.date!));
    const newest = dated[0];
    if (!newest) {
      out.push(finding(ruleId, 'fail', 'undated', { zh: `「${col.name}」有 ${col.items.length} 条信息但均无发布日期，视为未更新`, en: `"${col.name}" has ${col.items.length} items but none carries a date: counted as not updated` },
        { ...cref, data: { ...base, items: col.items.length }, evidence: [{ url: col.url, title: col.name, note: col.matchReason }, ...col.items.slice(0, 2).map((i) => ({ url: i.url, title: i.title, note: 'no date' }))] }));
      continue;
    }
    const due = addDays(newest.date!, r.maxAge!);
    const age = daysBetween(newest.date!, now);
    const data = { ...base, date: newest.date!, ageDays: age };
    const evidence = [{ url: newest.url, title: newest.title, date: newest.date, cssPath: newest.cssPath, note: 'newest dated item' }];
    if (now > due) out.push(finding(ruleId, 'fail', 'stale', { zh: `「${col.name}」最近更新于 ${newest.date}，已 ${age} 天未更新（限 ${r.maxAge} 天）`, en: `"${col.name}" last updated ${newest.date}, ${age} days ago (limit ${r.maxAge} days)` }, { ...cref, data, evidence }));
    else if (daysBetween(now, due) <= r.warnBefore!) out.push(finding(ruleId, 'warn', 'due-soon', { zh: `「${col.name}」需在 ${due} 前更新（最近 ${newest.date}）`, en: `"${col.name}" must be updated by ${due} (last ${newest.date})` }, { ...cref, data: { ...data, dueDate: due }, evidence, dueDate: due }));
    else out.push(finding(ruleId, 'pass', 'fresh', { zh: `「${col.name}」最近更新于 ${newest.date}（${age} 天前，限 ${r.maxAge} 天）`, en: `"${col.name}" last updated ${newest.date}, ${age} days ago (limit ${r.maxAge} days)` }, { ...cref, data, evidence, dueDate: due }));
  }
  const cref = { column: { classId: col.classId, name: col.name, url: col.url } };
  if (col.status !== 'ok') out.push(finding('column-empty', 'needs-review', 'unreadable', { zh: `「${col.name}」无法读取：${col.statusReason}`, en: `"${col.name}" could not be read: ${col.statusReason}` }, { ...cref, evidence: [{ url: col.url, title: col.name }] }));
  else if (col.itemCount === 0) out.push(finding('column-empty', 'fail', 'empty', { zh: `「${col.name}」为空白栏目`, en: `"${col.name}" is an empty column` }, { ...cref, data: { column: col.name }, evidence: [{ url: col.url, title: col.name, cssPath: col.listCssPath, note: col.matchReason }] }));
  else out.push(finding('column-empty', 'pass', 'has-content', { zh: `「${col.name}」有 ${col.itemCount} 条信息`, en: `"${col.name}" has ${col.itemCount} items` }, { ...cref, data: { column: col.name, items: col.itemCount } }));
  return out;
}

function linkFindings(links: LinkObservation[]): Finding[] {
  const bad = links.filter((l) => l.status !== 'ok');
  if (!bad.length) return [finding('dead-link', 'pass', 'none', { zh: `检查 ${links.length} 个链接，未发现错链`, en: `${links.length} links checked, none dead` }, { data: { checked: links.length } })];
  return bad.map((l) => {
    const reason = l.reason ?? String(l.httpStatus ?? '');
    const dead = l.status === 'dead';
    return finding('dead-link', dead ? 'fail' : 'needs-review', dead ? 'dead' : 'unverified',
      dead ? { zh: `错链：${l.url}（${reason}）`, en: `Dead link: ${l.url} (${reason})` } : { zh: `链接无法确认：${l.url}（${reason}）`, en: `Link could not be verified: ${l.url} (${reason})` },
      { data: { url: l.url, reason, text: l.text ?? '' }, evidence: [{ url: l.url, title: l.text, note: `linked from ${l.fromUrl}; ${l.attempts} attempts` }] });
  });
}

function countOutcomes(findings: Finding[]): Record<Outcome, number> {
  const c = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const f of findings) c[f.outcome]++;
  return c;
}

function packResult(findings: Finding[]): PackResult {
  const n = (ids: string[], outs: Outcome[]) => findings.filter((f) => ids.includes(f.ruleId) && outs.includes(f.outcome)).length;
  const vetoDefs = [
    ...Object.entries(RULES).filter(([, r]) => r.severity === 'veto').map(([id, r]) => ({ id, title: r.title, rules: [id], atLeast: 1, source: r.source })),
    ...VETOES,
  ];
  const vetoes = vetoDefs.map((v) => {
    const count = n(v.rules, ['fail']);
    const open = n(v.rules, ['needs-review', 'error']);
    const triggered = count >= v.atLeast;
    return { id: v.id, title: v.title, count, atLeast: v.atLeast, triggered, undecided: !triggered && count + open >= v.atLeast, ruleIds: v.rules, source: v.source };
  });
  const deductions = SCORING.map((s) => {
    const k = n(s.rules, ['fail']);
    return { id: s.id, title: s.title, findings: k, uncapped: k * s.points, cap: s.cap, points: Math.min(k * s.points, s.cap) };
  });
  const total = Math.max(0, 100 - deductions.reduce((s, d) => s + d.points, 0));
  const verdict: Verdict = vetoes.some((v) => v.triggered) || total < 60 ? 'fail' : vetoes.some((v) => v.undecided) ? 'needs-review' : 'pass';
  return { packId: PACK, packTitle: PACK_TITLE, inForce: true, verdict, vetoes, score: { max: 100, passMark: 60, total, deductions }, findings, counts: countOutcomes(findings) };
}

/** A pack outside its validity: stored, but must not count anywhere. */
function oldPack(): PackResult {
  const f: Finding = { packId: 'suqian-2017', ruleId: 'news-column-stale', check: 'column-recency', severity: 'veto', outcome: 'fail', messageId: 'stale', data: {},
    message: { zh: '不应出现在报告中的过期规则包结论', en: 'A finding from a pack not in force' }, ruleTitle: { zh: '过期规则', en: 'Old rule' }, evidence: [], source: { doc: '宿政办发〔2017〕1号' } };
  return { packId: 'suqian-2017', packTitle: { zh: '宿迁市政府网站考核办法（2017）', en: 'Suqian website assessment (2017)' }, inForce: false, verdict: 'pass', vetoes: [], findings: [f], counts: countOutcomes([f]) };
}

export interface SiteSpec {
  info: SiteInfo;
  runId: string;
  now: IsoDate;
  columns: ColumnSpec[];
  links?: LinkObservation[];
  homeItems?: number;
  manualReview?: boolean;
  identityMissing?: boolean;
  discoveryComplete?: boolean;
}

export function buildSite(s: SiteSpec): StoredSite {
  const host = new URL(s.info.homeUrl).host;
  const columns = s.columns.map((c) => column(host, c));
  const links = s.links ?? [];
  const homeItems = s.homeItems ?? 24;
  const findings: Finding[] = [
    finding('site-unreachable', 'pass', 'ok', { zh: '监测 140 次，失败 0 次', en: '140 samples, 0 failures' }),
    finding('homepage-stale', 'pass', 'fresh', { zh: `首页最近更新于 ${addDays(s.now, -1)}`, en: `Home page last updated ${addDays(s.now, -1)}` }),
    homeItems < 10
      ? finding('homepage-low-volume', 'fail', 'low', { zh: `首页近 14 天更新 ${homeItems} 条（应不少于 10 条）`, en: `${homeItems} home-page items in 14 days (at least 10 required)` }, { data: { items: homeItems, minItems: 10 }, evidence: [{ url: s.info.homeUrl, note: 'home page' }] })
      : finding('homepage-low-volume', 'pass', 'ok', { zh: `首页近 14 天更新 ${homeItems} 条`, en: `${homeItems} home-page items in 14 days` }),
    ...columns.flatMap((c) => recencyFindings(c, s.now)),
    ...linkFindings(links),
    ...(s.manualReview ? [finding('consultation-unanswered', 'needs-review', 'manual', { zh: '需人工核查：抽查近1年政务咨询留言，是否有超过3个月未回应的有效留言', en: 'Check by hand: sample last year’s messages for any left unanswered over 3 months' }, { data: { hint: '抽查近1年政务咨询留言' } })] : []),
    s.identityMissing
      ? finding('site-identity-missing', 'fail', 'missing', { zh: '页脚缺少：公安机关备案号', en: 'Footer lacks: public-security filing number' }, { data: { missing: '公安机关备案号' }, evidence: [{ url: s.info.homeUrl, note: 'footer' }] })
      : finding('site-identity-missing', 'pass', 'ok', { zh: '网站标识齐全', en: 'All identity marks present' }),
  ];
  const pack = packResult(findings);
  const snapshot: SiteSnapshot = {
    site: s.info,
    capturedAt: `${s.now}T01:23:00.000Z`,
    home: { url: s.info.homeUrl, status: 'ok', items: [], footerText: '主办单位：县人民政府办公室 网站标识码3213220001 苏ICP备05002345号' },
    columns, links, availability: [{ at: `${s.now}T01:00:00.000Z`, ok: true, ms: 420, httpStatus: 200 }],
    discoveryComplete: s.discoveryComplete ?? true,
  };
  const result: SiteResult = { siteId: s.info.id, evaluatedAt: s.now, verdict: pack.verdict, packs: [pack, oldPack()] };
  return { runId: s.runId, snapshot, result, stats: { pages: 87, errors: 2, elapsedMs: 48_500, bytes: 3_400_000, rendered: 1 } };
}

export const XSS_TITLE = '<script>alert(1)</script>关于开展2025年度安全生产大检查的通知';
export const JS_URL = 'javascript:alert(document.cookie)';
/** A title with a right-to-left override and a zero-width space hidden in it. */
export const BIDI_TITLE = '县农业农村局\u202E开展冬季\u200B安全生产检查';

const SHUYANG: SiteInfo = { id: 'shuyang', name: '沭阳县人民政府', homeUrl: 'http://www.shuyang.gov.cn/', kind: 'county', idCode: '3213220001', parent: 'suqian' };
const SIYANG: SiteInfo = { id: 'siyang', name: '泗阳县人民政府', homeUrl: 'https://www.siyang.gov.cn/', kind: 'county', idCode: '3213230001', parent: 'suqian' };
const SUQIAN: SiteInfo = { id: 'suqian', name: '宿迁市人民政府', homeUrl: 'https://www.suqian.gov.cn/', kind: 'city', idCode: '3213000001', parent: '江苏省人民政府' };
const JIANGSU: SiteInfo = { id: 'jiangsu', name: '江苏省人民政府', homeUrl: 'https://www.jiangsu.gov.cn/', kind: 'province', idCode: '3200000001' };

/** 沭阳县: the county with stale and empty columns, dead links, a triggered veto and hostile titles. */
export function shuyang(run: 'A' | 'B'): StoredSite {
  const b = run === 'B';
  const now = b ? DATE_B : DATE_A;
  return buildSite({
    info: SHUYANG, runId: b ? RUN_B : RUN_A, now, homeItems: 6, manualReview: true, identityMissing: true,
    columns: [
      { classId: 'news', name: '政务动态', slug: 'zwdt', items: [['县委常委会召开专题会议研究部署冬季安全生产工作', '2025-12-20'], ['我县召开2025年度民生实事项目推进会', '2025-12-18']] },
      // Fresh in run A, stale in B: "went stale".
      { classId: 'news', name: '乡镇动态', slug: 'xzdt', items: [['钱集镇开展秸秆禁烧专项巡查', b ? '2025-12-25' : '2025-11-25']] },
      // Stale in run A, fresh in B: "came back".
      { classId: 'news', name: '部门动态', slug: 'bmdt', items: b ? [[BIDI_TITLE, '2026-01-13'], ['县市场监管局开展元旦春节食品安全检查', '2026-01-10']] : [['县市场监管局召开季度工作会议', '2025-11-02']] },
      { classId: 'news', name: '图片新闻', slug: 'tpxw', items: [['沭阳花木节开幕（组图）', b ? '2026-01-03' : '2025-11-20']] },
      { classId: 'notice', name: '通知公告', slug: 'tzgg', items: [[XSS_TITLE, '2025-06-30', JS_URL], ['关于2025年度县级机关公开遴选公务员的公告', '2025-05-12']] },
      { classId: 'policy', name: '政策文件', slug: 'zcwj', items: [['沭阳县人民政府关于印发《沭阳县促进民营经济发展若干措施》的通知'], ['县政府办公室关于做好2025年防汛抗旱工作的通知']] },
      { classId: 'policy', name: '规范性文件', slug: 'gfxwj', items: [['沭阳县城市绿化管理办法', '2025-03-10']] },
      { classId: 'interpretation', name: '政策解读', slug: 'zcjd', items: [] },
      { classId: 'personnel', name: '人事信息', slug: 'rsxx', items: [] },
      { classId: 'plan', name: '规划计划', slug: 'ghjh', items: [['沭阳县国民经济和社会发展第十四个五年规划纲要中期评估报告', '2024-11-20']] },
      { classId: 'finance', name: '财政预决算', slug: 'czyjs', items: [], status: 'unreachable', statusReason: 'HTTP 503（两次尝试）' },
    ],
    links: [
      { url: 'http://www.shuyang.gov.cn/art/2023/5/6/art_123_4567.html', fromUrl: 'http://www.shuyang.gov.cn/col/zwdt/index.html', text: '我县召开优化营商环境大会', status: 'dead', httpStatus: 404, reason: 'HTTP 404', attempts: 2 },
      { url: 'http://old.shuyang.gov.cn/', fromUrl: 'http://www.shuyang.gov.cn/', text: '沭阳县政府旧版网站', status: 'dead', reason: 'DNS 解析失败', attempts: 2 },
      // Dead in run A, answering in B: "fixed".
      { url: 'http://www.shuyang.gov.cn/art/2022/1/1/art_99_1.html', fromUrl: 'http://www.shuyang.gov.cn/', text: '县长信箱', status: b ? 'ok' : 'dead', ...(b ? { httpStatus: 200 } : { httpStatus: 404, reason: 'HTTP 404' }), attempts: b ? 1 : 2 },
      { url: 'http://www.jszwfw.gov.cn/', fromUrl: 'http://www.shuyang.gov.cn/', text: '江苏政务服务网', status: 'needs-review', httpStatus: 403, reason: 'HTTP 403（可能拦截爬虫）', attempts: 2 },
    ],
  });
}

export function siyang(): StoredSite {
  return buildSite({
    info: SIYANG, runId: RUN_B, now: DATE_B,
    columns: [
      { classId: 'news', name: '泗阳要闻', slug: 'syyw', items: [['泗阳县召开全县经济工作会议', '2026-01-14']] },
      { classId: 'notice', name: '通知公告', slug: 'tzgg', items: [['关于2026年元旦放假安排的通知', '2025-12-26']] },
      { classId: 'policy', name: '政府文件', slug: 'zfwj', items: [['泗阳县人民政府关于印发2026年政府工作要点的通知', '2026-01-08']] },
      { classId: 'interpretation', name: '政策解读', slug: 'zcjd', items: [['图解：2026年泗阳县政府工作要点', '2026-01-09']] },
      { classId: 'plan', name: '规划计划', slug: 'ghjh', items: [['泗阳县2025年国民经济和社会发展计划执行情况', '2025-09-01']] },
    ],
    links: [{ url: 'https://www.siyang.gov.cn/col/zwdt/', fromUrl: 'https://www.siyang.gov.cn/', status: 'ok', httpStatus: 200, attempts: 1 }],
  });
}

export function suqian(run: 'A' | 'B'): StoredSite {
  const b = run === 'B';
  // Run B: one stale column and four unreadable ones, so the stale-columns veto (5) is undecided: 待复核.
  const unreadable = b ? { status: 'needs-review' as const, statusReason: '列表由脚本加载，渲染后仍无条目' } : {};
  return buildSite({
    info: SUQIAN, runId: b ? RUN_B : RUN_A, now: b ? DATE_B : DATE_A, manualReview: true, discoveryComplete: b,
    columns: [
      { classId: 'news', name: '宿迁要闻', slug: 'sqyw', items: [['市委常委会召开会议', b ? '2026-01-14' : '2025-11-29']] },
      { classId: 'news', name: '部门动态', slug: 'bmdt', items: [['市发改委召开年度工作会', b ? '2025-12-20' : '2025-11-28']] },
      { classId: 'news', name: '县区动态', slug: 'xqdt', items: [['宿豫区召开三级干部大会', '2025-11-27']], ...unreadable },
      { classId: 'notice', name: '通知公告', slug: 'tzgg', items: [['关于征求《宿迁市养犬管理条例（草案）》意见的公告', '2025-08-20']], ...unreadable },
      { classId: 'policy', name: '市政府文件', slug: 'zfwj', items: [['宿迁市人民政府关于印发宿迁市国土空间总体规划的通知', '2025-07-29']], ...unreadable },
      { classId: 'policy', name: '市政府办公室文件', slug: 'bgswj', items: [['市政府办公室关于做好2026年元旦春节期间有关工作的通知', '2025-12-24']], ...unreadable },
      { classId: 'interpretation', name: '政策解读', slug: 'zcjd', items: [['一图读懂宿迁市国土空间总体规划', '2025-08-01']] },
    ],
    links: [{ url: 'https://www.suqian.gov.cn/sqsrmzf/zwdt/', fromUrl: 'https://www.suqian.gov.cn/', status: 'ok', httpStatus: 200, attempts: 1 }],
  });
}

export function jiangsu(): StoredSite {
  return buildSite({
    info: JIANGSU, runId: RUN_B, now: DATE_B, homeItems: 80,
    columns: [
      { classId: 'news', name: '江苏要闻', slug: 'jsyw', items: [['省政府召开常务会议', '2026-01-15'], ['全省安全生产电视电话会议召开', '2026-01-14']] },
      { classId: 'notice', name: '通知公告', slug: 'tzgg', items: [['江苏省人民政府关于公布第六批省级非物质文化遗产代表性项目名录的通知', '2026-01-05']] },
      { classId: 'policy', name: '省政府文件', slug: 'szfwj', items: [['省政府关于印发江苏省加快建设制造强省行动方案的通知', '2026-01-10']] },
      { classId: 'interpretation', name: '政策解读', slug: 'zcjd', items: [['《江苏省加快建设制造强省行动方案》政策解读', '2026-01-11']] },
      { classId: 'plan', name: '规划计划', slug: 'ghjh', items: [['江苏省“十五五”规划编制工作方案', '2025-10-15']] },
    ],
    links: [{ url: 'https://www.jiangsu.gov.cn/col/col76841/', fromUrl: 'https://www.jiangsu.gov.cn/', status: 'ok', httpStatus: 200, attempts: 1 }],
  });
}

export function summaryOf(site: StoredSite): SiteSummary {
  const live = site.result.packs.filter((p) => p.inForce);
  const score = live.find((p) => p.score)?.score?.total;
  return {
    siteId: site.snapshot.site.id, name: site.snapshot.site.name, ...(site.snapshot.site.parent ? { parent: site.snapshot.site.parent } : {}),
    verdict: site.result.verdict, ...(score !== undefined ? { score } : {}),
    vetoes: live.flatMap((p) => p.vetoes.filter((v) => v.triggered).map((v) => v.id)),
    failed: live.reduce((n, p) => n + p.counts.fail, 0), needsReview: live.reduce((n, p) => n + p.counts['needs-review'], 0),
  };
}

/** A store holding run A (沭阳, 宿迁) and run B (all four sites), both finished. */
export async function seededStore(): Promise<{ store: MemoryStore; runA: RunRecord; runB: RunRecord }> {
  const store = new MemoryStore();
  await store.createRun({ id: RUN_A, startedAt: `${DATE_A}T01:00:00.000Z`, auditDate: DATE_A, sitesFile: 'sites/suqian.yaml', siteIds: ['shuyang', 'suqian'] });
  for (const s of [shuyang('A'), suqian('A')]) await store.saveSite(s, summaryOf(s));
  await store.finishRun(RUN_A, 'finished');
  await store.createRun({ id: RUN_B, startedAt: `${DATE_B}T01:00:00.000Z`, auditDate: DATE_B, sitesFile: 'sites/suqian.yaml', siteIds: ['jiangsu', 'suqian', 'shuyang', 'siyang'] });
  for (const s of [jiangsu(), suqian('B'), shuyang('B'), siyang()]) await store.saveSite(s, summaryOf(s));
  await store.finishRun(RUN_B, 'finished');
  return { store, runA: (await store.getRun(RUN_A))!, runB: (await store.getRun(RUN_B))! };
}
