import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../reports/html/page.ts';
import { CHROMIUM_ARGS, toPdf } from '../../reports/pdf.ts';
import { loadRunSites, writeReports } from '../../reports/write.ts';
import { RUN_B, seededStore } from './fixtures.ts';

/** The one Chromium test: the scorecard renders under its CSP with no console errors, and is screenshotted. */

const TMP = resolve('.tmp');
const OUT = join(TMP, 'reports-e2e');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  rmSync(OUT, { recursive: true, force: true });
  browser = await chromium.launch({ executablePath: process.env.CHROME_BIN ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) errors.push(`request: ${r.url()}`);
  });
  return errors;
}

describe('reports in Chromium', () => {
  it('renders the scorecard with no console errors, switches language, sorts the ranking, prints the notice', { timeout: 20_000 }, async () => {
    const { store, runB } = await seededStore();
    await writeReports({ store, runId: RUN_B, formats: ['html'], outDir: OUT });

    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(pathToFileURL(join(OUT, 'sites/shuyang.html')).href);
    await page.screenshot({ path: join(TMP, 'scorecard.png'), fullPage: true });

    // The XSS title is on screen as text and no alert ran.
    await expect(page.getByText('<script>alert(1)</script>关于开展2025年度安全生产大检查的通知').first().isVisible()).resolves.toBe(true);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    // Chinese by default; the button (allowed by the script hash) switches to English.
    expect(await page.locator('.verdict .v .l-zh').isVisible()).toBe(true);
    expect(await page.locator('.verdict .v .l-en').isVisible()).toBe(false);
    await page.click('button[data-lang-toggle]');
    expect(await page.evaluate(() => document.documentElement.className)).toBe('en');
    expect(await page.locator('.verdict .v .l-en').innerText()).toBe('Fail');
    expect(await page.locator('.verdict .v .l-zh').isVisible()).toBe(false);
    await page.click('button[data-lang-toggle]');

    // The index: sort by site name, then back by rank.
    await page.goto(pathToFileURL(join(OUT, 'index.html')).href);
    const names = () => page.locator('#ranking tbody td.site > a').allInnerTexts();
    expect(await names()).toEqual(['江苏省人民政府', '泗阳县人民政府', '宿迁市人民政府', '沭阳县人民政府']);
    await page.click('#ranking th:nth-child(9)');
    await page.click('#ranking th:nth-child(9)');
    expect((await names())[0]).toBe('沭阳县人民政府');
    expect(errors).toEqual([]);

    // Control: a script whose hash does not match is refused, and that refusal shows as a console error.
    const control = await browser.newPage();
    const controlErrors = collectErrors(control);
    const html = readFileSync(join(OUT, 'index.html'), 'utf8').replace(PAGE_SCRIPT, `${PAGE_SCRIPT}\n// tampered`);
    await control.setContent(html);
    expect(controlErrors.join('\n')).toMatch(/Content Security Policy/);
    await control.close();

    const pdf = await toPdf(runB, await loadRunSites(store, runB), { browser });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
