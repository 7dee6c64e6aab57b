import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadColumnLibrary, loadPack } from '../../rules/loader/load-pack.ts';
import { coverage, dutyProblems } from '../../rules/inventory/coverage.ts';
import { loadInventory, type Inventory } from '../../rules/inventory/schema.ts';
import type { LoadedPack } from '../../rules/schema/pack.ts';

/**
 * Coverage guard for the seed plan packs, against the obligation inventories in `rules/inventory/`: every dated or
 * recurring phrase of a plan sits in an inventoried obligation; every crawler obligation maps to a rule of the right
 * kind, column and cadence, quoting its clause, whose title pattern takes the publication's titles and refuses the
 * near misses; and a mutation of any of those makes the check fail.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACK_DIR = resolve(ROOT, 'rules/packs');
const PLANS_DIR = process.env.GOVAUDIT_PLANS_DIR ?? resolve(ROOT, '../shared/plans');
const plansPresent = existsSync(PLANS_DIR);
if (!plansPresent) console.warn(`[skip] plan coverage and inventory: ${PLANS_DIR} not found (../shared sits beside the project in CI; set GOVAUDIT_PLANS_DIR to run these here)`);

/** Pinyin tags after characters in 002 (`發(fā)`): lower-case Latin letters with tone marks, nothing else. */
const PINYIN_TAG = /\((?:[a-zü]|[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])+\)/g;
const stripPinyin = (text: string) => text.replace(PINYIN_TAG, '');

/**
 * Frequency and deadline markers, simplified and traditional. At one position the first alternative that matches
 * wins, so the longer forms (每季度, 按季度) come before the bare 季度 (as in 季度抽查).
 */
const MARKER = new RegExp(
  [
    '每日', '每天', '每周', '每週', '每月', '每季度', '每季', '按季度', '按季', '按月', '按年', '每半年', '每年', '季度',
    '[\\d０-９一二三四五六七八九十两兩]+\\s*[个個]?工作日[内內]',
    '[\\d０-９]+\\s*(?:日|天)[内內]',
    '[\\d０-９一二三四五六七八九十两兩]+\\s*[个個]?(?:小时|小時)[内內]',
    '同步', '年[内內]', '年底前', '月底前',
  ].join('|'),
  'g',
);

/** Characters that only occur in traditional text: user-facing text and simplified renderings must not hold them. */
const TRADITIONAL_ONLY = /[開與區縣質發臺會這國對書關為經學業應實當時點產務動處辦報團齊並個們來義體內兩構據準態環區際護態醫衛災預職責檢單執價術傳統圖條規讓氣熱級網頁讀門問聞觀說認證資賽貧難類顯驗體廣場數據週]/u;

const PLANS = [
  { file: '000_c3f3fbbd88e4d8f6.txt', pack: 'suqian-2017', traditional: false },
  { file: '001_b75db7a6836e963a.txt', pack: 'yichun-2018', traditional: true },
  { file: '002_7711c86667411e3b.txt', pack: 'jiangsu-2019', traditional: true },
  { file: '003_b5c3acb9af6f2756.txt', pack: 'maiji-2016', traditional: false },
  { file: '004_8cc4e71314356f90.txt', pack: 'yishui-2018', traditional: false },
];

/** Words of time the inventory must account for, besides the numbered markers: no number, but an obligation all the same. */
const VAGUE = /定期|年度|实时|實時|及时|及時|第一时间|第一時間/g;

/** Plan headings (「（二）推进…公开」「6. 準確及時發布…」): a line of their own, repeated by the sentences under them. */
const HEADING_LINE = /^\s*(?:[一二三四五六七八九十]+、|[\(（][一二三四五六七八九十]+[\)）]|[⒈⒉⒊⒋⒌⒍]|\d+[\.．])[^。]{0,40}$/;

const library = loadColumnLibrary(readFileSync(resolve(PACK_DIR, 'columns.yaml'), 'utf8'), 'rules/packs/columns.yaml');
const readPack = (id: string): LoadedPack => loadPack(readFileSync(resolve(PACK_DIR, `${id}.yaml`), 'utf8'), `rules/packs/${id}.yaml`, library);
const readInventory = (id: string): Inventory => loadInventory(readFileSync(resolve(ROOT, `rules/inventory/${id}.yaml`), 'utf8'), `rules/inventory/${id}.yaml`);

function readPlan(file: string): string {
  // Suites are collected even when skipped: without the plans there is nothing to read.
  if (!plansPresent) return '';
  const text = readFileSync(resolve(PLANS_DIR, file), 'utf8');
  return file.startsWith('002_') ? stripPinyin(text) : text;
}

/** Every [start, end) span where the rule's quote occurs in the plan text. */
function spans(text: string, quote: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
  return out;
}

/** Frequency words a periodic rule's quote must contain, per the rule's `frequency`. */
const FREQUENCY_WORDS: Record<string, RegExp> = {
  daily: /每日|每天/,
  weekly: /每周|每週/,
  monthly: /每月|按月/,
  quarterly: /季/,
  'half-yearly': /半年/,
  yearly: /每年|按年|年度/,
};

const toSimplifiedDigits = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('seed plan packs load', () => {
  it.each(['national-2015', ...PLANS.map((p) => p.pack)])('%s loads against the schema, checks and column library', (id) => {
    const pack = readPack(id);
    expect(pack.id).toBe(id);
    expect(pack.rules.length).toBeGreaterThan(0);
  });

  it('national-2015 is in force from 2015-03-24 until the 2019 indicators and vetoes like the 2019 sheet', () => {
    const pack = readPack('national-2015');
    expect([pack.validFrom, pack.validTo]).toEqual(['2015-03-24', '2019-04-17']);
    expect(pack.rules.filter((r) => r.severity === 'veto').map((r) => r.id).sort()).toEqual(['homepage-stale', 'site-unreachable']);
    expect(pack.verdict.vetoes.map((v) => [v.id, v.atLeast])).toEqual([['columns-stale', 5], ['columns-long-stale', 10], ['columns-empty', 5]]);
    expect(pack.verdict.scoring?.max).toBe(100);
  });
});

describe.skipIf(!plansPresent)('seed plan coverage', () => {
  describe.each(PLANS)('$pack ($file)', (plan) => {
    const text = readPlan(plan.file);
    const pack = readPack(plan.pack);
    const byId = new Map(pack.rules.map((r) => [r.id, r]));

    it('names the plan file as its source', () => {
      expect(pack.kind).toBe('local-plan');
      expect(pack.sources.map((s) => s.file)).toContain(plan.file);
    });

    it('quotes every rule verbatim from the plan, with section and file', () => {
      for (const rule of pack.rules) {
        expect(rule.source.file, rule.id).toBe(plan.file);
        expect(rule.source.item, rule.id).toBeTruthy();
        expect(rule.source.quote, rule.id).toBeTruthy();
        expect(spans(text, rule.source.quote!).length, `${rule.id}: quote not in ${plan.file}: ${rule.source.quote}`).toBeGreaterThan(0);
      }
    });

    it('gives a simplified rendering where the plan is traditional, and simplified user-facing text', () => {
      for (const rule of pack.rules) {
        if (plan.traditional) {
          const simplified = rule.source.quoteSimplified;
          expect(simplified, `${rule.id}: quoteSimplified`).toBeTruthy();
          expect(simplified!.length, `${rule.id}: quoteSimplified renders the quote character for character`).toBe(rule.source.quote!.length);
          expect(simplified, `${rule.id}: quoteSimplified`).not.toMatch(TRADITIONAL_ONLY);
        }
        expect(rule.title.zh, rule.id).not.toMatch(TRADITIONAL_ONLY);
        const hint = (rule.options as { hint?: string }).hint;
        if (hint) expect(hint, rule.id).not.toMatch(TRADITIONAL_ONLY);
      }
    });

    it("keeps the plan's own figures: frequencies, working days and hours match the quote", () => {
      for (const rule of pack.rules) {
        const quote = rule.source.quote!;
        if (rule.check === 'periodic-obligation') {
          const o = rule.options as { frequency: string; dueWithin?: { amount: number; unit: string } };
          expect(quote, `${rule.id}: ${o.frequency}`).toMatch(FREQUENCY_WORDS[o.frequency]);
          const workdays = /(\d+)\s*[个個]工作日[内內]/.exec(toSimplifiedDigits(quote));
          if (workdays) expect(o.dueWithin, rule.id).toEqual({ amount: Number(workdays[1]), unit: 'workdays' });
        }
        if (rule.check === 'manual-check') {
          const figures = [...toSimplifiedDigits(quote).matchAll(/(\d+)\s*([个個]工作日|日|天|小时|小時)[内內]/g)].map((m) => `${m[1]}${m[2].replace('個', '个').replace('小時', '小时')}`);
          const hint = (rule.options as { hint: string }).hint;
          if (figures.length > 0) expect(figures.some((f) => hint.includes(f)), `${rule.id}: hint names one of ${figures.join(', ')}`).toBe(true);
        }
        if (/\d+\s*[个個]?工作日|\d+\s*(?:小时|小時)/.test(quote) || /\d+\s*(?:日|天)[内內]/.test(quote)) {
          expect(['periodic-obligation', 'manual-check', 'publication-lag'], `${rule.id}: a numbered deadline needs a dated check`).toContain(rule.check);
        }
      }
    });

    it('uses deduct only for numbered obligations a crawl can judge', () => {
      for (const rule of pack.rules) {
        if (rule.check === 'manual-check') expect(rule.severity, rule.id).toBe('advisory');
        if (rule.severity === 'deduct') expect(['periodic-obligation', 'column-presence', 'publication-lag', 'yearly-deadline', 'column-recency'], rule.id).toContain(rule.check);
      }
    });
  });
});

/** Start of every occurrence of `quote` in `text`. */
const positions = (text: string, quote: string): number[] => {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
};

describe.skipIf(!plansPresent)('obligation inventory', () => {
  const figures: string[] = [];

  describe.each(PLANS)('$pack ($file)', (plan) => {
    const text = readPlan(plan.file);
    const pack = readPack(plan.pack);
    const inv = readInventory(plan.pack);

    it('names its plan and quotes every obligation verbatim', () => {
      expect(inv.plan).toMatchObject({ pack: plan.pack, file: plan.file });
      for (const o of inv.obligations) {
        expect(positions(text, o.quote).length, `${o.id}: not in ${plan.file}: ${o.quote}`).toBeGreaterThan(0);
        for (const d of o.duties) expect(o.quote, `${o.id}: duty clause`).toContain(d.quote);
      }
    });

    it('inventories every sentence with a frequency, deadline or time word (定期, 年度, 实时, 同步, 及时 included)', () => {
      const spans = inv.obligations.flatMap((o) => positions(text, o.quote).map((s) => [s, s + o.quote.length] as const));
      const words = new RegExp(`${MARKER.source}|${VAGUE.source}`, 'g');
      for (const m of text.matchAll(words)) {
        const lineStart = text.lastIndexOf('\n', m.index!) + 1;
        const line = text.slice(lineStart, text.indexOf('\n', m.index!) === -1 ? undefined : text.indexOf('\n', m.index!));
        if (HEADING_LINE.test(line)) continue;
        // The document header and the aims before the first task are not obligations (see `excluded`).
        if (m.index! < text.indexOf(inv.obligations[0].quote)) continue;
        const inside = spans.some(([s, e]) => s <= m.index! && m.index! + m[0].length <= e);
        expect(inside, `"${m[0]}" at ${m.index} is in no obligation: …${text.slice(Math.max(0, m.index! - 20), m.index! + 30)}…`).toBe(true);
      }
    });

    it('maps every crawler obligation to a rule of the right kind, column and cadence (goal ≥ 90%)', () => {
      const report = coverage(inv, pack);
      expect(report.problems).toEqual({});
      expect(report.crawler).toBeGreaterThan(0);
      expect(report.enforced / report.crawler).toBeGreaterThanOrEqual(0.9);
      figures.push(`${plan.pack}: ${report.enforced}/${report.crawler} crawler obligations enforced, ${inv.obligations.length} obligations`);
    });

    it('lists every rule of the pack under the sentence it enforces', () => {
      expect(coverage(inv, pack).unlisted).toEqual([]);
    });

    it('classifies dated internal duties and one-off deadlines, and marks the one-off rules once', () => {
      for (const o of inv.obligations) {
        for (const d of o.duties) {
          const rule = pack.rules.find((r) => r.id === d.rule)!;
          if (/年底前|年内|年內|要点公布后|要點公佈後|30日内/.test(d.quote) && !/每年/.test(d.quote)) expect(rule.once, `${rule.id}`).toBe(true);
        }
      }
    });
  });

  it('reports the coverage figure', () => {
    // Printed so the number is visible in test output; the assertion is per pack above.
    console.log(figures.join('\n'));
    expect(figures.length).toBe(PLANS.length);
  });
});

/** Mutations of a rule that must each break the mapping: the test of the test. */
const MUTATIONS: [string, (r: LoadedPack['rules'][number]) => void][] = [
  ['kind changed to a presence check', (r) => { r.check = 'column-presence'; }],
  ['column changed', (r) => { r.column = r.column === 'news' ? 'notice' : 'news'; }],
  ['cadence changed', (r) => { const o = r.options as { frequency?: string }; o.frequency = o.frequency === 'monthly' ? 'quarterly' : 'monthly'; }],
  ['keywords replaced', (r) => { (r.options as { titleIncludes?: string[] }).titleIncludes = ['会议']; }],
];

describe.skipIf(!plansPresent)('the coverage check catches a mutated rule', () => {
  describe.each(PLANS)('$pack', (plan) => {
    const inv = readInventory(plan.pack);
    const duties = inv.obligations.filter((o) => o.class === 'crawler').flatMap((o) => o.duties);

    it.each(MUTATIONS)('%s: every crawler rule', (_name, mutate) => {
      for (const d of duties) {
        // A presence rule has no cadence or keywords to mutate: those mutations apply to periodic and deadline rules.
        if (_name !== 'kind changed to a presence check' && _name !== 'column changed' && !d.cadence) continue;
        if (_name === 'kind changed to a presence check' && d.check === 'column-presence') continue;
        const pack = readPack(plan.pack);
        const rule = pack.rules.find((r) => r.id === d.rule)!;
        expect(dutyProblems(pack, d), `${d.rule} before the mutation`).toEqual([]);
        mutate(rule);
        expect(dutyProblems(pack, d).length, `${d.rule}: ${_name} went unnoticed`).toBeGreaterThan(0);
      }
    });

    it('a presence rule turned into a manual check is caught too', () => {
      for (const d of duties.filter((x) => x.check === 'column-presence')) {
        const pack = readPack(plan.pack);
        pack.rules.find((r) => r.id === d.rule)!.check = 'manual-check';
        expect(dutyProblems(pack, d).length, d.rule).toBeGreaterThan(0);
      }
    });
  });
});
