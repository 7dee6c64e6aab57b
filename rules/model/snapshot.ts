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
  /** The detail page's text and tables, when read (the newest item of a column): for checks on a document's content. */
  detail?: DetailContent;
  /** Where on the page the item sits, as a CSS path. */
  cssPath?: string;
  /** The row's link runs a script (`javascript:;`): the item is shown and counted, but there is no page to open. */
  linkless?: boolean;
}

/** A detail page reduced to plain data: its collapsed text, and each table as rows of cell texts. */
export interface DetailContent {
  text: string;
  tables: string[][][];
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
  /**
   * A menu column of no class the packs know, read only to see that it is not empty: 空白栏目 counts every column of
   * the site, while recency rules judge only the classes that must be updated.
   */
  sampled?: boolean;
  /**
   * Redirects written inside the column page (meta refresh, `location.href = …`) followed to reach the list, as
   * `via → url`; the list read is the last one's.
   */
  redirects?: string[];
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

/**
 * Where the pages came from when not from the live site: a saved copy (`govaudit audit --snapshot`), and of when.
 * `takenAtFrom` says how the date was found: HTTrack's `<!-- Mirrored from … on … -->` comment, or the newest file
 * time in the folder (which may only be when the copy was last copied); absent when neither was found.
 */
export interface SavedCopySource {
  kind: 'snapshot';
  dir: string;
  takenAt?: string;
  takenAtFrom?: 'httrack-comment' | 'newest-file-time';
}

/** Why discovery found no column of a class: shown with the 未找到栏目 finding, so an evaluator knows where to look. */
export interface DiscoveryNote {
  classId: string;
  /** What was searched and why nothing matched, in words. */
  reason: string;
  /** Links that came close and why each was not taken (「开奖公告」: 排除词「开奖」), at most a few. */
  considered?: string[];
}

/** A personal number found in a text, already masked (the raw digits are never stored). */
export interface PersonalNumberObservation {
  kind: 'id-number' | 'mobile' | 'bank-card';
  /** `35*************123`, `138****1234`, `6222***********1234`. */
  masked: string;
  /** 1-based line in the text (a PDF page or a sheet is its own text, see `part`). */
  line: number;
  /** The words around it, every number in them masked too. */
  context: string;
}

/** A text read for the text checks: a page, or one part (a PDF page, a sheet) of an attachment. */
export interface TextObservation {
  url: string;
  source: 'page' | 'attachment';
  /** For an attachment: the page that links to it. */
  fromUrl?: string;
  title?: string;
  /** Where in an attachment: 第3页, 工作表「名单」. */
  part?: string;
  /** The page's publish date (an attachment takes its page's), when the page states one. */
  date?: IsoDate;
  /** The visible text with every personal number masked; lines kept. */
  text: string;
  personal: PersonalNumberObservation[];
  /** Only the first part of a long text was kept. */
  truncated?: boolean;
}

/** A linked attachment (附件): read, or why not. One that cannot be read is listed, never skipped. */
export interface AttachmentObservation {
  url: string;
  fromUrl: string;
  linkText?: string;
  /** File type by extension or content type: pdf, docx, xlsx, doc, xls, wps, et … */
  format: string;
  status: 'read' | 'unreadable' | 'over-limit';
  reason?: string;
  bytes?: number;
  /** Parts read (PDF pages, sheets). */
  parts?: number;
}

/** One message (留言) on a 咨询/信箱 list. */
export interface MessageObservation {
  title: string;
  url?: string;
  askedDate?: IsoDate;
  repliedDate?: IsoDate;
  /** What the list says of it: a reply date or 已回复 → `replied`; 未回复/待回复/办理中 → `unanswered`. */
  state: 'replied' | 'unanswered' | 'unknown';
}

/** A 留言/咨询/信箱 list as read. */
export interface InteractionObservation {
  url: string;
  name: string;
  /** `needs-review` when the list sits behind a login or a captcha (see `statusReason`). */
  status: ObservationStatus;
  statusReason?: string;
  messages: MessageObservation[];
}

/** A link to another host, kept for the outgoing-link checks (its target is not crawled). */
export interface OutgoingLinkObservation {
  url: string;
  text: string;
  fromUrl: string;
}

export interface SiteSnapshot {
  site: SiteInfo;
  /** ISO timestamp of capture. */
  capturedAt: string;
  /** Absent for a live crawl. */
  source?: SavedCopySource;
  /** Set when the crawl stopped before it was done (the site's time budget): what was read is kept, nothing passes. */
  incompleteReason?: string;
  home: HomeObservation;
  columns: ColumnObservation[];
  links: LinkObservation[];
  availability: AvailabilitySample[];
  /** False when discovery stopped early (limits, errors): missing columns are then `needs-review`, not `fail`. */
  discoveryComplete: boolean;
  /** For each column class discovery did not find: where it looked and what came close. */
  discoveryNotes?: DiscoveryNote[];
  /** Pages whose navigation discovery read (the home page first), with how each was reached. */
  discoveryPages?: string[];
  /** Texts read for the text checks (pages and attachments); absent when the adapter read none. */
  texts?: TextObservation[];
  /** Attachments linked from the pages read; absent when the adapter does not read attachments. */
  attachments?: AttachmentObservation[];
  /** 留言/咨询/信箱 lists read; absent when none was looked for. */
  interactions?: InteractionObservation[];
  /** Links to other hosts found on the pages read. */
  outgoingLinks?: OutgoingLinkObservation[];
}
