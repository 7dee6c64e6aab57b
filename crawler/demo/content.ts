import { addDays, addMonths, isoDate, parseIso, weekday } from '../../rules/dates/days.ts';

/**
 * The demo portal's content model (青山县人民政府, an invented county): every column, its items and their dates,
 * all derived from `today` so a run is deterministic and the planted problems stay planted on any date.
 */

export type DemoVariant = 'baseline' | 'changed';

/** How a column page is written: each one a pattern real portals use (domain-rules §5). */
export type ColumnFormat =
  | 'list' // <ul class="list"><li><a/><span class="date">YYYY-MM-DD</span></li>
  | 'comment-year' // <span class="date"><!--YYYY-->MM-DD</span>
  | 'trs' // 拓尔思 index.html, index_1.html … with createPageHTML
  | 'hanweb' // 大汉 datastore in a script + dataproxy.jsp
  | 'js' // list drawn by an inline script from JSON
  | 'tabs' // two tab panes, the second hidden
  | 'cn-date' // YYYY年MM月DD日
  | 'bracket' // [YYYY-MM-DD]
  | 'table' // <table> with 标题 / 成文日期 / 发布日期
  | 'gbk' // a plain list served as real GBK bytes
  | 'undated' // items without any date
  | 'empty' // 暂无信息
  | 'document' // a single document page (指南, 制度)
  | 'hub'; // a page of further columns (政府信息公开, 法定主动公开内容)

export interface DemoItem {
  title: string;
  /** Publish date (发布日期); null for undated items. */
  date: string | null;
  /** 留言 lists: the reply state the list shows (已回复 / 未回复). */
  state?: '已回复' | '未回复';
}

export interface DemoColumn {
  /** Short key: used in detail URLs `/art/<key>/<n>.html`. */
  key: string;
  classId: string;
  name: string;
  path: string;
  format: ColumnFormat;
  items: DemoItem[];
  /** Hub pages: the columns they link to, in order. */
  children?: string[];
  /** Document pages: the publish date of the document itself. */
  docDate?: string;
  /** Served as GBK (the column page and its detail pages). */
  gbk?: boolean;
}

export interface DemoSiteModel {
  today: string;
  variant: DemoVariant;
  columns: DemoColumn[];
  byKey: Map<string, DemoColumn>;
  /** Home page 热点 sidebar: links to existing articles, each shown with today's date (a trap). */
  hot: { title: string; href: string }[];
  /** Home page 要闻: the newest 政务动态 items. */
  homeNewsCount: number;
}

const TOPICS = ['安全生产', '乡村振兴', '营商环境', '防汛抗旱', '森林防火', '招商引资', '民生实事', '生态环境保护', '项目建设', '文明创建', '疫病防控', '农业生产'];
const TOWNS = ['青山镇', '河口镇', '东岭乡', '西塘乡', '白石镇', '梅林乡', '石桥镇', '南坪乡'];
const DEPTS = ['县发展改革委', '县教育体育局', '县公安局', '县民政局', '县财政局', '县人社局', '县自然资源局', '县住建局', '县交通运输局', '县农业农村局', '县水利局', '县商务局', '县文广新旅局', '县卫健委', '县应急管理局'];
const NOTICES = ['关于做好{t}工作的通知', '关于开展{t}专项检查的公告', '关于{t}有关事项的公示', '关于印发{t}实施方案的通知', '关于{t}工作安排的通告'];
const POLICIES = ['青山县人民政府关于加强{t}工作的意见', '青山县人民政府办公室关于印发青山县{t}三年行动方案的通知', '青山县{t}管理办法', '青山县人民政府关于进一步推进{t}的实施意见'];

function fill(template: string, n: number): string {
  return template.replace('{t}', TOPICS[n % TOPICS.length]!);
}

/** The date `n` days before today. */
function ago(today: string, n: number): string {
  return addDays(today, -n);
}

/** Moves a Saturday or Sunday to the following Monday. */
function onWorkday(d: string): string {
  const w = weekday(d);
  return w === 6 ? addDays(d, 2) : w === 0 ? addDays(d, 1) : d;
}

function cnMonthDay(d: string): string {
  const { month, day } = parseIso(d);
  return `${month}月${day}日`;
}

function socialAssistance(today: string): DemoItem[] {
  const items: DemoItem[] = [];
  const { year, month } = parseIso(today);
  const thisMonth = isoDate(year, month, 1);
  // Monthly 低保 reports: the last 12 months already published, each on the 3rd of the following month.
  for (let k = 1; items.length < 12 && k <= 14; k++) {
    const m = parseIso(addMonths(thisMonth, -k));
    const pub = onWorkday(addMonths(isoDate(m.year, m.month, 3), 1));
    if (pub > today) continue;
    items.push({ title: `${m.year}年${m.month}月城乡低保对象人数及补助资金支出情况`, date: pub });
  }
  // Quarterly 特困 reports: the last 4 quarters already published, each on the 10th of the month after the quarter.
  const quarterly: DemoItem[] = [];
  let q = Math.floor((month - 1) / 3); // 0-based quarter of today
  let y = year;
  for (let k = 0; quarterly.length < 4 && k < 6; k++) {
    q -= 1;
    if (q < 0) { q = 3; y -= 1; }
    const end = isoDate(y, q * 3 + 3, 1);
    const pub = onWorkday(addMonths(isoDate(parseIso(end).year, parseIso(end).month, 10), 1));
    if (pub > today) continue;
    quarterly.push({ title: `${y}年第${q + 1}季度特困人员救助供养情况`, date: pub });
  }
  return [...items, ...quarterly].sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0));
}

export function buildSite(today: string, variant: DemoVariant): DemoSiteModel {
  parseIso(today); // validates
  const { year } = parseIso(today);
  const seq = (count: number, first: number, step: number, title: (i: number) => string): DemoItem[] =>
    Array.from({ length: count }, (_, i) => ({ title: title(i), date: ago(today, first + i * step) }));

  const noticeStart = variant === 'changed' ? 200 : 5;
  const columns: DemoColumn[] = [
    { key: 'zwdt', classId: 'news', name: '政务动态', path: '/zwdt/', format: 'list',
      items: seq(20, 1, 1, (i) => `青山县召开${TOPICS[i % TOPICS.length]}工作推进会（第${20 - i}期）`) },
    { key: 'bmdt', classId: 'news', name: '部门动态', path: '/bmdt/', format: 'list',
      items: seq(15, 40, 3, (i) => `${DEPTS[i % DEPTS.length]}部署${TOPICS[(i + 3) % TOPICS.length]}工作`) },
    { key: 'xzdt', classId: 'news', name: '乡镇动态', path: '/xzdt/', format: 'comment-year',
      items: seq(15, 2, 2, (i) => `${TOWNS[i % TOWNS.length]}扎实推进${TOPICS[(i + 5) % TOPICS.length]}`) },
    { key: 'tzgg', classId: 'notice', name: '通知公告', path: '/tzgg/index.html', format: 'trs',
      items: seq(30, noticeStart, 6, (i) => fill(NOTICES[i % NOTICES.length]!, i + 1)) },
    { key: 'zcwj', classId: 'policy', name: '政策文件', path: '/col/col1234/index.html', format: 'hanweb',
      items: seq(30, 8, 11, (i) => fill(POLICIES[i % POLICIES.length]!, i + 2)) },
    { key: 'zcjd', classId: 'interpretation', name: '政策解读', path: '/zcjd/', format: 'js',
      items: seq(10, 6, 17, (i) => `一图读懂《${fill(POLICIES[i % POLICIES.length]!, i + 2)}》`) },
    { key: 'xxgk', classId: 'disclosure-column', name: '政府信息公开', path: '/xxgk/', format: 'hub', items: [],
      children: ['xxgkzn', 'zfxxgkzd', 'fdzdgknr', 'ndbg'] },
    { key: 'xxgkzn', classId: 'disclosure-guide', name: '政府信息公开指南', path: '/xxgk/xxgkzn/', format: 'document', items: [],
      docDate: ago(today, 75) },
    { key: 'zfxxgkzd', classId: 'disclosure-system', name: '政府信息公开制度', path: '/xxgk/zfxxgkzd/', format: 'document', items: [],
      docDate: ago(today, 90) },
    { key: 'fdzdgknr', classId: 'disclosure-catalogue', name: '法定主动公开内容', path: '/xxgk/fdzdgknr/', format: 'hub', items: [],
      children: ['jgzn', 'ldxx', 'ghjh', 'czyjs', 'tjxx', 'rsxx', 'shjz', 'sthj'] },
    { key: 'ndbg', classId: 'annual-report', name: '政府信息公开工作年度报告', path: '/xxgk/ndbg/', format: 'list',
      items: [1, 2, 3].map((k) => ({ title: `青山县${year - k}年政府信息公开工作年度报告`, date: isoDate(year - k + 1, 1, 20) }))
        .filter((it) => it.date <= today) },
    { key: 'jgzn', classId: 'institution', name: '机构职能', path: '/xxgk/jgzn/', format: 'cn-date',
      items: seq(8, 60, 45, (i) => `${DEPTS[i % DEPTS.length]}主要职责和内设机构`) },
    { key: 'ldxx', classId: 'leaders', name: '领导信息', path: '/xxgk/ldxx/', format: 'tabs',
      // The first (visible) tab holds older items; the hidden second tab holds the newest.
      items: [...seq(4, 30, 20, (i) => `副县长分工调整情况（${['一', '二', '三', '四'][i]}）`), ...seq(4, 120, 30, (i) => `县政府领导简介（${['一', '二', '三', '四'][i]}）`)] },
    { key: 'ghjh', classId: 'plan', name: '规划计划', path: '/xxgk/ghjh/', format: 'undated',
      items: ['青山县国民经济和社会发展第十四个五年规划纲要', '青山县国土空间总体规划', '青山县乡村振兴规划', '青山县综合交通运输发展规划', '青山县生态环境保护规划']
        .map((title) => ({ title, date: null })) },
    { key: 'czyjs', classId: 'finance', name: '财政预决算', path: '/xxgk/czyjs/', format: 'gbk', gbk: true,
      items: [
        { title: `青山县${year}年县级部门预算公开`, date: ago(today, 120) },
        { title: `青山县${year - 1}年县级部门决算公开`, date: ago(today, 150) },
        { title: `青山县${year}年“三公”经费预算情况说明`, date: ago(today, 180) },
        { title: `青山县${year - 1}年财政预算执行情况`, date: ago(today, 300) },
        { title: `青山县${year - 1}年县级部门预算公开`, date: ago(today, 485) },
      ] },
    { key: 'tjxx', classId: 'statistics', name: '统计信息', path: '/xxgk/tjxx/', format: 'table',
      items: seq(10, 25, 30, (i) => `青山县${['1-10月', '1-9月', '1-8月', '1-7月', '1-6月', '1-5月', '1-4月', '1-3月', '1-2月', '上年全年'][i]}主要经济指标`) },
    { key: 'rsxx', classId: 'personnel', name: '人事信息', path: '/xxgk/rsxx/', format: 'empty', items: [] },
    { key: 'shjz', classId: 'social-assistance', name: '社会救助', path: '/xxgk/shjz/', format: 'bracket', items: socialAssistance(today) },
    { key: 'sthj', classId: 'environment', name: '生态环境', path: '/xxgk/sthj/', format: 'list',
      items: Array.from({ length: 15 }, (_, i) => ({ title: `${cnMonthDay(ago(today, i))}空气质量预报`, date: ago(today, i) })) },
    { key: 'xzxx', classId: 'consultation', name: '县长信箱', path: '/hdjl/xzxx/', format: 'list',
      items: [
        ...seq(8, 1, 1, (i) => `关于${TOWNS[i % TOWNS.length]}${['道路维修', '路灯安装', '饮水安全', '垃圾清运', '学校周边交通', '农村医保', '危房改造', '河道清淤'][i]}问题的答复`)
          .map((it) => ({ ...it, state: '已回复' as const })),
        // Planted: a message left unanswered for 120 days (互动回应差).
        { title: '关于东岭乡自来水水压不足问题的咨询', date: ago(today, 120), state: '未回复' as const },
      ] },
  ];
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const hot = [
    { title: '【热点】' + byKey.get('zcjd')!.items[2]!.title, href: '/art/zcjd/3.html' },
    { title: '【热点】' + byKey.get('zcwj')!.items[4]!.title, href: '/art/zcwj/5.html' },
    { title: '【热点】' + byKey.get('zwdt')!.items[15]!.title, href: '/art/zwdt/16.html' },
  ];
  return { today, variant, columns, byKey, hot, homeNewsCount: 12 };
}

/** The newest dated item of a column (or the document date), null when there is none. */
export function newestOf(col: DemoColumn): string | null {
  if (col.docDate) return col.docDate;
  let best: string | null = null;
  for (const it of col.items) if (it.date && (!best || it.date > best)) best = it.date;
  return best;
}
