import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSitesFile } from '../../crawler/sites/load.ts';
import { InputError } from '../../rules/loader/input-error.ts';

function write(text: string): string {
  const f = join(mkdtempSync(join(tmpdir(), 'govaudit-sites-')), 'sites.yaml');
  writeFileSync(f, text);
  return f;
}

function problems(text: string) {
  try {
    loadSitesFile(write(text));
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected the sites file to be rejected');
}

const ok = `sites:\n  - id: qingshan\n    name: 青山县人民政府\n    url: http://www.qingshan.gov.cn/\n    kind: county\n`;

describe('sites file', () => {
  it('a valid file gets the defaults', () => {
    const [site] = loadSitesFile(write(ok));
    expect(site.packs).toEqual(['national-2019', 'disclosure-regulation-2019', 'security-2019']);
    expect(site.limits.timeoutMs).toBe(15000);
    expect(site.render).toBe('auto');
  });
  it('a wrong site kind names line, path and the expected values', () => {
    const [p] = problems(ok.replace('kind: county', 'kind: village'));
    expect(p).toMatchObject({ line: 5, path: 'sites[0].kind' });
    expect(p.message).toContain('expected one of "province", "city", "county", "department", "township", got "village"');
  });
  it('a bad URL', () => {
    const [p] = problems(ok.replace('http://www.qingshan.gov.cn/', 'www.qingshan.gov.cn'));
    expect(p).toMatchObject({ path: 'sites[0].url', line: 4 });
    expect(p.message).toContain('an http(s) URL');
  });
  it('an unknown key', () => {
    const [p] = problems(ok + '    colour: red\n');
    expect(p.message).toContain('unknown key "colour"');
  });
  it('an unknown pack and a duplicate id', () => {
    const ps = problems(ok + '    packs: [national-2091]\n' + ok.split('\n').slice(1).join('\n'));
    expect(ps.map((p) => p.message).join('\n')).toMatch(/unknown pack "national-2091"[\s\S]*duplicate site id "qingshan"|duplicate site id "qingshan"[\s\S]*unknown pack "national-2091"/);
  });
  it('a bad regex and a bad limit', () => {
    const ps = problems(ok + '    exclude: ["(unclosed"]\n    limits: { maxPages: -1 }\n');
    expect(ps.map((p) => p.path)).toEqual(expect.arrayContaining(['sites[0].exclude[0]', 'sites[0].limits.maxPages']));
  });
  it('the CLI reports it with exit code 3 and writes nothing', () => {
    const data = join(mkdtempSync(join(tmpdir(), 'govaudit-data-')), 'data');
    const r = spawnSync('node', ['bin/govaudit.js', 'crawl', 'tests/fixtures/sites/invalid-kind.yaml', '--data', data], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/invalid-kind\.yaml:5:\d+: sites\[0\]\.kind: expected one of/);
    expect(existsSync(data)).toBe(false);
  });
  it('a bad cron expression is a clear error', () => {
    const r = spawnSync('node', ['bin/govaudit.js', 'schedule', write(ok), '--cron', '61 * * * *', '--data', join(tmpdir(), 'never')], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('invalid cron expression');
  });
});
