import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { withExpiredApplied } from '../../crawler/cli/crawl-commands.ts';
import { evaluateSnapshot } from '../../crawler/crawl/summarise.ts';
import { resolvePack } from '../../crawler/packs.ts';
import { loadSitesFile, siteConfig } from '../../crawler/sites/load.ts';
import { siteEntry } from '../../crawler/sites/schema.ts';
import { auditSite } from '../../extension/lib/site-audit.ts';
import { GovauditStore, type KeyValueArea } from '../../extension/lib/store.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import type { PackResult } from '../../rules/model/finding.ts';
import { columnOf, snapshotOf } from './rule-tester.ts';

/**
 * Applying a past plan: the CLI's `--apply-expired`, the sites file's `ignoreValidity` and the extension's setting are
 * one mechanism (the engine's `applyExpired`): recurring duties are judged, one-off deadlines stay not-applicable, and
 * the result says the pack was applied outside its validity.
 */

const NOW = '2026-07-20';
const maiji = resolvePack('maiji-2016');
const snapshot = snapshotOf({
  columns: [columnOf('key-work', '重点工作', [{ title: '2026年第二季度重点工作进展情况', url: 'http://127.0.0.1/a.html', date: '2026-07-05' }])],
});

/** Which rules were judged and which stayed out, by message. */
const shape = (p: PackResult) => p.findings.map((f) => [f.ruleId, f.outcome === 'not-applicable' ? f.messageId : 'judged']);

describe('apply a past plan outside its validity', () => {
  it('without the choice every rule of an expired plan is not applicable', () => {
    const result = evaluatePack(maiji, snapshot, { now: NOW });
    expect(result.inForce).toBe(false);
    expect(result.appliedOutsideValidity).toBeUndefined();
    expect(new Set(result.findings.map((f) => f.messageId))).toEqual(new Set(['pack-not-in-force']));
  });

  it('re-applies the recurring duties only, and marks the pack', () => {
    const result = evaluatePack(maiji, snapshot, { now: NOW, applyExpired: ['maiji-2016'] });
    expect(result.inForce).toBe(true);
    expect(result.appliedOutsideValidity).toEqual({ validFrom: '2016-07-18', validTo: '2016-12-31' });
    const byRule = new Map(result.findings.map((f) => [f.ruleId, f]));
    // 每季度 key work: judged against today's quarters.
    expect(byRule.get('key-work-quarterly-missed')).toMatchObject({ outcome: 'pass', data: { period: '2026年第2季度' } });
    // 2016年底前 … and 年内 … are one-off: not re-applied.
    for (const id of ['new-media-missing', 'leader-briefing-missing', 'performance-weight-missing']) {
      expect(byRule.get(id), id).toMatchObject({ outcome: 'not-applicable', messageId: 'one-off-expired' });
    }
    expect(result.findings.filter((f) => f.messageId === 'pack-not-in-force')).toEqual([]);
  });

  it('changes nothing for a pack in force, or for a pack not named', () => {
    const national = resolvePack('national-2019');
    expect(evaluatePack(national, snapshot, { now: NOW, applyExpired: ['national-2019'] })).toEqual(evaluatePack(national, snapshot, { now: NOW }));
    expect(evaluatePack(maiji, snapshot, { now: NOW, applyExpired: ['jiangsu-2019'] }).inForce).toBe(false);
  });

  it('every rule with its own one-off deadline (年底前, 年内, 要点公布后) is marked once', () => {
    for (const id of ['suqian-2017', 'yichun-2018', 'jiangsu-2019', 'maiji-2016', 'yishui-2018']) {
      for (const rule of resolvePack(id).rules) {
        const quote = rule.source.quoteSimplified ?? rule.source.quote ?? '';
        if (/年底前|年内|要点公布后|要点印发后/.test(quote) && !/每年/.test(quote)) expect(rule.once, `${id}/${rule.id}`).toBe(true);
      }
    }
  });
});

describe('one mechanism: CLI, sites file and extension', () => {
  beforeEach(() => fakeBrowser.reset());

  const entry = { id: 'maiji', name: '麦积区人民政府', url: 'http://127.0.0.1:9/', kind: 'county' };

  it('--apply-expired and the sites file give the same site, and the same result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govaudit-expired-'));
    const file = join(dir, 'sites.yaml');
    writeFileSync(file, `sites:\n  - id: maiji\n    name: 麦积区人民政府\n    url: http://127.0.0.1:9/\n    kind: county\n    packs: [national-2019, maiji-2016]\n    ignoreValidity: [maiji-2016]\n`);
    const [fromFile] = loadSitesFile(file);
    const fromCli = withExpiredApplied(siteConfig(siteEntry.parse({ ...entry, packs: ['national-2019'] }), { packs: ['national-2019'], limits: {} }), ['maiji-2016']);
    expect(fromCli.packs).toEqual(fromFile.packs);
    expect(fromCli.ignoreValidity).toEqual(fromFile.ignoreValidity);
    const packs = fromFile.packs.map((id) => resolvePack(id));
    const viaFile = evaluateSnapshot(packs, snapshot, NOW, fromFile.ignoreValidity);
    const viaCli = evaluateSnapshot(packs, snapshot, NOW, fromCli.ignoreValidity);
    expect(viaCli).toEqual(viaFile);
    expect(viaFile.packs.find((p) => p.packId === 'maiji-2016')?.appliedOutsideValidity).toBeDefined();
  });

  it('the extension setting applies the same pack the same way', async () => {
    const store = new GovauditStore(fakeBrowser.storage.local as unknown as KeyValueArea, () => new Date(`${NOW}T09:00:00+08:00`));
    await store.setSettings({ applyExpired: ['maiji-2016'], auditDate: NOW });
    const at = new Date(`${NOW}T09:00:00+08:00`);
    const viaExtension = auditSite(await store.getSettings(), await store.getSite('http://127.0.0.1:9'), at).audit.result.packs.find((p) => p.packId === 'maiji-2016')!;
    const viaCrawler = evaluateSnapshot([maiji], snapshotOf({ columns: [] }), NOW, ['maiji-2016']).packs[0];
    expect(viaExtension.appliedOutsideValidity).toEqual(viaCrawler.appliedOutsideValidity);
    expect(shape(viaExtension)).toEqual(shape(viaCrawler));
  });
});

describe('reports mark a pack applied outside its validity', () => {
  it('the HTML scorecard says so next to the pack and in the pack list', async () => {
    const { renderSiteScorecard } = await import('../../reports/html/site-scorecard.ts');
    const { seededStore, siyang } = await import('../reports/fixtures.ts');
    const { runB } = await seededStore();
    const site = siyang();
    const applied = evaluatePack(maiji, snapshot, { now: NOW, applyExpired: ['maiji-2016'] });
    const html = renderSiteScorecard({ run: runB, site: { ...site, result: { ...site.result, packs: [...site.result.packs, applied] } }, history: [] });
    expect(html).toContain('有效期外适用（有效期 2016-07-18 至 2016-12-31，仅评周期性义务）');
    expect(html).toContain('data-outside-validity');
  });
});
