import { addDays, daysBetween } from '../../rules/dates/days.ts';
import type { Outcome, Verdict } from '../../rules/model/finding.ts';
import type { IsoDate } from '../../rules/model/snapshot.ts';
import { approxDays, type FreshnessRow } from '../model.ts';
import { escapeHtml, text } from './escape.ts';
import { t } from './page.ts';

/** Inline SVG charts, drawn here (no chart library, nothing fetched). All page-derived labels are escaped. */

const COLOR: Record<Outcome | 'none', string> = {
  fail: '#b42318', warn: '#bf8700', 'needs-review': '#8250df', error: '#8250df', pass: '#1a7f37', 'not-applicable': '#8c959f', none: '#8c959f',
};
const VERDICT_COLOR: Record<Verdict, string> = { pass: '#1a7f37', fail: '#b42318', 'needs-review': '#bf8700', 'not-checked': '#8c959f' };

/** A bilingual SVG label: two <text> elements, one hidden by the page CSS. */
function label(x: number, y: number, zh: string, en: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" class="l-zh" ${attrs}>${text(zh)}</text><text x="${x}" y="${y}" class="l-en" ${attrs}>${text(en)}</text>`;
}

function shorten(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function ticks(start: IsoDate, end: IsoDate): { date: IsoDate; label: string }[] {
  const span = daysBetween(start, end);
  if (span <= 45) {
    const out: { date: IsoDate; label: string }[] = [];
    for (let d = start; d <= end; d = addDays(d, 7)) out.push({ date: d, label: d.slice(5) });
    return out;
  }
  const months: IsoDate[] = [];
  let [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  for (;;) {
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
    const d = `${y}-${String(m).padStart(2, '0')}-01`;
    if (d > end) break;
    months.push(d);
  }
  let picked = months;
  if (picked.length > 12) picked = months.filter((d) => ['01', '04', '07', '10'].includes(d.slice(5, 7)));
  if (picked.length > 12) picked = months.filter((d) => d.slice(5, 7) === '01');
  return picked.map((d) => ({ date: d, label: d.slice(0, 7) }));
}

/** The furthest back the timeline reaches; older items are drawn at the left edge with their date. */
const MAX_SPAN_DAYS = 730;

/**
 * Column-freshness timeline: one row per column, its newest item as a dot on a date axis, the rule's update window
 * shaded back from the audit date. Stale columns sit outside their band.
 */
export function freshnessTimeline(rows: FreshnessRow[], auditDate: IsoDate): string {
  if (rows.length === 0) return `<p class="muted">${t('未发现栏目。', 'No columns found.')}</p>`;
  const sorted = [...rows].sort((a, b) => {
    const ka = a.newest ?? '9999', kb = b.newest ?? '9999';
    return ka === kb ? a.column.name.localeCompare(b.column.name, 'zh-CN') : ka < kb ? -1 : 1;
  });
  const W = 960, L = 190, R = 120, TOP = 34, ROW = 26, BOTTOM = 12;
  const H = TOP + sorted.length * ROW + BOTTOM;
  const floor = addDays(auditDate, -MAX_SPAN_DAYS);
  let start = addDays(auditDate, -30);
  for (const r of sorted) {
    if (r.newest && r.newest < start) start = r.newest;
    if (r.window) {
      const ws = addDays(auditDate, -approxDays(r.window.maxAge, r.window.unit));
      if (ws < start) start = ws;
    }
  }
  if (start < floor) start = floor;
  const span = daysBetween(start, auditDate);
  start = addDays(start, -Math.max(2, Math.round(span * 0.03)));
  const end = addDays(auditDate, Math.max(1, Math.round(span * 0.02)));
  const total = daysBetween(start, end);
  const x = (d: IsoDate) => r1(L + (Math.max(0, daysBetween(start, d)) / total) * (W - L - R));
  const parts: string[] = [];
  for (const tk of ticks(start, end)) {
    const tx = x(tk.date);
    parts.push(`<line x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${H - BOTTOM}" stroke="#eaeef2"/>`);
    parts.push(`<text x="${tx}" y="${TOP - 10}" text-anchor="middle" font-size="11" fill="#59636e">${escapeHtml(tk.label)}</text>`);
  }
  sorted.forEach((r, i) => {
    const cy = TOP + i * ROW + ROW / 2;
    if (i % 2 === 1) parts.push(`<rect x="0" y="${TOP + i * ROW}" width="${W}" height="${ROW}" fill="#f6f8fa"/>`);
    parts.push(`<text x="${L - 10}" y="${cy + 4}" text-anchor="end" font-size="12.5" fill="#1f2328">${text(shorten(r.column.name, 13))}<title>${text(r.column.name)} ${text(r.column.url)}</title></text>`);
    if (r.window) {
      const ws = addDays(auditDate, -approxDays(r.window.maxAge, r.window.unit));
      const wx = x(ws < start ? start : ws);
      const unitZh = r.window.unit === 'days' ? '天' : '个工作日', unitEn = r.window.unit === 'days' ? 'days' : 'working days';
      parts.push(`<rect x="${wx}" y="${cy - 7}" width="${r1(x(auditDate) - wx)}" height="14" rx="3" fill="#dafbe1" stroke="#aceebb"><title>${text(`${r.window.maxAge} ${unitZh} / ${r.window.maxAge} ${unitEn} (${r.window.ruleId})`)}</title></rect>`);
    }
    const color = COLOR[r.outcome ?? 'none'];
    if (r.column.status !== 'ok') {
      parts.push(label(L + 8, cy + 4, '无法读取', 'could not be read', 'font-size="11.5" fill="#8250df"'));
    } else if (r.empty) {
      parts.push(label(L + 8, cy + 4, '空白栏目', 'empty column', 'font-size="11.5" fill="#b42318"'));
    } else if (!r.newest) {
      parts.push(label(L + 8, cy + 4, '无发布日期', 'no dates', 'font-size="11.5" fill="#b42318"'));
    } else {
      const clipped = r.newest < start;
      const cx = x(clipped ? start : r.newest);
      parts.push(clipped
        ? `<path d="M${cx + 8} ${cy - 6} L${cx} ${cy} L${cx + 8} ${cy + 6} Z" fill="${color}"/>`
        : `<circle cx="${cx}" cy="${cy}" r="5.5" fill="${color}" stroke="#fff" stroke-width="1.5"/>`);
      const right = cx < W - R - 20 || clipped;
      parts.push(`<text x="${right ? cx + 11 : cx - 11}" y="${cy + 4}" font-size="11" fill="${color}" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="${right ? 'start' : 'end'}">${escapeHtml(r.newest)}</text>`);
    }
  });
  const ax = x(auditDate);
  parts.push(`<line x1="${ax}" y1="${TOP - 6}" x2="${ax}" y2="${H - BOTTOM}" stroke="#24292f" stroke-dasharray="4 3"/>`);
  parts.push(label(ax + 6, TOP - 10, `检查日 ${auditDate}`, `audit ${auditDate}`, 'font-size="11" fill="#24292f" font-weight="600"'));
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" xmlns="http://www.w3.org/2000/svg"><title>栏目更新时间线 / column freshness</title>${parts.join('')}</svg>`;
}

export interface TrendPoint {
  runId: string;
  date: string;
  score?: number;
  verdict: Verdict;
}

/** Score across runs (oldest left), the pass mark dashed; dot colour is the run's verdict. */
export function scoreTrend(points: TrendPoint[], opts: { max?: number; passMark?: number; currentRunId?: string } = {}): string {
  const max = opts.max ?? 100;
  const W = 960, H = 200, L = 44, R = 80, TOP = 24, BOTTOM = 40;
  const n = points.length;
  const x = (i: number) => r1(n === 1 ? (L + W - R) / 2 : L + (i / (n - 1)) * (W - L - R));
  const y = (s: number) => r1(TOP + (1 - Math.min(Math.max(s, 0), max) / max) * (H - TOP - BOTTOM));
  const parts: string[] = [];
  for (const g of [0, 0.25, 0.5, 0.75, 1]) {
    const v = Math.round(max * g);
    parts.push(`<line x1="${L}" y1="${y(v)}" x2="${W - R}" y2="${y(v)}" stroke="#eaeef2"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#59636e">${v}</text>`);
  }
  if (opts.passMark !== undefined) {
    parts.push(`<line x1="${L}" y1="${y(opts.passMark)}" x2="${W - R}" y2="${y(opts.passMark)}" stroke="#b42318" stroke-dasharray="5 4"/>`);
    // Outside the plot, right of the line's end: never on a data point, its label or an axis number.
    parts.push(label(W - R + 6, y(opts.passMark) + 4, `及格线 ${opts.passMark}`, `pass mark ${opts.passMark}`, 'font-size="11" fill="#b42318"'));
  }
  const scored = points.map((p, i) => ({ p, i })).filter(({ p }) => p.score !== undefined);
  if (scored.length > 1) parts.push(`<polyline fill="none" stroke="#0969da" stroke-width="2" points="${scored.map(({ p, i }) => `${x(i)},${y(p.score!)}`).join(' ')}"/>`);
  const every = Math.max(1, Math.ceil(n / 10));
  points.forEach((p, i) => {
    const cx = x(i);
    const current = p.runId === opts.currentRunId;
    if (p.score !== undefined) {
      parts.push(`<circle cx="${cx}" cy="${y(p.score)}" r="${current ? 7 : 5}" fill="${VERDICT_COLOR[p.verdict]}" stroke="#fff" stroke-width="2"><title>${text(`${p.date} ${p.runId}: ${p.score}`)}</title></circle>`);
      // Above the point, unless that would sit on the pass-mark line (then below it).
      const near = opts.passMark !== undefined && Math.abs(y(p.score) - 11 - y(opts.passMark)) < 12;
      parts.push(`<text x="${cx}" y="${near ? y(p.score) + 20 : y(p.score) - 11}" text-anchor="middle" font-size="12" font-weight="600" fill="#1f2328">${p.score}</text>`);
    } else {
      parts.push(`<circle cx="${cx}" cy="${y(0)}" r="5" fill="#fff" stroke="${VERDICT_COLOR[p.verdict]}" stroke-width="2"><title>${text(`${p.date} ${p.runId}`)}</title></circle>`);
    }
    if (i % every === 0 || i === n - 1) parts.push(`<text x="${cx}" y="${H - BOTTOM + 18}" text-anchor="middle" font-size="11" fill="#59636e"${current ? ' font-weight="700"' : ''}>${text(p.date.slice(0, 10))}</text>`);
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" xmlns="http://www.w3.org/2000/svg"><title>得分趋势 / score trend</title>${parts.join('')}</svg>`;
}
