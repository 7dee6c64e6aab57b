import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { browserDocument } from '../extension/browser-dom.ts';
import type { ItemObservation } from '../../rules/model/snapshot.ts';
import type { PageDocument } from '../../rules/page/node.ts';
import { extractDetailDates } from '../../rules/extract/detail-page.ts';
import { extractHomeItems } from '../../rules/extract/home-items.ts';
import { extractListItems } from '../../rules/extract/list-items.ts';
import { extractLinks, extractMeta } from '../../rules/extract/nav-links.ts';
import { extractFooterText } from '../../rules/extract/footer.ts';

/**
 * Whole-page fixtures: each `x.html` beside `x.expected.json`. Every page goes through both adapters (htmlparser2
 * as in the crawler, linkedom standing in for the extension's live DOM); both must give exactly the expected
 * results, and exactly the same items as each other.
 */
const DIR = join(import.meta.dirname, '../fixtures/pages');
const names = readdirSync(DIR).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length)).sort();

interface ExpectedFirst { title: string; date?: string; dateConfidence?: string; dateText?: string; url?: string }
interface Expected {
  url: string;
  notAfter: string;
  format?: string;
  items?: number;
  newest?: string | null;
  undated?: number;
  totalPages?: number;
  pagination?: { kind: string; nextUrls: string[] };
  first?: ExpectedFirst;
  listCssPath?: string;
  itemCssPaths?: Record<string, string>;
  jsRendered?: boolean;
  titleContains?: string;
  detail?: { publishDate?: string; publishHasTime?: boolean; formedDate?: string; title?: string };
  home?: { items: number; newest: string | null; undated: number; first?: ExpectedFirst };
  meta?: Record<string, string>;
  footerContains?: string[];
  linkRegions?: Record<string, string>;
  skippedLinks?: string[];
}

const KNOWN_KEYS = new Set([
  'url', 'notAfter', 'format', 'items', 'newest', 'undated', 'totalPages', 'pagination', 'first', 'listCssPath', 'itemCssPaths',
  'jsRendered', 'titleContains', 'detail', 'home', 'meta', 'footerContains', 'linkRegions', 'skippedLinks',
]);

function adapters(html: string, url: string): [string, PageDocument][] {
  return [
    ['html5', pageFromHtml(html, url)],
    ['dom', pageFromDom(browserDocument(html), url)],
  ];
}

function newestOf(items: ItemObservation[]): string | null {
  const dates = items.map((i) => i.date).filter((d): d is string => d !== undefined).sort();
  return dates[dates.length - 1] ?? null;
}

/** The first item, cut down to the fields the fixture lists. */
function firstAs(items: ItemObservation[], expected: ExpectedFirst): Record<string, unknown> {
  const first = items[0] as unknown as Record<string, unknown> | undefined;
  return Object.fromEntries(Object.keys(expected).map((k) => [k, first?.[k]]));
}

describe.each(names)('fixture %s', (name) => {
  const html = readFileSync(join(DIR, `${name}.html`), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
  const ctx = { notAfter: expected.notAfter };
  const docs = adapters(html, expected.url);

  it('lists only known expectation keys', () => {
    expect(Object.keys(expected).filter((k) => !KNOWN_KEYS.has(k))).toEqual([]);
  });

  it.each(docs)('list extraction matches the expectation (%s)', (_adapter, doc) => {
    if (expected.format === undefined) return;
    const list = extractListItems(doc, ctx);
    expect(list.format).toBe(expected.format);
    expect(list.items).toHaveLength(expected.items!);
    expect(newestOf(list.items)).toBe(expected.newest ?? null);
    expect(list.items.filter((i) => !i.date)).toHaveLength(expected.undated!);
    expect(list.pagination?.totalPages).toBe(expected.totalPages);
    if (expected.pagination) expect({ kind: list.pagination?.kind, nextUrls: list.pagination?.nextUrls }).toEqual(expected.pagination);
    if (expected.first) expect(firstAs(list.items, expected.first)).toEqual(expected.first);
    if (expected.listCssPath) expect(list.listCssPath).toBe(expected.listCssPath);
    for (const [i, path] of Object.entries(expected.itemCssPaths ?? {})) expect(list.items[Number(i)]?.cssPath).toBe(path);
    expect(list.jsRendered ?? false).toBe(expected.jsRendered ?? false);
    if (expected.titleContains) expect(list.items.some((i) => i.title.includes(expected.titleContains!))).toBe(true);
    for (const item of list.items) {
      expect(item.title.trim()).not.toBe('');
      expect(item.url).toMatch(/^https?:\/\//);
    }
  });

  it.each(docs)('detail dates match the expectation (%s)', (_adapter, doc) => {
    if (!expected.detail) return;
    const detail = extractDetailDates(doc, ctx);
    const want = expected.detail;
    expect(detail.publishDate?.date).toBe(want.publishDate);
    expect(detail.formedDate?.date).toBe(want.formedDate);
    if (want.publishHasTime !== undefined) expect(detail.publishDate?.hasTime).toBe(want.publishHasTime);
    if (want.title) expect(detail.title).toBe(want.title);
  });

  it.each(docs)('home items, meta, footer and links match the expectation (%s)', (_adapter, doc) => {
    if (expected.home) {
      const items = extractHomeItems(doc, ctx);
      expect(items).toHaveLength(expected.home.items);
      expect(newestOf(items)).toBe(expected.home.newest);
      expect(items.filter((i) => !i.date)).toHaveLength(expected.home.undated);
      if (expected.home.first) expect(firstAs(items, expected.home.first)).toEqual(expected.home.first);
      const dated = items.filter((i) => i.date).map((i) => i.date!);
      expect(dated).toEqual([...dated].sort().reverse());
    }
    if (expected.meta) expect(extractMeta(doc)).toMatchObject(expected.meta);
    for (const text of expected.footerContains ?? []) expect(extractFooterText(doc)).toContain(text);
    const links = extractLinks(doc);
    for (const [url, region] of Object.entries(expected.linkRegions ?? {})) {
      expect(links.find((l) => l.url === url)?.region, url).toBe(region);
    }
    for (const href of expected.skippedLinks ?? []) expect(links.some((l) => l.url.startsWith(href.split(':')[0]! + ':'))).toBe(false);
  });

  it('both adapters give identical results', () => {
    const [[, a], [, b]] = docs as [[string, PageDocument], [string, PageDocument]];
    expect(extractListItems(b, ctx)).toEqual(extractListItems(a, ctx));
    expect(extractHomeItems(b, ctx)).toEqual(extractHomeItems(a, ctx));
    expect(extractDetailDates(b, ctx)).toEqual(extractDetailDates(a, ctx));
    expect(extractLinks(b)).toEqual(extractLinks(a));
    expect(extractMeta(b)).toEqual(extractMeta(a));
    expect(extractFooterText(b)).toEqual(extractFooterText(a));
  });

  it('both adapters build the same page tree', () => {
    const [[, a], [, b]] = docs as [[string, PageDocument], [string, PageDocument]];
    expect(b).toEqual(a);
  });
});
