import { z } from 'zod';
import { SITE_KINDS } from '../../rules/model/snapshot.ts';
import { SITE_ID_PATTERN } from '../store/store-paths.ts';

/** The sites file (YAML): which sites to crawl, with which packs and limits. */

const urlString = z.string().max(2000).refine((s) => {
  try {
    const u = new URL(s);
    // Port 0 is no port: nothing listens there, and some stacks pick a random one.
    return ['http:', 'https:'].includes(u.protocol) && u.port !== '0' && !/^[a-z]+:\/\/[^/]*:0+(\/|$)/i.test(s);
  } catch {
    return false;
  }
}, 'an http(s) URL such as http://www.example.gov.cn/ (port 1-65535)');

const regexString = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression');

/**
 * A limit: a whole number within a range that keeps the crawler working (a timeout past 2^31 ms fires at once in
 * Node's timers; a delay that large stalls the crawl for ever). Every error names the range.
 */
function limit(min: number, max: number, fallback: number) {
  const expected = `a whole number from ${min} to ${max}`;
  return z.number({ error: expected }).int(expected).min(min, expected).max(max, expected).default(fallback);
}

export const crawlLimits = z.strictObject({
  /** Pages fetched per site, all kinds counted. */
  maxPages: limit(1, 100_000, 400),
  /** List pages read per column (pagination is followed only as far as this). */
  maxListPages: limit(1, 100, 2),
  /** Detail pages read per column for publish/成文 dates. */
  detailPagesPerColumn: limit(0, 100, 2),
  /** Links checked for dead links. */
  maxLinks: limit(0, 100_000, 150),
  /** Timed visits to the home page for availability. */
  availabilitySamples: limit(1, 50, 3),
  /** Per request, body included; up to 10 minutes. */
  timeoutMs: limit(100, 600_000, 15000),
  perHostConcurrency: limit(1, 8, 2),
  /** Between request starts on one host; up to 10 minutes. */
  delayMs: limit(0, 600_000, 250),
  /** Wall-clock time one site may take; past it the site ends needs-review with what was read. Default 10 minutes. */
  siteBudgetMs: limit(1000, 86_400_000, 600_000),
});

export const columnOverride = z.strictObject({
  url: urlString,
  name: z.string().optional(),
  /** CSS selector of the list on that page, when the automatic one picks wrong. */
  selector: z.string().optional(),
});

export const siteEntry = z.strictObject({
  // Ids name files in the store: a strict charset and length keep every path inside it.
  id: z.string().regex(SITE_ID_PATTERN, 'a lower-case id (letters, digits, - and _), at most 64 characters'),
  name: z.string().min(1),
  url: urlString,
  kind: z.enum(SITE_KINDS as [string, ...string[]]).optional(),
  parent: z.string().optional(),
  idCode: z.string().regex(/^\d{10}$/, 'a 10-digit 网站标识码').optional(),
  packs: z.array(z.string().min(1)).min(1).optional(),
  /** Packs applied even outside their validity (a past plan's recurring duties). */
  ignoreValidity: z.array(z.string().min(1)).default([]),
  columns: z.record(z.string(), columnOverride).default({}),
  include: z.array(regexString).default([]),
  exclude: z.array(regexString).default([]),
  render: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Allow hosts beyond the site's own (e.g. a separate 信息公开 platform). */
  extraHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:([1-9]\d{0,4}))?$/i, 'a host name, optionally with a port: www.example.gov.cn or www.example.gov.cn:8080')).default([]),
  /** Loopback and private addresses are refused unless allowed (the demo portal and tests). */
  allowPrivate: z.boolean().default(false),
  limits: crawlLimits.partial().default({}),
  /** Audit a saved copy (HTTrack/wget folder) instead of the live site; relative to the sites file. No network is used. */
  snapshot: z.string().min(1).optional(),
});

export const sitesFile = z.strictObject({
  defaults: z
    .strictObject({
      /** Without it (and without a site's own `packs`), the packs in force on the audit date are chosen. */
      packs: z.array(z.string().min(1)).min(1).optional(),
      limits: crawlLimits.partial().default({}),
    })
    .default({ limits: {} }),
  sites: z.array(siteEntry).min(1),
});

export type CrawlLimits = z.output<typeof crawlLimits>;
export type SiteEntry = z.output<typeof siteEntry>;
export type SitesFile = z.output<typeof sitesFile>;

/** A site with defaults applied: what the crawler works from. */
export interface SiteConfig extends Omit<SiteEntry, 'limits' | 'packs'> {
  packs: string[];
  /** Where `packs` came from; `audit-date`: nobody named packs, so the run picks those in force on its date. */
  packsFrom?: 'site' | 'defaults' | 'audit-date';
  limits: CrawlLimits;
}
