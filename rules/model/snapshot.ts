/**
 * The site snapshot: plain data that both adapters build (the crawler from fetched HTML, the extension from the
 * live DOM) and the engine evaluates. Nothing here may hold a DOM node, a Buffer or a function.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * How sure the extractor is of a date: `exact` (full date on the page), `inferred-year` (a year-less `MM-DD` whose
 * year the item itself gives: its URL, a full date beside it in the same list), `guessed-year` (a year-less date
 * given the latest year not after the audit date, for want of anything better: no pass or veto may rest on it).
 */
export type DateConfidence = 'exact' | 'inferred-year' | 'guessed-year';

export type SiteKind = 'province' | 'city' | 'county' | 'department' | 'township';
export const SITE_KINDS: readonly SiteKind[] = ['province', 'city', 'county', 'department', 'township'];

/** What an observation could be judged on: `ok`, or it could not be read (`unreachable`, `needs-review`). */
export type ObservationStatus = 'ok' | 'unreachable' | 'needs-review';

export interface ItemObservation {
  title: string;
  url?: string;
  /** Publish date (发布日期), never the 成文日期. */
  date?: IsoDate;
  dateText?: string;
  dateConfidence?: DateConfidence;
  /** 成文日期 from a detail page's metadata table, when read. */
  formedDate?: IsoDate;
  /** Where on the page the item sits, as a CSS path. */
  cssPath?: string;
  /** The row's link runs a script (`javascript:;`): the item is shown and counted, but there is no page to open. */
  linkless?: boolean;
}

export interface ColumnObservation {
  /** Column class id from the rule packs (e.g. `news`, `notice`). */
  classId: string;
  /** The name the site gives the column. */
  name: string;
  url: string;
  matchedBy: 'name' | 'slug' | 'override' | 'meta';
  /** Human-readable reason for the match, shown to evaluators. */
  matchReason: string;
  status: ObservationStatus;
  statusReason?: string;
  /** Items read from the list, newest first as far as pages were read. */
  items: ItemObservation[];
  /** Total items the list claims or that were counted; at least `items.length`. */
  itemCount: number;
  pagesRead: number;
  /** Where on the page the column's list sits, as a CSS path. */
  listCssPath?: string;
}

export interface HomeObservation {
  url: string;
  status: ObservationStatus;
  statusReason?: string;
  /** Dated and undated news-like items on the home page (navigation links excluded). */
  items: ItemObservation[];
  /** Footer text, for site-identity checks (网站标识码, ICP备案 …). */
  footerText?: string;
  /** Meta tags such as SiteIDCode, SiteName. */
  meta?: Record<string, string>;
}

export interface LinkObservation {
  url: string;
  fromUrl: string;
  text?: string;
  /** `dead` only after failing on two attempts; 403/429/timeouts are `needs-review`. */
  status: 'ok' | 'dead' | 'needs-review';
  httpStatus?: number;
  reason?: string;
  attempts: number;
}

export interface AvailabilitySample {
  at: string;
  ok: boolean;
  ms?: number;
  httpStatus?: number;
  reason?: string;
}

export interface SiteInfo {
  id: string;
  name: string;
  homeUrl: string;
  kind?: SiteKind;
  /** 网站标识码 */
  idCode?: string;
  parent?: string;
}

export interface SiteSnapshot {
  site: SiteInfo;
  /** ISO timestamp of capture. */
  capturedAt: string;
  home: HomeObservation;
  columns: ColumnObservation[];
  links: LinkObservation[];
  availability: AvailabilitySample[];
  /** False when discovery stopped early (limits, errors): missing columns are then `needs-review`, not `fail`. */
  discoveryComplete: boolean;
}
