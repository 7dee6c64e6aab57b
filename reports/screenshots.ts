import type { Browser } from 'playwright-core';
import type { StoredSite } from '../crawler/store/types.ts';
import type { Finding } from '../rules/model/finding.ts';
import { escapeHtml } from './html/escape.ts';
import { liveFindings } from './model.ts';
import { launchReportBrowser } from './pdf.ts';

/**
 * Evidence screenshots for the HTML and PDF reports, as 通报 carry them: each failing column's page (and a failing
 * home page) opened in headless Chromium and cropped to the column's list. Only the site's own host is loaded
 * (every other request is refused), each step is bounded, and a page that cannot be captured is simply left
 * without a picture.
 */

export interface PageShot {
  url: string;
  /** ISO time of capture. */
  at: string;
  /** `data:image/jpeg;base64,…` */
  image: string;
  /** Cropped to the list (else the top of the page). */
  cropped: boolean;
}

/** A stored site with screenshots by page URL (column or home page). */
export type ShotSite = StoredSite & { shots?: Record<string, PageShot> };

export function shotsOf(site: StoredSite): Record<string, PageShot> {
  return (site as ShotSite).shots ?? {};
}

/** A data: URL of a JPEG or PNG, escaped for an attribute; anything else is not an image we show. */
export function imageSrc(src: string): string | undefined {
  return /^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/.test(src) ? escapeHtml(src) : undefined;
}

function failing(f: Finding): boolean {
  return f.outcome === 'fail';
}

/** Pages worth a picture: the columns of failing findings, and the home page when a home-page rule failed. */
export function pagesToCapture(site: StoredSite, max: number): { url: string; listCssPath?: string }[] {
  const out = new Map<string, string | undefined>();
  for (const f of liveFindings(site).filter(failing)) {
    const url = f.column?.url;
    if (url) out.set(url, site.snapshot.columns.find((c) => c.url === url)?.listCssPath);
    else if (f.check.startsWith('homepage')) out.set(site.snapshot.home.url, undefined);
  }
  return [...out].slice(0, max).map(([url, listCssPath]) => ({ url, ...(listCssPath ? { listCssPath } : {}) }));
}

export interface CaptureOptions {
  browser?: Browser;
  executablePath?: string;
  /** Pages per site. */
  maxPerSite?: number;
  timeoutMs?: number;
  /** Clock for the capture time (tests). */
  now?: () => Date;
}

const MAX_HEIGHT = 1400;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Each site with its screenshots added (sites without failing pages are returned as they are). */
export async function captureScreenshots(sites: StoredSite[], opts: CaptureOptions = {}): Promise<ShotSite[]> {
  const work = sites.map((s) => ({ site: s, pages: pagesToCapture(s, opts.maxPerSite ?? 12) }));
  if (!work.some((w) => w.pages.length)) return sites;
  const browser = opts.browser ?? (await launchReportBrowser(opts.executablePath));
  const timeout = opts.timeoutMs ?? 15_000;
  try {
    const out: ShotSite[] = [];
    for (const { site, pages } of work) {
      if (!pages.length) {
        out.push(site);
        continue;
      }
      const host = hostOf(site.snapshot.site.homeUrl);
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, javaScriptEnabled: true, serviceWorkers: 'block' });
      // The site's own host only (its port too), and no media or fonts: nothing else is fetched for a picture.
      await context.route('**/*', (route) => {
        const req = route.request();
        const ok = /^https?:/.test(req.url()) && hostOf(req.url()) === host && !['media', 'font', 'websocket'].includes(req.resourceType());
        return ok ? route.continue() : route.abort();
      });
      const shots: Record<string, PageShot> = {};
      try {
        for (const p of pages) {
          if (hostOf(p.url) !== host) continue;
          const page = await context.newPage();
          page.setDefaultTimeout(timeout);
          try {
            await page.goto(p.url, { waitUntil: 'load', timeout });
            let buf: Buffer | undefined;
            let cropped = false;
            if (p.listCssPath) {
              const list = page.locator(p.listCssPath).first();
              const box = await list.boundingBox({ timeout: 2000 }).catch(() => null);
              if (box && box.width > 20 && box.height > 10) {
                const pad = 8;
                buf = await page.screenshot({
                  type: 'jpeg', quality: 70, fullPage: true, timeout,
                  clip: { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: Math.min(box.height + 2 * pad, MAX_HEIGHT) },
                });
                cropped = true;
              }
            }
            buf ??= await page.screenshot({ type: 'jpeg', quality: 70, timeout });
            shots[p.url] = { url: p.url, at: (opts.now?.() ?? new Date()).toISOString(), image: `data:image/jpeg;base64,${buf.toString('base64')}`, cropped };
          } catch (e) {
            if (process.env.GOVAUDIT_DEBUG) console.error(e);
            // No picture for a page that does not load in time: the report still lists the finding.
          } finally {
            await page.close().catch(() => undefined);
          }
        }
      } finally {
        await context.close().catch(() => undefined);
      }
      out.push(Object.keys(shots).length ? { ...site, shots } : site);
    }
    return out;
  } finally {
    if (!opts.browser) await browser.close().catch(() => undefined);
  }
}
