import type { IsoDate, ItemObservation } from '../model/snapshot.ts';
import type { PageDocument, PageElement, PageNode } from '../page/node.ts';
import { cssPath } from './css-path.ts';
import { findHanwebStores, recordRow, type HanwebStore } from './hanweb.ts';
import { findScriptLists, type ScriptList } from './script-json.ts';
import { settleItemYears } from './item-year.ts';
import { inNamedRegion, inSideColumn, isHidden, isHotBlock } from './regions.ts';
import { rowDate, toFound, type FoundDate } from './row-date.ts';
import { findDates } from '../dates/parse.ts';
import { asRow, candidateContainers, linkTitle, rowsOf, type ListRow } from './rows.ts';
import { cellAt, tableDateColumns } from './table-columns.ts';
import { allElements, findFirst, indexPage, type PageIndex } from './tree.ts';
import { shortTextOf } from './text.ts';
import { resolveHref } from './url.ts';

/** A container on the page and the items its rows hold. */
export interface ListCandidate {
  container: PageElement;
  /** Row tag (`li`, `tr`, `div`, `record` …): lists merged as tab panes must share it. */
  rowTag: string;
  items: ItemObservation[];
  datedCount: number;
  /** Rows weighted by date and title length, before region weighting. */
  rawScore: number;
  /** Placement weight without the hidden factor: sidebars, headers, footers and 热点 blocks lower it. */
  regionWeight: number;
  /** `rawScore` × `regionWeight`, halved again for hidden elements. */
  score: number;
  /** Set for lists read from a Hanweb datastore. */
  hanweb?: HanwebStore;
  /** Set for lists read from a script's data array (`var listData = [...]`). */
  scriptList?: boolean;
  /** In a named header, footer or sidebar, or a 热点 block (a plain left/right column is not). */
  sideRegion: boolean;
}

export interface ExtractContext {
  /**
   * Latest plausible date (the capture day): a year-less `MM-DD` the item itself gives no year for takes the latest
   * year not after it, marked `guessed-year`.
   */
  notAfter: IsoDate;
}

/** Weight of a dated row; undated rows count for little, and short undated links (menus) for almost nothing. */
const DATED_ROW = 1;
const UNDATED_TITLED_ROW = 0.25;
const UNDATED_SHORT_ROW = 0.02;
const TITLE_MIN_CHARS = 8;
const SIDE_REGION_WEIGHT = 0.3;
const HOT_BLOCK_WEIGHT = 0.2;
const HIDDEN_WEIGHT = 0.5;

export interface PageLists {
  index: PageIndex;
  base: string;
  candidates: ListCandidate[];
}

/** The page's base URL: `<base href>` when present, else the page URL. */
export function baseUrlOf(doc: PageDocument): string {
  const base = findFirst(doc.root, (el) => el.tag === 'base' && !!el.attrs.href);
  return (base && resolveHref(base.attrs.href, doc.url)) ?? doc.url;
}

/** Every container holding link rows, DOM lists and Hanweb datastores alike, scored. */
export function findListCandidates(doc: PageDocument, ctx: ExtractContext): PageLists {
  const index = indexPage(doc);
  const base = baseUrlOf(doc);
  const candidates: ListCandidate[] = [];
  for (const container of candidateContainers(index)) {
    const rows = rowsOf(container, base);
    if (rows.length === 0) continue;
    const found = rowItems(index, container, rows, ctx);
    if (found.items.length > 0) candidates.push(scoreCandidate(index, container, found));
  }
  for (const store of findHanwebStores(index, base)) {
    const candidate = hanwebCandidate(index, store, base, ctx);
    if (candidate) candidates.push(candidate);
  }
  for (const list of findScriptLists(index)) {
    const candidate = scriptListCandidate(index, list, base, ctx);
    if (candidate) candidates.push(candidate);
  }
  return { index, base, candidates };
}

interface RowItems {
  items: ItemObservation[];
  rowTag: string;
}

function rowItems(index: PageIndex, container: PageElement, rows: ListRow[], ctx: ExtractContext): RowItems {
  const columns = container.tag === 'table' ? tableDateColumns(container) : undefined;
  const items: ItemObservation[] = [];
  for (const row of rows) {
    const skip = new Set<PageNode>();
    for (const column of columns?.otherDateColumns ?? []) {
      const cell = cellAt(row.row, column);
      if (cell) skip.add(cell);
    }
    const dateCell = columns?.publishColumn !== undefined ? (cellAt(row.row, columns.publishColumn) ?? null) : undefined;
    const found = rowDate(row.row, row.link, ctx, { skip, ...(dateCell !== undefined ? { dateCell } : {}) }) ?? (dateCell === undefined && rows.length >= MIN_RUN_ROWS ? dateInRun(index, row.row, ctx) : undefined);
    if (row.needsDate && !found) continue;
    const item = toItem(row, found, cssPath(index, row.row));
    if (item) items.push(item);
  }
  settleItemYears(items);
  return { items, rowTag: rows[0]?.row.tag ?? '' };
}

/** How many siblings after a row may still belong to it (a snippet, a source line, a date line). */
const RUN_SIBLINGS = 4;
/** A run is a repeated pattern: one link followed by a date somewhere on the page is not a list. */
const MIN_RUN_ROWS = 2;
/** Longer than a search-result snippet: the run has ended. */
const RUN_TEXT_MAX_CHARS = 300;

/**
 * The date in the siblings right after a row, for rows written as runs of sibling elements with no wrapper
 * (`<h3><a>title</a></h3><p>snippet</p><span>时间：2020-11-27</span>`). The run ends at the next sibling that holds
 * a link, which starts the next row.
 */
function dateInRun(index: PageIndex, row: PageElement, ctx: ExtractContext): FoundDate | undefined {
  const parent = index.parentOf(row);
  if (!parent) return undefined;
  const siblings = parent.children;
  const at = siblings.indexOf(row);
  const texts: string[] = [];
  for (let i = at + 1, seen = 0; i < siblings.length && seen < RUN_SIBLINGS; i++) {
    const sib = siblings[i]!;
    if (sib.type === 'comment') continue;
    if (sib.type === 'element') {
      if (sib.tag === 'a' || findFirst(sib, (e) => e.tag === 'a') !== undefined) break;
      seen++;
    }
    const text = shortTextOf(sib, RUN_TEXT_MAX_CHARS);
    if (text === undefined) break; // a long block is the page's content, not a line of this row
    texts.push(text);
  }
  const dates = findDates(texts.join(' '), ctx);
  return dates[0] ? toFound(dates[0]) : undefined;
}

/** An item from a row; rows whose link has no readable title (bare icons) are not items. */
function toItem(row: ListRow, found: FoundDate | undefined, path: string): ItemObservation | undefined {
  const dateInsideLink = found?.element && allElements(row.link).includes(found.element) ? found.element : undefined;
  const title = linkTitle(row.link, dateInsideLink);
  if (!title) return undefined;
  const item: ItemObservation = row.url ? { title, url: row.url } : { title, linkless: true };
  if (found) {
    item.date = found.date;
    item.dateText = found.text;
    item.dateConfidence = found.confidence;
  }
  item.cssPath = path;
  return item;
}

export function rowScore(items: readonly ItemObservation[]): number {
  let score = 0;
  for (const item of items) {
    if (item.date) score += DATED_ROW;
    else score += item.title.length >= TITLE_MIN_CHARS ? UNDATED_TITLED_ROW : UNDATED_SHORT_ROW;
  }
  return score;
}

/** Where a list sits: sidebars, headers, footers and 热点 blocks rarely hold the column's own list. */
interface Placement {
  weight: number;
  /** In a named header, footer or sidebar, or a 热点 block. */
  sideRegion: boolean;
}

function placementOf(index: PageIndex, el: PageElement): Placement {
  const named = inNamedRegion(index, el, ['nav', 'footer', 'sidebar']);
  const hot = isHotBlock(index, el);
  let weight = 1;
  if (named || inSideColumn(index, el)) weight *= SIDE_REGION_WEIGHT;
  if (hot) weight *= HOT_BLOCK_WEIGHT;
  return { weight, sideRegion: named || hot };
}

function scoreCandidate(index: PageIndex, container: PageElement, { items, rowTag }: RowItems): ListCandidate {
  const rawScore = rowScore(items);
  const { weight, sideRegion } = placementOf(index, container);
  return {
    container,
    rowTag,
    items,
    datedCount: items.filter((i) => i.date).length,
    rawScore,
    regionWeight: weight,
    sideRegion,
    // Hidden lists count less on their own; hidden tab panes are still read when their visible sibling wins.
    score: rawScore * weight * (isHidden(index, container) ? HIDDEN_WEIGHT : 1),
  };
}

/**
 * A Hanweb datastore as a list. Records are not part of the page tree, so their CSS paths name the script and the
 * record (`… > script record:nth-of-type(3)`): a locator for evaluators, not a selector the browser can match.
 */
function hanwebCandidate(index: PageIndex, store: HanwebStore, base: string, ctx: ExtractContext): ListCandidate | undefined {
  const scriptPath = cssPath(index, store.script);
  const items: ItemObservation[] = [];
  store.records.forEach((record, i) => {
    const row = asRow(recordRow(record), base);
    if (!row) return;
    const found = rowDate(row.row, row.link, ctx);
    const item = toItem(row, found, `${scriptPath} record:nth-of-type(${i + 1})`);
    if (item) items.push(item);
  });
  if (items.length === 0) return undefined;
  settleItemYears(items);
  // The script's parent is where jpage draws the list; judge placement there.
  const where = index.parentOf(store.script) ?? store.script;
  const scored = scoreCandidate(index, where, { items, rowTag: 'record' });
  return { ...scored, hanweb: store };
}

/**
 * A script data array as a list (`var listData = [{title, url, date}, …]`): records are not part of the page tree,
 * so their CSS paths name the script and the record, a locator for evaluators as for Hanweb records.
 */
function scriptListCandidate(index: PageIndex, list: ScriptList, base: string, ctx: ExtractContext): ListCandidate | undefined {
  const scriptPath = cssPath(index, list.script);
  const items: ItemObservation[] = [];
  list.records.forEach((record, i) => {
    const url = record.href ? resolveHref(record.href, base) : undefined;
    const item: ItemObservation = url ? { title: record.title, url } : { title: record.title, linkless: true };
    const dateText = record.dateText && epochToDate(record.dateText);
    const found = dateText ? findDates(dateText, ctx)[0] : undefined;
    if (found) {
      item.date = found.date;
      item.dateText = found.text;
      item.dateConfidence = found.confidence;
    }
    item.cssPath = `${scriptPath} record:nth-of-type(${i + 1})`;
    items.push(item);
  });
  settleItemYears(items);
  const where = index.parentOf(list.script) ?? list.script;
  return { ...scoreCandidate(index, where, { items, rowTag: 'record' }), scriptList: true };
}

/** Exports often give times as epoch seconds or milliseconds; the date is read in China Standard Time. */
function epochToDate(text: string): string {
  const m = /^(\d{10}|\d{13})$/.exec(text.trim());
  if (!m) return text;
  const ms = m[1]!.length === 10 ? Number(m[1]) * 1000 : Number(m[1]);
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
