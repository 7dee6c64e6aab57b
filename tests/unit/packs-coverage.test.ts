import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadColumnLibrary, loadPack } from '../../rules/loader/load-pack.ts';
import type { LoadedPack, RuleDef } from '../../rules/schema/pack.ts';

/**
 * Coverage guard for the seed plan packs: every frequency or deadline phrase in a plan file must sit inside the quote
 * of a rule in that plan's pack. A plan sentence with a new 每月/按季度/N个工作日内 … and no rule fails here.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACK_DIR = resolve(ROOT, 'rules/packs');
const PLANS_DIR = process.env.GOVAUDIT_PLANS_DIR ?? resolve(ROOT, '../shared/plans');

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

type Covered = [marker: string, ruleIds: string | string[]];

interface PlanCase {
  file: string;
  pack: string;
  traditional: boolean;
  /** Every marker the scan finds, in order, with the rule(s) whose quote covers it. */
  markers: Covered[];
}

const PLANS: PlanCase[] = [
  {
    file: '000_c3f3fbbd88e4d8f6.txt',
    pack: 'suqian-2017',
    traditional: false,
    markers: [
      ['按月', 'dibao-monthly-missed'],
      ['按季度', ['tekun-quarterly-missed', 'medical-assistance-quarterly-missed', 'temporary-assistance-quarterly-missed']],
      ['每日', 'air-quality-daily-missed'],
      ['每周', ['environment-inspection-weekly-missed', 'drinking-water-weekly-missed']],
      ['每月', ['section-water-monthly-missed', 'water-environment-monthly-missed', 'air-quality-report-monthly-missed', 'pollution-source-monthly-missed', 'pollution-fee-monthly-missed']],
      ['每年', ['environment-bulletin-yearly-missed', 'sound-environment-yearly-missed', 'solid-waste-yearly-missed']],
      ['每月', 'water-function-zone-monthly-missed'],
      ['每年', 'river-management-yearly-missed'],
      ['每月', 'education-projects-monthly-missed'],
      ['每季度', ['school-improvement-quarterly-missed', 'education-supervision-quarterly-missed']],
      ['每月', ['health-policy-monthly-missed', 'family-planning-monthly-missed']],
      ['每季度', 'hospital-disease-quarterly-missed'],
      ['每月', 'food-sampling-monthly-late'],
      ['3个工作日内', 'food-sampling-monthly-late'],
      ['每月', ['food-blacklist-monthly-missed', 'drug-supervision-monthly-missed', 'approval-supervision-monthly-missed']],
      ['每季度', 'drug-quality-quarterly-missed'],
      ['每月', 'real-estate-monthly-missed'],
      ['每月', 'housing-fund-monthly-missed'],
      ['每季度', 'housing-security-quarterly-missed'],
      ['按月', 'land-allocation-monthly-missed'],
      ['按季度', ['land-supply-quarterly-missed', 'land-price-quarterly-missed']],
      ['同步', 'decision-interpretation-not-synchronous'],
      ['年内', 'interpretation-study-missing'],
      ['同步', 'interpretation-not-synchronous'],
      ['同步', 'interpretation-not-synchronous'],
      ['同步', 'interpretation-not-synchronous'],
      ['每年', 'leader-interpretation-too-few'],
      ['5小时内', 'emergency-info-late'],
      ['24小时内', 'emergency-press-conference-late'],
      ['48小时内', 'public-opinion-response-late'],
      ['季度', 'website-spot-check-unpublished'],
      ['同步', 'gazette-not-synchronous'],
      ['20个工作日内', 'implementation-plan-late'],
      ['年内', 'supervision-evaluation-missing'],
    ],
  },
  {
    file: '001_b75db7a6836e963a.txt',
    pack: 'yichun-2018',
    traditional: true,
    markers: [
      ['按月', 'air-quality-ranking-monthly-missed'],
      ['按季度', 'surface-water-quarterly-missed'],
      ['按月', 'drinking-water-monthly-missed'],
      ['同步', 'interpretation-not-synchronous'],
      ['每年', 'annual-report-progress-missing'],
    ],
  },
  {
    file: '002_7711c86667411e3b.txt',
    pack: 'jiangsu-2019',
    traditional: true,
    markers: [['年底前', 'disclosure-office-missing']],
  },
  {
    file: '003_b5c3acb9af6f2756.txt',
    pack: 'maiji-2016',
    traditional: false,
    markers: [
      ['同步', 'credit-info-not-synchronous'],
      ['每季度', 'key-work-quarterly-missed'],
      ['年内', 'leader-briefing-missing'],
      ['年底前', 'new-media-missing'],
      ['年内', 'performance-weight-missing'],
    ],
  },
  {
    file: '004_8cc4e71314356f90.txt',
    pack: 'yishui-2018',
    traditional: false,
    markers: [
      ['按月', 'soe-monthly-missed'],
      ['同步', 'interpretation-late'],
      ['同步', 'interpretation-late'],
      ['3个工作日内', 'interpretation-late'],
      ['1个工作日内', 'service-change-late'],
      ['年底前', 'disclosure-catalogue-missing'],
      ['年底前', 'staff-training-missing'],
      ['30日内', 'implementation-plan-late'],
    ],
  },
];

const library = loadColumnLibrary(readFileSync(resolve(PACK_DIR, 'columns.yaml'), 'utf8'), 'rules/packs/columns.yaml');
const readPack = (id: string): LoadedPack => loadPack(readFileSync(resolve(PACK_DIR, `${id}.yaml`), 'utf8'), `rules/packs/${id}.yaml`, library);

function readPlan(file: string): string {
  const text = readFileSync(resolve(PLANS_DIR, file), 'utf8');
  return file.startsWith('002_') ? stripPinyin(text) : text;
}

/** Every [start, end) span where the rule's quote occurs in the plan text. */
function spans(text: string, quote: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
  return out;
}

const covers = (text: string, rule: RuleDef, at: number, length: number) =>
  !!rule.source.quote && spans(text, rule.source.quote).some(([s, e]) => s <= at && at + length <= e);

/** Frequency words a periodic rule's quote must contain, per the rule's `frequency`. */
const FREQUENCY_WORDS: Record<string, RegExp> = {
  daily: /每日|每天/,
  weekly: /每周|每週/,
  monthly: /每月|按月/,
  quarterly: /季/,
  'half-yearly': /半年/,
  yearly: /每年|按年/,
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

describe.skipIf(!existsSync(PLANS_DIR))('seed plan coverage', () => {
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

    it('lists every rule it maps a phrase to', () => {
      for (const [marker, ids] of plan.markers) {
        for (const id of [ids].flat()) expect(byId.has(id), `${marker} → ${id}`).toBe(true);
      }
    });

    it('covers every frequency or deadline phrase in the plan with a rule quote', () => {
      const found = [...text.matchAll(MARKER)].map((m) => ({ marker: m[0], at: m.index!, context: text.slice(Math.max(0, m.index! - 20), m.index! + 30) }));
      // The guard itself: each phrase sits inside some rule's quote.
      for (const f of found) {
        const covering = pack.rules.filter((r) => covers(text, r, f.at, f.marker.length));
        expect(covering.length, `"${f.marker}" at ${f.at} is in no rule's quote: …${f.context}…`).toBeGreaterThan(0);
      }
      // The list above is exactly the phrases found, in order, and names rules that cover them.
      expect(found.map((f) => f.marker)).toEqual(plan.markers.map(([m]) => m));
      found.forEach((f, i) => {
        for (const id of [plan.markers[i][1]].flat()) {
          expect(covers(text, byId.get(id)!, f.at, f.marker.length), `${id} should cover "${f.marker}" at ${f.at}: …${f.context}…`).toBe(true);
        }
      });
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
