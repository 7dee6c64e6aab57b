import { z } from 'zod';
import { SITE_KINDS } from '../../rules/model/snapshot.ts';
import { DEFAULT_PACK_IDS } from '../../rules/schema/pack.ts';

/** The sites file (YAML): which sites to crawl, with which packs and limits. */

const urlString = z.string().refine((s) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'an http(s) URL such as http://www.example.gov.cn/');

const regexString = z.string().refine((s) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}, 'a valid regular expression');

export const crawlLimits = z.strictObject({
  /** Pages fetched per site, all kinds counted. */
  maxPages: z.number().int().positive().default(400),
  /** List pages read per column (pagination is followed only as far as this). */
  maxListPages: z.number().int().positive().default(2),
  /** Detail pages read per column for publish/成文 dates. */
  detailPagesPerColumn: z.number().int().min(0).default(2),
  /** Links checked for dead links. */
  maxLinks: z.number().int().min(0).default(150),
  /** Timed visits to the home page for availability. */
  availabilitySamples: z.number().int().min(1).default(3),
  timeoutMs: z.number().int().positive().default(15000),
  perHostConcurrency: z.number().int().min(1).max(8).default(2),
  delayMs: z.number().int().min(0).default(250),
  /** Wall-clock time one site may take; past it the site ends needs-review with what was read. Default 10 minutes. */
  siteBudgetMs: z.number().int().min(1000).max(86_400_000).default(600_000),
});

export const columnOverride = z.strictObject({
  url: urlString,
  name: z.string().optional(),
  /** CSS selector of the list on that page, when the automatic one picks wrong. */
  selector: z.string().optional(),
});

export const siteEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lower-case id (letters, digits, - and _)'),
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
  extraHosts: z.array(z.string().min(1)).default([]),
  /** Loopback and private addresses are refused unless allowed (the demo portal and tests). */
  allowPrivate: z.boolean().default(false),
  limits: crawlLimits.partial().default({}),
  /** Audit a saved copy (HTTrack/wget folder) instead of the live site; relative to the sites file. No network is used. */
  snapshot: z.string().min(1).optional(),
});

export const sitesFile = z.strictObject({
  defaults: z
    .strictObject({
      packs: z.array(z.string().min(1)).min(1).default([...DEFAULT_PACK_IDS]),
      limits: crawlLimits.partial().default({}),
    })
    .default({ packs: [...DEFAULT_PACK_IDS], limits: {} }),
  sites: z.array(siteEntry).min(1),
});

export type CrawlLimits = z.output<typeof crawlLimits>;
export type SiteEntry = z.output<typeof siteEntry>;
export type SitesFile = z.output<typeof sitesFile>;

/** A site with defaults applied: what the crawler works from. */
export interface SiteConfig extends Omit<SiteEntry, 'limits' | 'packs'> {
  packs: string[];
  limits: CrawlLimits;
}
