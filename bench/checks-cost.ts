/**
 * Cost of the text checks (personal numbers, wording, 留言 lists, outgoing links, attachments) per site:
 *
 *   1. the demo portal crawled end to end (it links a PDF, a DOCX, an XLSX and a DOC): pages, texts scanned,
 *      attachments read, their bytes, and the CPU the text scan took beside the CPU of the whole crawl;
 *   2. the three saved real sites (../shared/real-sites), every saved page read offline: text scan and the
 *      security-2019 pack evaluation, CPU per page.
 *
 *   npm run bench:checks
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { demoSite } from '../crawler/cli/demo-command.ts';
import { runCrawl } from '../crawler/crawl/run.ts';
import { startDemoPortal } from '../crawler/demo/index.ts';
import { decodeBody } from '../crawler/fetch/decode-body.ts';
import { resolvePack } from '../crawler/packs.ts';
import { pageFromHtml } from '../crawler/page/from-html.ts';
import { MemoryStore } from '../crawler/store/memory-store.ts';
import { evaluatePack } from '../rules/engine/evaluate.ts';
import { extractLinks } from '../rules/extract/nav-links.ts';
import type { SiteSnapshot, TextObservation } from '../rules/model/snapshot.ts';
import { observePageText } from '../rules/text/page-text.ts';
import { machineHeader } from './accuracy.ts';

const TODAY = '2026-11-23';
const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

async function demoRow(): Promise<string> {
  const portal = await startDemoPortal({ port: 0, today: TODAY });
  try {
    const store = new MemoryStore();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const run = await runCrawl({ sites: [demoSite(portal.url)], store, now: TODAY });
    const crawlCpu = cpuMs(process.cpuUsage(cpu));
    const site = (await store.getSite(run.id, 'qingshan-demo'))!;
    const scan = (site.stats as typeof site.stats & { textScan?: { texts: number; attachments: number; attachmentsRead: number; attachmentBytes: number; cpuMs: number } }).textScan!;
    return `| demo portal (crawl) | ${site.stats.pages} | ${scan.texts} | ${scan.attachmentsRead}/${scan.attachments} | ${Math.round(scan.attachmentBytes / 1024)} | ${scan.cpuMs} | ${crawlCpu} | ${(scan.cpuMs / site.stats.pages).toFixed(1)} | ${Math.round(performance.now() - started)} |`;
  } finally {
    await portal.close();
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.html?$/.test(n) ? [p] : [];
  });
}

function realRow(name: string, dir: string): string {
  const pack = resolvePack('security-2019');
  const files = walk(dir);
  const docs = files.map((f) => ({ url: `http://saved.example.gov.cn/${f.slice(dir.length + 1)}`, html: decodeBody(new Uint8Array(readFileSync(f)), undefined).text }));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const texts: TextObservation[] = [];
  const outgoingLinks: NonNullable<SiteSnapshot['outgoingLinks']> = [];
  for (const d of docs) {
    const doc = pageFromHtml(d.html, d.url);
    texts.push(observePageText(doc, d.url, TODAY));
    for (const l of extractLinks(doc)) if (!l.url.startsWith('http://saved.example.gov.cn/')) outgoingLinks.push({ url: l.url, text: l.text, fromUrl: d.url });
  }
  const scanCpu = cpuMs(process.cpuUsage(cpu));
  const snapshot: SiteSnapshot = {
    site: { id: name, name, homeUrl: 'http://saved.example.gov.cn/' }, capturedAt: `${TODAY}T00:00:00Z`,
    home: { url: 'http://saved.example.gov.cn/', status: 'ok', items: [] }, columns: [], links: [], availability: [], discoveryComplete: true,
    texts, outgoingLinks, attachments: [],
  };
  const evalCpu = process.cpuUsage();
  const findings = evaluatePack(pack, snapshot, { now: TODAY }).findings.filter((f) => f.outcome === 'fail' || f.outcome === 'needs-review');
  const total = scanCpu + cpuMs(process.cpuUsage(evalCpu));
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  return `| ${name} (saved pages, offline) | ${docs.length} | ${texts.length} | – | – | ${total} | – | ${(total / docs.length).toFixed(1)} | ${Math.round(performance.now() - started)} | ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`;
}

console.log(`# govaudit text-check cost bench\n\n${machineHeader()}\n`);
console.log('| site | pages | texts scanned | attachments read | attachment KB | text-check CPU ms | whole crawl CPU ms | text-check CPU ms / page | wall ms | findings (fail + needs-review) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
console.log(`${await demoRow()} see the demo manifest |`);
const REAL = join(import.meta.dirname, '../../shared/real-sites');
for (const name of ['zhecheng-gov', 'jilin-forestry', 'chinapesticide']) {
  try {
    console.log(realRow(name, join(REAL, name)));
  } catch (e) {
    console.log(`| ${name} | not available: ${(e as Error).message.split('\n')[0]} |`);
  }
}
