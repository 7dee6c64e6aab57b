import { VERDICT_TEXT, type LocalText, type Verdict } from '../../rules/model/finding.ts';
import type { SiteKind } from '../../rules/model/snapshot.ts';
import type { Lang } from './model.ts';

/** User-facing text of the extension, Chinese first. Page-derived text is never put through here as markup. */

export const UI_TEXT = {
  appName: { zh: 'govaudit 政府网站检查', en: 'govaudit site check' },
  columnCheck: { zh: '栏目检查', en: 'Column check' },
  column: { zh: '栏目', en: 'Column' },
  columnClass: { zh: '栏目类别', en: 'Column class' },
  newest: { zh: '最新信息', en: 'Newest item' },
  noDate: { zh: '无日期', en: 'no date' },
  items: { zh: '信息条数', en: 'Items' },
  rules: { zh: '适用规则', en: 'Rules' },
  verdict: { zh: '结论', en: 'Verdict' },
  matchedBy: { zh: '识别依据', en: 'Matched by' },
  collapse: { zh: '收起', en: 'Collapse' },
  expand: { zh: '展开', en: 'Expand' },
  hubFound: { zh: '识别到子栏目', en: 'Sub-columns found' },
  notInChecklist: { zh: '该链接不在本站栏目清单中（从首页或信息公开专栏进入后识别）', en: 'Not on this site\'s column list (columns are found from the home page and the disclosure hub)' },
  openPanel: { zh: '完整清单见侧边栏', en: 'Full checklist in the side panel' },
  siteVerdict: { zh: '站点结论（目前）', en: 'Site verdict so far' },
  crawlVerdict: { zh: '爬虫结论', en: 'Crawl verdict' },
  incomplete: { zh: '尚未浏览完整：结论可能变化', en: 'Not fully browsed yet: the verdict may change' },
  checklist: { zh: '栏目清单', en: 'Column checklist' },
  findings: { zh: '检查结果', en: 'Findings' },
  settings: { zh: '设置', en: 'Settings' },
  session: { zh: '导入导出', en: 'Import / export' },
  filterAll: { zh: '全部', en: 'All' },
  filterProblems: { zh: '问题', en: 'Problems' },
  filterReview: { zh: '待复核', en: 'Needs review' },
  required: { zh: '必备', en: 'required' },
  noSite: { zh: '请在标签页中打开一个政府网站页面。', en: 'Open a government website in a tab.' },
  notEnabled: { zh: 'govaudit 尚未在此网站启用。', en: 'govaudit is not enabled on this site.' },
  enable: { zh: '在此网站启用', en: 'Enable on this site' },
  enabled: { zh: '已在此网站启用', en: 'Enabled on this site' },
  enableDenied: { zh: '未获得访问此网站的权限', en: 'Access to this site was not granted' },
  rescan: { zh: '重新读取页面', en: 'Re-read page' },
  review: { zh: '复核', en: 'Review' },
  confirm: { zh: '确认', en: 'Confirm' },
  override: { zh: '改判', en: 'Override' },
  outcomeLabel: { zh: '改判为', en: 'Set outcome' },
  note: { zh: '备注', en: 'Note' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  remove: { zh: '撤销复核', en: 'Remove review' },
  capture: { zh: '截图取证', en: 'Capture screenshot' },
  captured: { zh: '已截图', en: 'Screenshot captured' },
  captureFailed: { zh: '截图失败（请先点击工具栏上的 govaudit 图标，再重试）', en: 'Screenshot failed (click the govaudit toolbar icon, then retry)' },
  reviewed: { zh: '已复核', en: 'Reviewed' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  overridden: { zh: '已改判', en: 'Overridden' },
  evidence: { zh: '证据', en: 'Evidence' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  importRun: { zh: '导入爬虫结果（JSON）', en: 'Import crawler run (JSON)' },
  imported: { zh: '已导入', en: 'Imported' },
  importNone: { zh: '文件中没有本站的结果', en: 'The file holds no result for this site' },
  removeImport: { zh: '移除导入结果', en: 'Remove imported result' },
  resetSession: { zh: '清除本站浏览记录', en: 'Forget what was read on this site' },
  packs: { zh: '检查指标（规则包）', en: 'Rule packs' },
  applyExpired: { zh: '有效期外适用（仅周期性义务）', en: 'apply outside its validity (recurring duties only)' },
  siteKind: { zh: '站点类型', en: 'Site kind' },
  siteKindHere: { zh: '本站类型', en: 'Kind of this site' },
  defaultKind: { zh: '默认', en: 'default' },
  language: { zh: '语言', en: 'Language' },
  prefetch: { zh: '后台读取已识别栏目的列表页（同源请求）', en: 'Read the lists of found columns in the background (same-origin requests)' },
  auditDate: { zh: '检查日期（留空为今天）', en: 'Audit date (empty = today)' },
  columnOverrides: { zh: '本站栏目地址（手动指定）', en: 'Column URLs for this site (set by hand)' },
  homeUrl: { zh: '本站首页地址', en: 'Home page of this site' },
  add: { zh: '添加', en: 'Add' },
  useThisPage: { zh: '用当前页', en: 'Use current page' },
  notVisitedHint: { zh: '打开该栏目页即可读取', en: 'Open the column page to read it' },
  open: { zh: '打开', en: 'Open' },
  locate: { zh: '在页面中定位', en: 'Show on page' },
  noFindings: { zh: '没有符合筛选条件的项目', en: 'Nothing matches this filter' },
  rule: { zh: '规则', en: 'Rule' },
  source: { zh: '依据', en: 'Source' },
  daysAgo: { zh: '{{n}} 天前', en: '{{n}} days ago' },
  today: { zh: '今天', en: 'today' },
  auditDateIs: { zh: '检查日期 {{date}}', en: 'audit date {{date}}' },
  openColumn: { zh: '打开该栏目', en: 'Open the column' },
  linkHidden: { zh: '本页中该栏目的链接都在隐藏菜单里（下拉或手机菜单），无法标注。', en: 'On this page the links to this column are all in hidden menus (dropdown or mobile menu), so none can be marked.' },
  couldNotRead: { zh: '无法读取', en: 'Could not read' },
  rulesWaiting: { zh: '{{n}} 条规则待该栏目读取后判定', en: '{{n}} rules wait until the column is read' },
  passesFolded: { zh: '符合 {{n}} 项（已折叠）', en: '{{n}} passed (folded)' },
  siteWide: { zh: '全站', en: 'Whole site' },
  score: { zh: '得分', en: 'score' },
  storedBroken: { zh: '本站保存的数据无法读取（可能来自旧版本或有误的导入）。移除后即可继续使用。', en: 'The data stored for this site cannot be read (an older version or a bad import). Remove it to carry on.' },
  reviewer: { zh: '测评人员', en: 'Reviewer' },
  reviewerName: { zh: '姓名', en: 'Name' },
  reviewerNeeded: { zh: '请先填写测评人员姓名', en: 'Enter the reviewer name first' },
  signOff: { zh: '签署确认本站复核', en: 'Sign off this site\'s review' },
  signedOff: { zh: '已签署', en: 'Signed off' },
  withdrawSignOff: { zh: '撤回签署', en: 'Withdraw sign-off' },
  exportColumns: { zh: '导出栏目配置（sites 文件 columns:）', en: 'Export column settings (sites-file columns:)' },
  foundHere: { zh: '在本页指定', en: 'Found here' },
  foundHereHint: { zh: '请在页面上点击该栏目的链接（按 Esc 取消）', en: 'Click the column\'s link on the page (Esc cancels)' },
  notApplicable: { zh: '不适用', en: 'Not applicable' },
  reasonNeeded: { zh: '请填写不适用的理由', en: 'Give the reason it does not apply' },
  reason: { zh: '理由', en: 'Reason' },
  showAll: { zh: '显示全部', en: 'Show all' },
  ageShort: { zh: '{{n}}天', en: '{{n}} d' },
  columnsFound: { zh: '已识别栏目 {{n}} 个，已读取 {{read}} 个', en: '{{n}} columns found, {{read}} read' },
} satisfies Record<string, LocalText>;

export type UiKey = keyof typeof UI_TEXT;

export function t(key: UiKey, lang: Lang, data: Record<string, string | number> = {}): string {
  return UI_TEXT[key][lang].replace(/\{\{(\w+)\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function local(text: LocalText | undefined, lang: Lang): string {
  return text ? text[lang] || text.zh : '';
}

/** The status and outcome words are the reports' own: one vocabulary for the panel and the scorecard. */
export { OUTCOME_TEXT, SEVERITY_TEXT, STATE_TEXT } from '../../reports/vocabulary.ts';

export const KIND_TEXT: Record<SiteKind, LocalText> = {
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  department: { zh: '部门', en: 'Department' },
  township: { zh: '乡镇', en: 'Township' },
};

export function verdictText(v: Verdict, lang: Lang): string {
  return VERDICT_TEXT[v][lang];
}

export function ageText(days: number | undefined, lang: Lang): string {
  if (days === undefined) return '';
  return days <= 0 ? t('today', lang) : t('daysAgo', lang, { n: days });
}

/** Punctuation follows the language: 「：」 and 「（）」 in Chinese, ": " and " ()" in English. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

export function paren(inner: string, lang: Lang): string {
  return lang === 'zh' ? `（${inner}）` : ` (${inner})`;
}
