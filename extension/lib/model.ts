import type { Outcome } from '../../rules/model/finding.ts';
import { DEFAULT_PACK_IDS } from '../../rules/schema/pack.ts';
import type { IsoDate, SiteKind } from '../../rules/model/snapshot.ts';

/** Stored shapes of the extension (browser.storage.local). Plain JSON only. */

export type Lang = 'zh' | 'en';

export interface Settings {
  /** Rule packs applied, by id. */
  packs: string[];
  /** Site kind when a site has none of its own. */
  kind: SiteKind;
  lang: Lang;
  /** Read the lists of columns found on a page in the background (same-origin fetch), not only pages opened. */
  prefetch: boolean;
  /** Audit date (YYYY-MM-DD); empty = today. */
  auditDate?: IsoDate;
  /** Packs applied outside their validity (a past plan's recurring duties), like the CLI's `--apply-expired`. */
  applyExpired?: string[];
  bannerCollapsed?: boolean;
  /** The evaluator's name, recorded with each decision and the sign-off. */
  reviewer?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  packs: [...DEFAULT_PACK_IDS],
  kind: 'county',
  lang: 'zh',
  prefetch: true,
};

/** Per-site settings, keyed by origin. */
export interface SiteConfig {
  kind?: SiteKind;
  /** The home page, when it is not the origin's root. */
  homeUrl?: string;
  /** Column URLs set by hand: class id → URL (and an optional name), like the crawler's site-file `columns`. */
  columns: Record<string, { url: string; name?: string }>;
  /** Column classes the evaluator marked 不适用 for this site, with the reason. */
  notApplicable?: Record<string, string>;
}

export const EMPTY_SITE_CONFIG: SiteConfig = { columns: {} };

/** A screenshot attached to a finding. */
export interface CapturedEvidence {
  /** `data:image/jpeg;base64,…` from tabs.captureVisibleTab. */
  screenshot: string;
  url: string;
  at: string;
}

/** An evaluator's decision on one finding. */
export interface FindingOverride {
  packId: string;
  ruleId: string;
  columnUrl?: string;
  decision: 'confirm' | 'override';
  /** The outcome the evaluator sets (for `override`). */
  outcome?: Outcome;
  note: string;
  evidence?: CapturedEvidence[];
  at: string;
  /** Who decided (the reviewer name in the settings when the decision was saved). */
  reviewer?: string;
}

/** The evaluator's sign-off of a site's review: the session is complete and the decisions are theirs. */
export interface SignOff {
  reviewer: string;
  at: string;
  note: string;
}

/** Identifies a finding across evaluations: pack, rule and (for per-column rules) the column. */
export function findingKey(f: { packId: string; ruleId: string; columnUrl?: string }): string {
  return `${f.packId}|${f.ruleId}|${f.columnUrl ?? ''}`;
}
