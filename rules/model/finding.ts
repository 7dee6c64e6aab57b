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
}

export interface DeductionResult {
  id: string;
  title: LocalText;
  points: number;
  cap: number;
  /** Points before the cap. */
  uncapped: number;
  findings: number;
}

export interface PackResult {
  packId: string;
  packTitle: LocalText;
  /** Whether the pack was in force on the audit date. */
  inForce: boolean;
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
