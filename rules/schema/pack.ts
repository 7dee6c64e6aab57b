import { z } from 'zod';
import { SITE_KINDS } from '../model/snapshot.ts';
import { isValidYmd } from '../dates/days.ts';

/**
 * The rule-pack schema: the single source of truth for pack files. Check-specific `options` are validated
 * separately against each check's own schema (see `loadPack`), so errors name the exact option path.
 */

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as news-column-stale');
// A real calendar day: 2019-02-30 matches the pattern but would silently shift a rule's validity.
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((d) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return isValidYmd(y, m, day);
}, 'a real calendar date as YYYY-MM-DD');

export const localText = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const ruleSource = z.strictObject({
  doc: z.string().min(1),
  item: z.string().optional(),
  quote: z.string().optional(),
  quoteSimplified: z.string().optional(),
  file: z.string().optional(),
});

export const sourceDocument = z.strictObject({
  doc: z.string().min(1),
  title: z.string().min(1),
  issued: isoDate.optional(),
  inForce: isoDate.optional(),
  file: z.string().optional(),
});

/** A regular expression written as a string (validated: an invalid one is a pack error, not a crash at match time). */
const regexSource = z.string().min(1).refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression (JavaScript syntax, u flag)');

export const columnClass = z.strictObject({
  name: localText,
  synonyms: z.array(z.string().min(1)).min(1),
  /**
   * Regular expressions tried on the link label (whitespace and decoration removed) when no synonym is equal to
   * it: `(单位|部门|机构)职能`, `领导(介绍|简介|信息|之窗)`. A pattern match is as sure as a contained synonym.
   */
  patterns: z.array(regexSource).default([]),
  slugs: z.array(z.string().regex(/^[a-z0-9_]+$/, 'a lower-case URL slug')).default([]),
  parent: kebabId.optional(),
  /** Words that rule a link out even though a synonym matches (e.g. 招聘 for 通知). */
  exclude: z.array(z.string().min(1)).default([]),
  /** Regular expressions that rule a label out even though a synonym or pattern matches (`开奖公告` is not 通知公告). */
  excludePatterns: z.array(regexSource).default([]),
  /**
   * The column may be a single document rather than a list (a 指南, a 制度): a link naming it may lead to an
   * article page, which for other classes is never a column.
   */
  document: z.boolean().default(false),
  /**
   * The column may live on another site: a 政务咨询 channel is often a provincial or city 12345 / 信箱 platform. A
   * link naming it counts as the column being there; the other site is never crawled, so its content is for a person
   * to check.
   */
  offSite: z.boolean().default(false),
});

/**
 * The packs a site is audited against when none are named: the national indicators, the disclosure regulation, and
 * the text checks (personal information, wording, interaction, outgoing links).
 */
export const DEFAULT_PACK_IDS: readonly string[] = ['national-2019', 'disclosure-regulation-2019', 'security-2019'];

export const severity = z.enum(['veto', 'deduct', 'advisory', 'info']);
export const siteKind = z.enum(SITE_KINDS as [string, ...string[]]);

export const ruleDef = z.strictObject({
  id: kebabId,
  title: localText,
  check: z.string().min(1),
  column: kebabId.optional(),
  options: z.record(z.string(), z.unknown()).default({}),
  severity,
  appliesTo: z.array(siteKind).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  /** A one-off duty with its own deadline (2016年底前建成…): not re-applied when a past plan is applied outside its validity. */
  once: z.boolean().optional(),
  source: ruleSource,
});

export const vetoDef = z.strictObject({
  id: kebabId,
  title: localText,
  rules: z.array(kebabId).min(1),
  atLeast: z.number().int().positive(),
  source: ruleSource,
  /** What the evaluator looks at, for an item a crawl cannot judge (its rules are manual checks). */
  hint: z.string().optional(),
});

export const scoringItem = z.strictObject({
  id: kebabId,
  title: localText,
  rules: z.array(kebabId).min(1),
  /** Points deducted per failing finding. */
  points: z.number().positive(),
  /** Deductions within one item never exceed this. */
  cap: z.number().positive(),
  /** What the evaluator looks at, for an item a crawl cannot judge (its rules are manual checks). */
  hint: z.string().optional(),
});

export const packDef = z.strictObject({
  id: kebabId,
  title: localText,
  kind: z.enum(['national', 'regulation', 'local-plan']),
  sources: z.array(sourceDocument).min(1),
  validFrom: isoDate,
  validTo: isoDate.optional(),
  appliesTo: z.array(siteKind).min(1),
  /** Extra column classes; the shared library in `rules/packs/columns.yaml` is always available. */
  columns: z.record(kebabId, columnClass).default({}),
  rules: z.array(ruleDef).min(1),
  verdict: z
    .strictObject({
      vetoes: z.array(vetoDef).default([]),
      scoring: z
        .strictObject({ max: z.number().positive(), passMark: z.number().nonnegative(), items: z.array(scoringItem).min(1) })
        .optional(),
    })
    .default({ vetoes: [] }),
});

/** A test every lexicon entry carries: text it must flag, and text (the correct form in use) it must not. */
export const lexiconTest = z.strictObject({
  flags: z.string().min(1),
  passes: z.string().min(1),
  /** The publish date of the test page, for entries with `since`. */
  date: isoDate.optional(),
});

/** One entry of a wording lexicon (rules/packs/lexicons/wording-lexicon.json, or a pack's own `entries`). */
export const wordingEntry = z.strictObject({
  id: kebabId,
  correct: z.string().min(1),
  wrong: z.array(z.string().min(1)).min(1),
  kind: z.enum(['misspelt', 'wrong-name', 'outdated-name', 'forbidden']),
  excusedAfter: z.array(z.string().min(1)).optional(),
  excusedBefore: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
  /** For outdated names: from this day on the old name is wrong; older pages (and older lines) are not flagged. */
  since: isoDate.optional(),
  source: ruleSource,
  test: lexiconTest,
});

/** One parked/gambling pattern for outgoing links (rules/packs/lexicons/link-patterns.json, or a pack's own). */
export const suspectLinkPattern = z.strictObject({
  id: kebabId,
  pattern: z.string().min(1).refine((p) => {
    try {
      new RegExp(p);
      return true;
    } catch {
      return false;
    }
  }, 'a valid regular expression'),
  kind: z.enum(['gambling', 'parked', 'adult']),
  source: ruleSource,
  test: lexiconTest,
});

export const wordingLexicon = z.strictObject({ id: kebabId, title: localText, entries: z.array(wordingEntry).min(1) });
export const linkPatternList = z.strictObject({ id: kebabId, title: localText, patterns: z.array(suspectLinkPattern).min(1) });

export const columnLibrary = z.strictObject({
  id: z.literal('columns'),
  title: localText,
  columns: z.record(kebabId, columnClass),
});

export type ColumnClass = z.infer<typeof columnClass>;
export type RuleDef = z.infer<typeof ruleDef>;
export type PackDef = z.infer<typeof packDef>;
export type VetoDef = z.infer<typeof vetoDef>;
export type ScoringItem = z.infer<typeof scoringItem>;
export type ColumnLibrary = z.infer<typeof columnLibrary>;
export type WordingEntryDef = z.infer<typeof wordingEntry>;
export type SuspectLinkPatternDef = z.infer<typeof suspectLinkPattern>;

/** A pack after loading: its own columns merged over the shared library. */
export interface LoadedPack extends PackDef {
  columnClasses: Record<string, ColumnClass>;
  file: string;
}
