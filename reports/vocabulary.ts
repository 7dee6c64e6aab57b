import type { Finding, LocalText, Outcome, PackResult, Severity } from '../rules/model/finding.ts';

/**
 * The one word list for outcomes, column states and severities, shared by every report format and the browser
 * extension, so the panel and the scorecard never call the same thing by two names. Pure data and functions.
 */

export const OUTCOME_TEXT: Record<Outcome, LocalText> = {
  fail: { zh: '不符合', en: 'Fail' },
  warn: { zh: '即将到期', en: 'Due soon' },
  'needs-review': { zh: '待复核', en: 'Needs review' },
  error: { zh: '检查出错', en: 'Error' },
  pass: { zh: '符合', en: 'Pass' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
};

/** What a column (or a column class on the checklist) is found to be. */
export type ColumnStateId = 'present' | 'stale' | 'due-soon' | 'empty' | 'unknown' | 'not-visited' | 'missing' | 'not-found' | 'absent';

export const STATE_TEXT: Record<ColumnStateId, LocalText> = {
  missing: { zh: '缺失', en: 'Missing' },
  stale: { zh: '超期', en: 'Stale' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  empty: { zh: '空白', en: 'Empty' },
  unknown: { zh: '待查', en: 'To check' },
  'not-visited': { zh: '未读取', en: 'Not read' },
  'not-found': { zh: '未找到', en: 'Not found yet' },
  present: { zh: '正常', en: 'OK' },
  absent: { zh: '无', en: 'None' },
};

export const SEVERITY_TEXT: Record<Severity, LocalText> = {
  veto: { zh: '单项否决', en: 'Veto' },
  deduct: { zh: '扣分', en: 'Deduction' },
  advisory: { zh: '提示', en: 'Advisory' },
  info: { zh: '信息', en: 'Info' },
};

/**
 * The severity as the source document states it: a rule the pack counts towards a veto (栏目不更新 counts
 * per-column findings towards 单项否决) is a veto item even though each finding alone only deducts.
 */
export function severityOf(f: Finding, pack: PackResult | undefined): { severity: Severity; text: LocalText; veto?: LocalText } {
  const veto = pack?.vetoes.find((v) => v.ruleIds.includes(f.ruleId));
  if (f.severity !== 'veto' && veto) {
    const zh = veto.title.zh.replace(/[（(]单项否决[）)]/g, '').trim();
    const en = veto.title.en.replace(/\s*\(veto\)/gi, '').trim();
    return { severity: 'veto', text: { zh: `单项否决·${zh}`, en: `Veto: ${en}` }, veto: veto.title };
  }
  if (f.severity !== 'veto' && /^单项否决/.test(f.source.item ?? '') && !pack?.score) return { severity: 'veto', text: SEVERITY_TEXT.veto };
  return { severity: f.severity, text: SEVERITY_TEXT[f.severity] };
}

const NEGATIVE_ZH = /^(缺少|缺失|无|未设置|未开设|没有)/;
const NEGATIVE_EN = /^(no|missing)\s+|\s+missing$/gi;

/**
 * The line a finding is listed under. A rule is titled by the problem it looks for (「缺少机构职能栏目」), so a
 * met rule reads as met (「机构职能栏目：已设置」), never as its problem under a green chip.
 */
export function findingHeadline(f: Finding): LocalText {
  if (f.outcome !== 'pass') return f.ruleTitle;
  if (f.check === 'column-presence') {
    const zh = f.ruleTitle.zh.replace(NEGATIVE_ZH, '');
    const en = f.ruleTitle.en.replace(NEGATIVE_EN, '');
    return { zh: `${zh}：已设置`, en: `${en.charAt(0).toUpperCase()}${en.slice(1)}: present` };
  }
  return { zh: `${f.ruleTitle.zh}：未发现`, en: `${f.ruleTitle.en}: not found` };
}

type Lang = 'zh' | 'en';

/** Evidence notes the checks write in English (they are data, not display text): their words in each language. */
const NOTE_PATTERNS: [RegExp, (m: RegExpExecArray) => LocalText][] = [
  [/^newest dated item$/, () => ({ zh: '最新一条有日期的信息', en: 'newest dated item' })],
  [/^newest dated home-page item$/, () => ({ zh: '首页最新一条有日期的信息', en: 'newest dated home-page item' })],
  [/^newest matching item$/, () => ({ zh: '最近一条相符的信息', en: 'newest matching item' })],
  [/^no date$/, () => ({ zh: '无发布日期', en: 'no date' })],
  [/^no navigation link matched$/, () => ({ zh: '首页导航中没有相符的链接', en: 'no navigation link matched' })],
  [/^linked from (.+); (\d+) attempts$/, (m) => ({ zh: `链接所在页面 ${m[1]}；尝试 ${m[2]} 次`, en: `linked from ${m[1]}; ${m[2]} attempts` })],
  [/^(\S+): (.+?)( \((\d+) ms\))?$/, (m) => ({ zh: `${beijingTime(m[1]!, 'zh')}：${m[2] === 'slow' ? '响应过慢' : m[2]}${m[4] ? `（${m[4]} 毫秒）` : ''}`, en: `${beijingTime(m[1]!, 'en')}: ${m[2]}${m[3] ?? ''}` })],
];

const HAN = /[\u3400-\u9fff]/;

/** Match reasons the column matcher writes in Chinese, in English (page text inside 「」 is kept). */
const MATCH_REASON_EN: [RegExp, string][] = [
  [/栏目名「([^」]*)」= 同义词「([^」]*)」/g, 'name "$1" = synonym "$2"'],
  [/栏目名「([^」]*)」含「([^」]*)」/g, 'name "$1" contains "$2"'],
  [/URL 路径含栏目代码「([^」]*)」/g, 'URL path contains the column code "$1"'],
  [/（见于 ([^）]*)）/g, ' (seen on $1)'],
];

/** A finding's message with any bilingual reason inside it (「无法读取：中文 / English」) reduced to one language. */
export function messageIn(f: Finding, lang: Lang): string {
  let msg = f.message[lang] || f.message.zh;
  for (const v of Object.values(f.data)) {
    if (typeof v === 'string' && v.includes(' / ')) msg = msg.split(v).join(inLang(v, lang));
  }
  return msg;
}

/**
 * Text in the reader's language. Reasons and notes stored bilingually as 「中文 / English」 give the one side;
 * the checks' English evidence notes are translated; anything else (page text) is shown as it is.
 */
export function inLang(text: string | undefined, lang: Lang): string {
  if (!text) return '';
  const split = / \/ (?=[^\u3400-\u9fff]*$)/.exec(text);
  if (split && HAN.test(text.slice(0, split.index)) && !HAN.test(text.slice(split.index + 3))) {
    return lang === 'zh' ? text.slice(0, split.index) : text.slice(split.index + 3);
  }
  if (lang === 'en' && MATCH_REASON_EN.some(([re]) => new RegExp(re.source).test(text))) {
    return MATCH_REASON_EN.reduce((out, [re, to]) => out.replace(re, to), text);
  }
  for (const [re, to] of NOTE_PATTERNS) {
    const m = re.exec(text);
    if (m && (re.source.startsWith('^(\\S+)') ? /^\d{4}-\d{2}-\d{2}T/.test(m[1]!) : true)) return to(m)[lang];
  }
  return text;
}

/** An ISO instant as Beijing time (UTC+8, no daylight saving): 「2026-03-04 16:05」. A bare date stays as it is. */
export function beijingTime(iso: string, lang: Lang = 'zh'): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const d = new Date(t + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}${lang === 'zh' ? '（北京时间）' : ' (Beijing)'}`;
}

/** Data keys whose values are the page's own words (a column's name): quoted as they are in either language. */
const PAGE_DATA_KEYS = new Set(['column', 'title', 'url', 'name', 'text', 'date', 'dueDate']);

/**
 * A finding's message in one language. In English, Chinese-only text the packs supply (a manual check's
 * instructions, the names of identity marks) is not mixed into the sentence: it is lifted out and returned as
 * original text to quote, as source quotes are.
 */
export function messageParts(f: Finding, lang: Lang): { text: string; quoted: string[] } {
  let text = messageIn(f, lang);
  const quoted: string[] = [];
  if (lang !== 'en') return { text, quoted };
  for (const [key, value] of Object.entries(f.data)) {
    if (typeof value !== 'string' || PAGE_DATA_KEYS.has(key) || !HAN.test(value) || !text.includes(value)) continue;
    text = text.split(value).join('(original Chinese quoted below)');
    quoted.push(value);
  }
  return { text, quoted };
}

/** One line for a reviewed finding: 「人工改判：不符合 → 符合 · 张三 · 2026-03-05 09:30（北京时间） · 备注」. */
export function reviewLine(review: { decision: 'confirm' | 'override'; engineOutcome: Outcome; reviewer?: string; at: string; note: string }, outcome: Outcome, lang: Lang): string {
  const what = review.decision === 'override'
    ? `${lang === 'zh' ? '人工改判' : 'Overridden'}${lang === 'zh' ? '：' : ': '}${OUTCOME_TEXT[review.engineOutcome][lang]} → ${OUTCOME_TEXT[outcome][lang]}`
    : lang === 'zh' ? '人工确认' : 'Confirmed';
  return [what, review.reviewer, beijingTime(review.at, lang), review.note].filter(Boolean).join(' · ');
}
