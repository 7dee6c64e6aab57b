import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ColumnCandidate } from '../../crawler/crawl/discover.ts';
import { PageLoader } from '../../crawler/crawl/page-loader.ts';
import { readColumn } from '../../crawler/crawl/read-column.ts';
import { resolvePack } from '../../crawler/packs.ts';
import { pageFromHtml } from '../../crawler/page/from-html.ts';
import { MemoryStore } from '../../crawler/store/memory-store.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import type { ColumnObservation, SiteSnapshot } from '../../rules/model/snapshot.ts';
import { pageFromDom } from '../../extension/lib/page-from-dom.ts';
import { columnClassesFor, packsById } from '../../extension/lib/packs.ts';
import { emptySession, observeColumnPage, observeHomePage, observePage } from '../../extension/lib/snapshot.ts';
import { COLUMNS, fixturePage } from './fixture-site.ts';

/**
 * Same engine, same findings: a column page read by the extension (live DOM, here linkedom + pageFromDom) and by
 * the crawler (fetched HTML through `pageFromHtml` and the crawler's own `readColumn`) gives the same column
 * observation, and the packs give the same findings on it.
 */

const PAGES_DIR = join(import.meta.dirname, '../fixtures/pages');
const FIXTURE_TODAY = '2026-01-15';

interface PageCase {
  name: string;
  html: string;
  url: string;
  now: string;
}

function fixturePages(): PageCase[] {
  let names: string[] = [];
  try {
    names = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html')).sort();
  } catch {
    names = [];
  }
  const shared = names.map((f) => {
    const base = f.slice(0, -'.html'.length);
    let expected: { url?: string; notAfter?: string } = {};
    try {
      expected = JSON.parse(readFileSync(join(PAGES_DIR, `${base}.expected.json`), 'utf8'));
    } catch {
      // A page without expectations still takes part, with a made-up URL.
    }
    return { name: `fixtures/pages/${f}`, html: readFileSync(join(PAGES_DIR, f), 'utf8'), url: expected.url ?? `http://www.example.gov.cn/${base}/`, now: expected.notAfter ?? FIXTURE_TODAY };
  });
  const site = COLUMNS.map((c) => ({ name: `fixture-site ${c.path}`, html: fixturePage(c.path, FIXTURE_TODAY)!, url: `http://127.0.0.1:8080${c.path}`, now: FIXTURE_TODAY }));
  return [...shared, ...site];
}

/** The crawler's readColumn over one already-fetched page: no further pages, no detail pages, no browser. */
async function crawlerObservation(c: ColumnCandidate, html: string, now: string): Promise<ColumnObservation> {
  const fetcher = {
    fetch: async (url: string) => ({ url, finalUrl: url, status: 200, ok: true, elapsedMs: 1, text: html, charset: 'utf-8', headers: {} }),
  };
  const journal = await new MemoryStore().journal('parity', 'site');
  const loader = new PageLoader(fetcher as never, journal, undefined, { maxPages: 5, timeoutMs: 1000 });
  return readColumn(c, loader, { now, maxListPages: 1, detailPagesPerColumn: 0, render: 'never', isAllowed: () => true });
}

function extensionDoc(html: string, url: string) {
  const { document } = parseHTML(html);
  return pageFromDom(document as unknown as Document, url);
}

function snapshotWith(column: ColumnObservation, now: string): SiteSnapshot {
  return {
    site: { id: 'parity', name: '测试站点', homeUrl: 'http://www.example.gov.cn/', kind: 'county' },
    capturedAt: `${now}T08:00:00Z`,
    home: { url: 'http://www.example.gov.cn/', status: 'ok', items: [] },
    columns: [column],
    links: [],
    availability: [],
    discoveryComplete: true,
  };
}

const packs = [resolvePack('national-2019'), resolvePack('disclosure-regulation-2019')];
/** Classes whose rules judge a column's items differently (2 weeks, 6 months, 1 year, yearly report). */
const CLASSES = ['news', 'notice', 'plan', 'annual-report'];

describe('extension and crawler build the same column observation', () => {
  const cases = fixturePages();

  it('has pages to compare', () => {
    expect(cases.length).toBeGreaterThan(COLUMNS.length - 1);
  });

  for (const page of cases) {
    it(page.name, async () => {
      for (const classId of CLASSES) {
        const candidate: ColumnCandidate = { classId, name: '测试栏目', url: page.url, matchedBy: 'name', matchReason: 'parity test', strength: 3 };
        const fromCrawler = await crawlerObservation(candidate, page.html, page.now);
        const fromExtension = observeColumnPage(candidate, extensionDoc(page.html, page.url), { now: page.now, rendered: false });
        expect(fromExtension.items).toEqual(fromCrawler.items);
        expect(fromExtension).toEqual(fromCrawler);
        for (const pack of packs) {
          const a = evaluatePack(pack, snapshotWith(fromExtension, page.now), { now: page.now });
          const b = evaluatePack(pack, snapshotWith(fromCrawler, page.now), { now: page.now });
          expect(a.findings).toEqual(b.findings);
          expect(a.verdict).toBe(b.verdict);
        }
      }
    });
  }
});

describe('the bundled packs are the crawler packs', () => {
  it('loads national-2019 and disclosure-regulation-2019 identically', () => {
    const bundled = packsById(['national-2019', 'disclosure-regulation-2019']);
    expect(bundled.map((p) => ({ ...p, file: '' }))).toEqual(packs.map((p) => ({ ...p, file: '' })));
  });
});

describe('home page and discovery agree across adapters', () => {
  const classes = columnClassesFor(packsById(['national-2019', 'disclosure-regulation-2019']));
  const homes = fixturePages().filter((p) => /home/.test(p.name));
  homes.push({ name: 'fixture-site /', html: fixturePage('/', FIXTURE_TODAY)!, url: 'http://127.0.0.1:8080/', now: FIXTURE_TODAY });

  for (const page of homes) {
    it(page.name, () => {
      const url = new URL(page.url);
      const origin = url.origin;
      const fromHtml = pageFromHtml(page.html, page.url);
      const fromDom = extensionDoc(page.html, page.url);
      expect(observeHomePage(fromDom, page.now)).toEqual(observeHomePage(fromHtml, page.now));
      const ctx = { classes, now: page.now, at: `${page.now}T08:00:00.000Z`, source: 'live' as const, overrides: [] };
      const a = observePage(emptySession(origin, page.url, ctx.at), fromDom, ctx);
      const b = observePage(emptySession(origin, page.url, ctx.at), fromHtml, ctx);
      expect(a.session).toEqual(b.session);
      expect(a.session.candidates.length).toBeGreaterThan(0);
    });
  }
});
