/**
 * Building blocks for the labelled portal fixtures (tests/fixtures/portals/): page chrome in the shapes county,
 * department and township portals use, realistic item titles, date series and formats. Everything is
 * deterministic (seeded PRNG), so `make-portals.ts` writes the same files every time.
 */

export type DateFormat = 'iso' | 'bracket' | 'cn' | 'slash' | 'dot' | 'unpadded' | 'fullwidth' | 'comment-year';

export interface Item {
  title: string;
  /** Publish date shown on the list, or null when the list shows none. */
  date: string | null;
  /** Site path of the detail page. */
  url: string;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return h >>> 0;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `count` dates, newest first, starting at `newest` and going back by 0..maxGap days each step. */
export function dateSeries(newest: string, count: number, rand: () => number, maxGap = 6): string[] {
  const out: string[] = [];
  let cur = newest;
  for (let i = 0; i < count; i++) {
    out.push(cur);
    cur = addDays(cur, -Math.floor(rand() * (maxGap + 1)));
  }
  return out;
}

const FULLWIDTH = '０１２３４５６７８９';

export function formatDate(iso: string, fmt: DateFormat): string {
  const [y, m, d] = iso.split('-');
  switch (fmt) {
    case 'iso':
      return iso;
    case 'bracket':
      return `[${iso}]`;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'dot':
      return `${y}.${m}.${d}`;
    case 'unpadded':
      return `${y}-${Number(m)}-${Number(d)}`;
    case 'fullwidth':
      return iso.replace(/\d/g, (c) => FULLWIDTH[Number(c)]!);
    case 'comment-year':
      return `<!--${y}-->${m}-${d}`;
  }
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------------------------
// Titles. `{p}` is the place (青山县), `{u}` the unit (县政府 / 局 / 镇), `{y}` the current year, `{ly}` last year.

const TITLES: Record<string, string[]> = {
  news: [
    '{p}召开{y}年经济工作会议', '{p}领导调研重点项目建设推进情况', '{p}召开安全生产工作专题会议', '{p}举行重大项目集中开工仪式',
    '{p}开展冬春季森林防火督查', '{p}召开优化营商环境工作推进会', '{p}部署春节前后市场保供稳价工作', '{p}举办乡村振兴专题培训班',
    '{p}召开河湖长制工作会议', '{p}开展“双节”期间食品安全检查', '{p}召开巡察工作动员部署会', '{p}调度重点民生实事项目进展',
    '{p}召开全面深化改革委员会会议', '{p}推进高标准农田建设', '{p}举行招商引资项目签约仪式', '{p}开展困难群众走访慰问活动',
    '{p}召开{ly}年度目标考核总结会', '{p}部署冬季消防安全“除患”行动', '{p}召开人大代表建议办理工作座谈会', '{p}推动数字政府建设再上新台阶',
    '{p}开展城乡环境综合整治行动', '{p}召开防汛抗旱工作部署会', '{p}组织收看全省安全生产电视电话会议', '{p}召开政府常务会议研究近期重点工作',
    '{p}举办{y}年“春风行动”招聘会', '{p}推进农村人居环境整治提升', '{p}召开文明城市创建推进会', '{p}开展应急演练提升处置能力',
  ],
  notice: [
    '关于{y}年元旦放假安排的通知', '关于开展{y}年度统计执法检查的通告', '关于公开征求《{p}城区停车管理办法（征求意见稿）》意见的公告',
    '关于{p}{ly}年度政府信息公开工作年度报告编制的通知', '关于做好春节期间烟花爆竹禁放工作的通告', '关于调整城区部分道路交通组织的通告',
    '关于{y}年度城乡居民医疗保险集中缴费的公告', '关于开展全县自建房安全隐患排查的通知', '{p}{y}年第一批拟认定家庭农场名单公示',
    '关于停水检修的通知', '关于征集{y}年民生实事项目的公告', '{p}耕地地力保护补贴资金发放情况公示', '关于开展“寒潮”天气防范应对工作的紧急通知',
    '关于{p}国有建设用地使用权挂牌出让的公告', '关于规范城区户外广告设置的通告', '{p}{ly}年度优秀共产党员拟表彰对象公示',
  ],
  policy: [
    '{p}人民政府关于印发《{p}{y}年政府工作要点》的通知', '{p}人民政府办公室关于进一步加强安全生产工作的意见',
    '{p}人民政府关于印发《{p}优化营商环境若干措施》的通知', '{p}人民政府办公室关于印发《{p}防汛应急预案》的通知',
    '{p}人民政府关于公布{p}行政许可事项清单的通知', '{p}人民政府办公室关于加快推进农业产业化发展的实施意见',
    '{p}人民政府关于调整城乡居民最低生活保障标准的通知', '{p}人民政府办公室关于印发《{p}城乡环境卫生管理办法》的通知',
    '{p}人民政府关于印发《{p}“十四五”综合交通发展规划》的通知', '{p}人民政府办公室关于做好{y}年春耕生产工作的通知',
    '{p}人民政府关于实施城镇老旧小区改造的指导意见', '{p}人民政府关于印发《{p}重污染天气应急预案》的通知',
  ],
  interpretation: [
    '《{p}{y}年政府工作要点》政策解读', '图解：{p}优化营商环境若干措施', '《{p}城乡环境卫生管理办法》解读',
    '一图读懂{p}{ly}年政府工作报告', '《关于调整城乡居民最低生活保障标准的通知》政策解读', '《{p}防汛应急预案》文字解读',
    '《{p}农业产业化发展实施意见》答记者问', '《{p}老旧小区改造指导意见》政策问答',
  ],
  personnel: [
    '{p}人民政府关于张建国等同志职务任免的通知', '{p}{y}年事业单位公开招聘工作人员拟聘用人员公示', '{p}人民政府关于李明等同志任职的通知',
    '{p}{y}年公开选调机关工作人员公告', '{p}人民政府关于王芳同志免职的通知', '{p}{ly}年度公务员考核优秀等次人员名单公示',
  ],
  plan: [
    '{p}{y}年国民经济和社会发展计划', '{p}国民经济和社会发展第十四个五年规划中期评估报告', '{p}{ly}年工作总结和{y}年工作计划',
    '{p}国土空间总体规划（2021—2035年）批前公示', '{p}“十四五”乡村振兴规划', '{p}{y}年重点项目建设计划',
  ],
  finance: [
    '{p}{y}年财政预算公开', '{p}{ly}年财政决算公开', '{p}{y}年“三公”经费预算说明', '{p}{ly}年政府债务情况公开',
    '{p}{y}年部门预算汇总公开', '{p}{ly}年度财政预算执行情况报告', '{p}{y}年政府性基金预算公开',
  ],
  'annual-report': [
    '{p}人民政府{ly}年政府信息公开工作年度报告', '{p}人民政府2024年政府信息公开工作年度报告', '{p}人民政府2023年政府信息公开工作年度报告',
    '{p}人民政府2022年政府信息公开工作年度报告', '{p}人民政府2021年政府信息公开工作年度报告', '{p}人民政府2020年政府信息公开工作年度报告',
  ],
  statistics: [
    '{p}{ly}年国民经济和社会发展统计公报', '{p}{y}年1月主要经济指标', '{p}{ly}年1—12月主要经济指标', '{p}{ly}年1—11月主要经济指标',
    '{p}{ly}年1—10月主要经济指标', '{p}{ly}年三季度经济运行情况', '{p}{ly}年规模以上工业增加值情况',
  ],
  'social-assistance': [
    '{p}{ly}年12月城乡低保对象人数及资金支出情况', '{p}{ly}年11月城乡低保对象人数及资金支出情况', '{p}{ly}年四季度特困人员救助供养情况',
    '{p}{ly}年10月临时救助情况公示', '{p}调整城乡低保标准的公告', '{p}{ly}年三季度医疗救助情况',
  ],
  environment: [
    '{p}{ly}年12月空气质量状况', '{p}{ly}年11月地表水断面水质状况', '{p}{ly}年度环境状况公报', '{p}集中式饮用水水源地水质月报',
    '{p}{ly}年10月空气质量状况', '{p}重点排污单位名录公开',
  ],
  'disclosure-system': ['{p}政府信息公开申请办理制度', '{p}政府信息公开保密审查制度', '{p}政府信息主动公开制度', '{p}政府信息公开考核评议制度'],
  consultation: [
    '关于城区学校周边交通拥堵问题的咨询', '关于农村危房改造补助标准的咨询', '关于社保卡补办地点的咨询', '关于小区物业服务问题的反映',
    '关于城乡居民医保缴费的咨询', '关于老旧小区加装电梯政策的咨询', '关于营业执照办理流程的咨询',
  ],
  leaders: ['县长 张建国', '常务副县长 李明', '副县长 王芳', '副县长 赵志刚', '副县长 陈晓东'],
  institution: ['办公室', '发展和改革局', '教育局', '财政局', '人力资源和社会保障局', '自然资源局', '住房和城乡建设局', '农业农村局'],
};

/** Titles for a column class, cycled deterministically. */
export function titles(classId: string, count: number, place: string, year: number, rand: () => number): string[] {
  const pool = TITLES[classId] ?? TITLES.news!;
  const start = Math.floor(rand() * pool.length);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const t = pool[(start + i) % pool.length]!;
    const round = Math.floor(i / pool.length);
    const text = t.replace(/\{p\}/g, place).replace(/\{y\}/g, String(year)).replace(/\{ly\}/g, String(year - 1));
    out.push(round === 0 ? text : `${text}（${['二', '三', '四', '五', '六'][round - 1] ?? round + 1}）`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Page chrome.

export interface Site {
  siteName: string;
  /** Short place name used in titles (青山县, 白石镇). */
  place: string;
  idCode: string;
  domain: string;
  /** ICP abbreviation (赣, 皖 …). */
  province: string;
  host: string;
  phone: string;
  charset?: string;
  /** Top-level navigation: [text, href]. */
  nav: [string, string][];
  /** Header line showing the capture day (今天是…), when the site has one. */
  todayText?: string;
}

export interface PageOpts {
  title: string;
  /** Column name for ColumnName meta and breadcrumb. */
  column?: string;
  crumbs?: [string, string][];
  main: string;
  left?: string;
  right?: string;
  extraHead?: string;
  /** Template flavour: class names and wrapper layout differ between CMSs. */
  flavour?: 'plain' | 'trs' | 'hanweb' | 'table' | 'modern';
  /** Inline scripts at the end of body. */
  scripts?: string;
}

export function page(site: Site, o: PageOpts): string {
  const f = o.flavour ?? 'plain';
  const charset = site.charset ?? 'utf-8';
  const metaCharset = charset === 'utf-8' ? '<meta charset="utf-8">' : `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`;
  const nav = site.nav.map(([t, h]) => `<li><a href="${h}">${t}</a></li>`).join('\n      ');
  const crumbs = o.crumbs ? `<div class="${f === 'trs' ? 'dqwz' : 'position'}">当前位置：<a href="/">首页</a>${o.crumbs.map(([t, h]) => ` &gt; <a href="${h}">${t}</a>`).join('')}</div>` : '';
  const top = site.todayText
    ? `<span class="today">${site.todayText}</span>`
    : `<span class="welcome">欢迎访问${site.siteName}门户网站</span>`;
  const body = [
    o.left ? `<div class="left-menu">${o.left}</div>` : '',
    `<div class="${f === 'hanweb' ? 'main-content' : f === 'trs' ? 'con_right' : 'main'}">${crumbs}${o.main}</div>`,
    o.right ? `<div class="side-right">${o.right}</div>` : '',
  ].join('\n  ');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${metaCharset}
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${esc(o.title)}</title>
<meta name="SiteName" content="${site.siteName}">
<meta name="SiteDomain" content="${site.domain}">
<meta name="SiteIDCode" content="${site.idCode}">
${o.column ? `<meta name="ColumnName" content="${o.column}">\n<meta name="ColumnType" content="${o.column}">\n` : ''}<link rel="stylesheet" href="/images/style.css">
${o.extraHead ?? ''}
</head>
<body>
<div class="top">
  <div class="w1200">
    ${top}
    <a href="/">网站首页</a> | <a href="javascript:void(0)" onclick="AddFavorite()">加入收藏</a> | <a href="javascript:void(0)">无障碍浏览</a> | <a href="javascript:void(0)">长者模式</a>
  </div>
</div>
<div class="header">
  <div class="logo"><a href="/"><img src="/images/logo.png" alt="${site.siteName}"></a></div>
  <div class="search"><form action="/search/" method="get"><input name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
</div>
<div class="nav">
  <ul>
      ${nav}
  </ul>
</div>
<div class="container w1200">
  ${body}
</div>
${footer(site)}
${o.scripts ?? ''}
</body>
</html>
`;
}

export function footer(site: Site): string {
  return `<div class="footer">
  <div class="w1200">
    <p><a href="/about/">关于本网</a> | <a href="/sitemap/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=${site.idCode}" target="_blank">找错</a></p>
    <p>主办：${site.siteName}办公室　承办：${site.place}数据资源管理局　联系电话：${site.phone}</p>
    <p>网站标识码：${site.idCode}　<a href="https://beian.miit.gov.cn/" target="_blank">${site.province}ICP备05001234号</a>　<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36012302000123" target="_blank">${site.province}公网安备 36012302000123号</a></p>
    <p><img src="/images/dzjg.png" alt="党政机关"> 建议使用1366×768分辨率浏览</p>
  </div>
</div>`;
}

/** `<li><a>title</a><span class="date">date</span></li>` rows, the commonest list shape. */
export function liRows(items: Item[], fmt: DateFormat, o: { dateTag?: string; dateClass?: string; bullet?: boolean } = {}): string {
  const tag = o.dateTag ?? 'span';
  const cls = o.dateClass ?? 'date';
  return items
    .map((it) => {
      const date = it.date ? `<${tag} class="${cls}">${formatDate(it.date, fmt)}</${tag}>` : '';
      return `<li>${o.bullet ? '<i class="dot"></i>' : ''}<a href="${it.url}" title="${esc(it.title)}" target="_blank">${esc(it.title)}</a>${date}</li>`;
    })
    .join('\n');
}

/** A left menu of sibling columns, as column pages show it. */
export function menu(heading: string, links: [string, string][], current?: string): string {
  return `<h3>${heading}</h3>\n<ul>\n${links.map(([t, h]) => `<li${h === current ? ' class="on"' : ''}><a href="${h}">${t}</a></li>`).join('\n')}\n</ul>`;
}

/** A 热点/排行 box whose dates are newer than the column's list (the trap a naive reader falls into). */
export function hotBox(heading: string, items: Item[], fmt: DateFormat = 'iso'): string {
  return `<div class="box hot-news"><h3>${heading}</h3>\n<ul>\n${items.map((it) => `<li><a href="${it.url}">${esc(it.title)}</a><span>${formatDate(it.date!, fmt)}</span></li>`).join('\n')}\n</ul></div>`;
}

/** Plain 下一页 pager (`共N页`). */
export function linkPager(pageNo: number, total: number, name: (n: number) => string): string {
  if (total <= 1) return '';
  const prev = pageNo > 1 ? `<a href="${name(pageNo - 1)}">上一页</a>` : '<span>上一页</span>';
  const next = pageNo < total ? `<a href="${name(pageNo + 1)}">下一页</a>` : '<span>下一页</span>';
  return `<div class="page">共${total}页 当前第${pageNo}页 <a href="${name(1)}">首页</a> ${prev} ${next} <a href="${name(total)}">尾页</a></div>`;
}

/** Split into pages of `per`. */
export function chunk<T>(list: T[], per: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += per) out.push(list.slice(i, i + per));
  return out.length ? out : [[]];
}

/** Article body paragraphs in the register of government news. */
export function articleBody(title: string, place: string, rand: () => number): string {
  const paras = [
    `近日，${place}围绕“${title.slice(0, 14)}”相关工作进行专题研究部署。会议传达学习了上级有关文件精神，听取了各相关单位工作情况汇报。`,
    `会议强调，各级各部门要提高政治站位，压实工作责任，细化工作措施，确保各项任务落地见效。要坚持问题导向，聚焦群众急难愁盼问题，切实增强人民群众的获得感、幸福感、安全感。`,
    `会议要求，要加强统筹协调，形成工作合力；要强化督查考核，对工作不力、推诿扯皮的严肃问责。`,
    `${place}相关部门负责同志参加会议。`,
  ];
  const n = 2 + Math.floor(rand() * 3);
  return paras.slice(0, n).map((p) => `<p>${p}</p>`).join('\n');
}
