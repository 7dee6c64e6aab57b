import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSitesFile } from '../../crawler/sites/load.ts';
import { FileStore } from '../../crawler/store/file-store.ts';
import type { StoredSite } from '../../crawler/store/types.ts';
import { loadColumnLibrary, loadPack } from '../../rules/loader/load-pack.ts';
import { InputError } from '../../rules/loader/input-error.ts';

/**
 * A careless (or hostile) operator: sites files, packs and command lines that must be refused with a located
 * error and exit 3, writing nothing; and a store that reads while a crawl runs and never writes outside itself.
 */

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function write(text: string | Buffer, name = 'sites.yaml'): string {
  const f = join(tmp('govaudit-input-'), name);
  writeFileSync(f, text);
  return f;
}

function problems(text: string | Buffer) {
  try {
    loadSitesFile(write(text));
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected the sites file to be rejected');
}

function cli(args: string[]) {
  return spawnSync('node', ['bin/govaudit.js', ...args], { encoding: 'utf8', timeout: 60_000 });
}

const ok = `sites:\n  - id: qingshan\n    name: 青山县人民政府\n    url: http://www.qingshan.gov.cn/\n    kind: county\n`;

describe('sites file limits and ids', () => {
  it.each([
    ['delayMs', 2147483648, 'from 0 to 600000'],
    ['timeoutMs', 3e9, 'from 100 to 600000'],
    ['maxPages', 0, 'from 1 to 100000'],
    ['perHostConcurrency', 9, 'from 1 to 8'],
    ['availabilitySamples', 1e6, 'from 1 to 50'],
  ])('%s: %d is refused with the valid range', (key, value, range) => {
    const [p] = problems(ok + `    limits: { ${key}: ${value} }\n`);
    expect(p).toMatchObject({ path: `sites[0].limits.${key}`, line: 6 });
    expect(p!.message).toContain(range);
  });

  it('a 300-character site id, or one with a path in it, is refused when the file loads', () => {
    expect(problems(ok.replace('id: qingshan', `id: ${'a'.repeat(300)}`))[0]).toMatchObject({ path: 'sites[0].id', line: 2 });
    expect(problems(ok.replace('id: qingshan', 'id: "../../x"'))[0]!.message).toContain('at most 64');
  });
});

describe('sites file content the loader used to accept silently', () => {
  it('an unknown column class in columns:', () => {
    const [p] = problems(ok + '    columns:\n      newz: { url: http://www.qingshan.gov.cn/x/ }\n');
    expect(p).toMatchObject({ path: 'sites[0].columns.newz', line: 7 });
    expect(p!.message).toMatch(/unknown column class "newz", expected one of .*news/);
  });
  it('an unknown pack in ignoreValidity', () => {
    const [p] = problems(ok + '    ignoreValidity: [jiangsu-2091]\n');
    expect(p).toMatchObject({ path: 'sites[0].ignoreValidity[0]', line: 6 });
    expect(p!.message).toContain('"jiangsu-2091" is not one of this site\'s packs');
  });
  it('non-UTF-8 bytes, with the line they are on', () => {
    const gbk = Buffer.concat([Buffer.from(ok.replace('青山县人民政府', 'X')), Buffer.from('    parent: '), Buffer.from([0xca, 0xbe, 0xc0, 0xfd]), Buffer.from('\n')]);
    const [p] = problems(gbk);
    expect(p).toMatchObject({ line: 6 });
    expect(p!.message).toMatch(/not UTF-8: invalid byte 0x[0-9a-f]{2} at offset \d+/);
  });
  it('port 0', () => {
    const [p] = problems(ok.replace('http://www.qingshan.gov.cn/', 'http://www.qingshan.gov.cn:0/'));
    expect(p).toMatchObject({ path: 'sites[0].url', line: 4 });
  });
  it('an unknown YAML tag', () => {
    const [p] = problems(ok.replace('name: 青山县人民政府', 'name: !evil 青山县人民政府'));
    expect(p).toMatchObject({ line: 3 });
    expect(p!.message).toContain('Unresolved tag: !evil');
  });
  it('a file over 2 MB is refused before it is parsed', () => {
    const [p] = problems(ok + '#' + 'x'.repeat(2 * 1024 * 1024) + '\n');
    expect(p!.message).toMatch(/file too large: \d+ bytes, at most 2097152/);
  });
  it('a YAML alias bomb is a located error with exit 3 and nothing written, not a stack trace', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    const file = write(levels.join('\n') + '\n' + ok);
    const data = join(tmp('govaudit-data-'), 'data');
    const r = cli(['crawl', file, '--data', data]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`${file}: (root): cannot expand the YAML`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(data)).toBe(false);
  });
  it('a pack with validFrom: 2019-02-30 is refused', () => {
    const library = loadColumnLibrary(readFileSync('rules/packs/columns.yaml', 'utf8'), 'columns.yaml');
    const text = readFileSync('rules/packs/national-2019.yaml', 'utf8').replace(/^validFrom: .*$/m, 'validFrom: 2019-02-30');
    let error: unknown;
    try {
      loadPack(text, 'national-2019.yaml', library);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ path: 'validFrom' });
    expect((error as InputError).problems[0]!.message).toContain('a real calendar date');
  });
});

describe('the exit-code contract', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it("the parser's own errors exit 3, not 1 (which means 不合格)", () => {
    for (const args of [['crawl', '--no-such-option', 'x.yaml'], ['crawl'], ['no-such-command'], ['schedule', 'x.yaml', '--cron', '* * * * *', '--max-runs', 'many']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(3);
    }
  });

  it.each([['2026-13-45'], ['yesterday'], ['2026-2-3'], ['1900-02-29']])('--today %s is refused with exit 3', (date) => {
    const data = join(tmp('govaudit-data-'), 'data');
    const r = cli(['audit', 'http://127.0.0.1:9/', '--today', date, '--data', data]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('expected a real date as YYYY-MM-DD');
    expect(existsSync(data)).toBe(false);
  });

  it('an unknown --format is refused before the crawl: no request, nothing under the data folder', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('<html></html>');
    });
    servers.push(server);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const data = join(tmp('govaudit-data-'), 'data');
    const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
      const child = spawn('node', ['bin/govaudit.js', 'audit', url, '--format', 'html,docx', '--data', data]);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => done({ status, stderr }));
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('unknown format docx');
    expect(hits).toBe(0);
    expect(existsSync(data)).toBe(false);
  });

  it('exit-3 paths create nothing under the data folder and print no stack trace', () => {
    const data = join(tmp('govaudit-data-'), 'data');
    const badPack = write('id: x\n', 'bad-pack.yaml');
    const cases = [
      ['crawl', write(ok + `    packs: [${badPack}]\n`), '--data', data],
      ['show', 'no-such-run', '--data', data],
      ['report', 'no-such-run', '--data', data],
      ['audit', 'not a url', '--data', data],
      ['audit', 'http://127.0.0.1:9/', '--pack', 'national-2091', '--data', data],
    ];
    for (const args of cases) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(3);
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(data)).toBe(false);
  });
});

const storedSite = (runId: string, id = 'a'): StoredSite => ({
  runId,
  snapshot: { site: { id, name: '甲县', homeUrl: 'http://127.0.0.1/' }, capturedAt: '2026-11-23T00:00:00Z', home: { url: 'http://127.0.0.1/', status: 'ok', items: [] }, columns: [], links: [], availability: [], discoveryComplete: true },
  result: { siteId: id, evaluatedAt: '2026-11-23', verdict: 'pass', packs: [] },
  stats: { pages: 1, errors: 0, elapsedMs: 1, bytes: 1, rendered: 0 },
});

describe('the store under a careless operator', () => {
  it('`runs` and `show` read while another process holds the store for a crawl', async () => {
    const dir = tmp('govaudit-store-');
    const writer = new FileStore(dir);
    await writer.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    await writer.saveSite(storedSite('r1'), { siteId: 'a', name: '甲县', verdict: 'pass', vetoes: [], failed: 0, needsReview: 0 });
    // As a running crawl leaves it: the lock held by a live process (the test runner).
    writeFileSync(join(dir, 'store.lock'), JSON.stringify({ pid: process.pid }));
    const runs = cli(['runs', '--data', dir]);
    expect(runs.status).toBe(0);
    expect(runs.stdout).toContain('r1');
    const show = cli(['show', 'r1', 'a', '--data', dir]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('甲县');
    await writer.close();
  });

  it('`show <run> ../../x` is refused (exit 3) instead of reading a file outside the run', async () => {
    const dir = tmp('govaudit-store-');
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    await store.close();
    writeFileSync(join(dir, 'x.json'), JSON.stringify(storedSite('r1')));
    const r = cli(['show', 'r1', '../../x', '--data', dir]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('invalid site id');
    expect(r.stdout).not.toContain('甲县');
  });

  it('an I/O error while saving leaves no .tmp file behind', async () => {
    const dir = tmp('govaudit-store-');
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    mkdirSync(join(dir, 'runs', 'r1', 'sites', 'a.json')); // a directory where the file goes: the rename fails
    await expect(store.saveSite(storedSite('r1'), { siteId: 'a', name: '甲县', verdict: 'pass', vetoes: [], failed: 0, needsReview: 0 })).rejects.toThrow();
    await store.close();
    expect(readdirSync(join(dir, 'runs', 'r1', 'sites')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a journal append never follows a symlink out of the store', async () => {
    const dir = tmp('govaudit-store-');
    const outside = join(tmp('govaudit-outside-'), 'victim.txt');
    writeFileSync(outside, 'untouched\n');
    const store = new FileStore(dir);
    await store.createRun({ id: 'r1', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    symlinkSync(outside, join(dir, 'runs', 'r1', 'journal', 'a.jsonl'));
    const attempt = async () => (await store.journal('r1', 'a')).append({ url: 'http://127.0.0.1/', finalUrl: 'http://127.0.0.1/', status: 200, ok: true, elapsedMs: 1, text: 'x' });
    await expect(attempt()).rejects.toThrow();
    // A symlinked journal folder is refused the same way.
    await store.createRun({ id: 'r2', startedAt: '2026-11-23T00:00:00Z', auditDate: '2026-11-23', siteIds: ['a'] });
    const journalDir = join(dir, 'runs', 'r2', 'journal');
    spawnSync('rm', ['-r', journalDir]);
    symlinkSync(join(outside, '..'), journalDir);
    await expect(store.journal('r2', 'a')).rejects.toThrow(/outside the store|leaves the store/);
    await store.close();
    expect(readFileSync(outside, 'utf8')).toBe('untouched\n');
    expect(readdirSync(join(outside, '..'))).toEqual(['victim.txt']);
  });
});
