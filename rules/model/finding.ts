import type { IsoDate } from './snapshot.ts';

export type Outcome = 'pass' | 'fail' | 'warn' | 'needs-review' | 'not-applicable' | 'error';
export const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'warn', 'needs-review', 'not-applicable', 'error'];

export type Severity = 'veto' | 'deduct' | 'advisory' | 'info';

export interface LocalText {
  zh: string;
  en: string;
}

export interface RuleSource {
  /** Document, e.g. 国办秘函〔2019〕19号. */
  doc: string;
  /** Item, article or section within it. */
  item?: string;
  /** Verbatim sentence in the file's own characters. */
  quote?: string;
  /** Simplified-Chinese rendering of the quote, where the original is traditional or tagged. */
  quoteSimplified?: string;
  /** Seed-plan file the quote comes from. */
  file?: string;
}

export interface Evidence {
  url?: string;
  title?: string;
  date?: IsoDate;
  cssPath?: string;
  note?: string;
}

export type DataValue = string | number;

export interface Finding {
  packId: string;
  ruleId: string;
  check: string;
  severity: Severity;
  outcome: Outcome;
  messageId: string;
  data: Record<string, DataValue>;
  message: LocalText;
  ruleTitle: LocalText;
  /** The column the finding is about, when it is about one. */
  column?: { classId: string; name?: string; url?: string };
  evidence: Evidence[];
  source: RuleSource;
  /** For `warn`: the date the obligation falls due. */
  dueDate?: IsoDate;
}

/** How every report marks a pack applied outside its validity. */
export function outsideValidityText(v: NonNullable<PackResult['appliedOutsideValidity']>): LocalText {
  const span = `${v.validFrom} 至 ${v.validTo ?? '—'}`;
  return { zh: `有效期外适用（有效期 ${span}，仅评周期性义务）`, en: `Applied outside its validity (${v.validFrom} to ${v.validTo ?? '—'}; recurring duties only)` };
}

/** `not-checked`: no rule applied (packs not in force on the audit date, or not for this kind of site): never a pass. */
export type Verdict = 'pass' | 'fail' | 'needs-review' | 'not-checked';
export const VERDICT_TEXT: Record<Verdict, LocalText> = {
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
  'needs-review': { zh: '待复核', en: 'Needs review' },
  'not-checked': { zh: '未检查', en: 'Not checked' },
};

export interface VetoResult {
  id: string;
  title: LocalText;
  /** Findings counted towards the veto. */
  count: number;
  atLeast: number;
  triggered: boolean;
  /** Could trigger once the `needs-review` findings are judged. */
  undecided: boolean;
  ruleIds: string[];
  source: RuleSource;
  /** A veto a crawl cannot judge (all its rules are manual checks): listed for the evaluator, it does not hold the verdict. */
  manual?: boolean;
  /** What to look at. */
  hint?: string;
}

export interface DeductionResult {
  id: string;
  title: LocalText;
  points: number;
  cap: number;
  /** Points before the cap. */
  uncapped: number;
  findings: number;
  /** Findings of the item's rules that need review (a manual check, an unreadable column): its points are not yet known. */
  review?: number;
  /** What to look at, for an item a crawl cannot judge. */
  hint?: string;
}

export interface PackResult {
  packId: string;
  packTitle: LocalText;
  /** Whether the pack was in force on the audit date (or applied outside its validity on request). */
  inForce: boolean;
  /** Set when the pack was out of force on the audit date and applied anyway (`--apply-expired`): its recurring duties only. */
  appliedOutsideValidity?: { validFrom: IsoDate; validTo?: IsoDate };
  verdict: Verdict;
  vetoes: VetoResult[];
  score?: { max: number; passMark: number; total: number; deductions: DeductionResult[] };
  findings: Finding[];
  counts: Record<Outcome, number>;
}

export interface SiteResult {
  siteId: string;
  evaluatedAt: IsoDate;
  verdict: Verdict;
  packs: PackResult[];
}
