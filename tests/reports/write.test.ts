import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerReportCommand } from '../../crawler/cli/report-command.ts';
import { FileStore } from '../../crawler/store/file-store.ts';
import { safeFileStem, siteReportPath } from '../../reports/paths.ts';
import { writeReports } from '../../reports/write.ts';
import { DATE_A, DATE_B, RUN_A, RUN_B, seededStore, shuyang, summaryOf, suqian } from './fixtures.ts';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'govaudit-reports-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes index.html, one scorecard per site and the machine formats', async () => {
    const { store } = await seededStore();
    const out = tmp();
    const files = await writeReports({ store, runId: RUN_B, formats: ['html', 'json', 'csv', 'xlsx'], outDir: out });
    expect(files.map((f) => relative(out, f))).toEqual([
      'index.html', 'sites/jiangsu.html', 'sites/suqian.html', 'sites/shuyang.html', 'sites/siyang.html', 'report.json', 'findings.csv', 'report.xlsx',
    ]);
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="sites/shuyang.html"');
  });

  it('gives each scorecard its history and the changes since the previous run with that site', async () => {
    const { store } = await seededStore();
    const out = tmp();
    await writeReports({ store, runId: RUN_B, formats: ['html'], outDir: out });
    const sy = readFileSync(join(out, 'sites/shuyang.html'), 'utf8');
    expect(sy).toContain(`${RUN_A} → ${RUN_B}`);
    expect(sy).toMatch(new RegExp(`<text[^>]*>${DATE_A}</text>`));
    expect(sy).toContain(`>${summaryOf(shuyang('A')).score}</text>`);
    // 江苏 was not in run A: first run.
    expect(readFileSync(join(out, 'sites/jiangsu.html'), 'utf8')).toContain('首次检查，暂无对比');
    // An earlier run has no later history.
    const outA = tmp();
    await writeReports({ store, runId: RUN_A, formats: ['html'], outDir: outA });
    const a = readFileSync(join(outA, 'sites/shuyang.html'), 'utf8');
    expect(a).toContain('首次检查，暂无对比');
    expect(a).not.toContain(DATE_B);
  });

  it('rejects an unknown run', async () => {
    const { store } = await seededStore();
    await expect(writeReports({ store, runId: 'nope', formats: ['json'], outDir: tmp() })).rejects.toThrow('no such run');
  });

  it('keeps site files inside the report folder whatever the id', () => {
    expect(siteReportPath('../../etc/passwd')).toBe('sites/~00002e~00002e~00002f~00002e~00002e~00002fetc~00002fpasswd.html');
    expect(safeFileStem('沭阳')).toBe('~006cad~009633');
    expect(safeFileStem('沭')).not.toBe(safeFileStem('lad'));
    expect(safeFileStem('shuyang_xxgk-2')).toBe('shuyang_xxgk-2');
    expect(safeFileStem('a.b')).not.toBe(safeFileStem('a~2eb'));
  });
});

describe('govaudit report', () => {
  async function fileStoreWithRuns(dir: string) {
    const store = new FileStore(dir);
    await store.createRun({ id: RUN_A, startedAt: `${DATE_A}T01:00:00.000Z`, auditDate: DATE_A, siteIds: ['suqian'] });
    await store.saveSite(suqian('A'), summaryOf(suqian('A')));
    await store.finishRun(RUN_A, 'finished');
    await store.createRun({ id: RUN_B, startedAt: `${DATE_B}T01:00:00.000Z`, auditDate: DATE_B, siteIds: ['suqian', 'shuyang'] });
    for (const s of [suqian('B'), shuyang('B')]) await store.saveSite(s, summaryOf(s));
    await store.finishRun(RUN_B, 'finished');
    await store.close();
  }

  async function run(args: string[]): Promise<string[]> {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    vi.spyOn(console, 'error').mockImplementation((s: string) => void lines.push(s));
    const program = new Command('govaudit').exitOverride();
    registerReportCommand(program);
    await program.parseAsync(['node', 'govaudit', 'report', ...args]);
    return lines;
  }

  it('writes the latest run from a file store and prints the paths', async () => {
    const data = tmp();
    const out = join(tmp(), 'r');
    await fileStoreWithRuns(data);
    const lines = await run(['latest', '--format', 'html,csv', '--data', data, '--out', out]);
    expect(lines[0]).toContain(RUN_B);
    expect(lines.filter((l) => l.startsWith('报告 report:'))).toHaveLength(4);
    expect(existsSync(join(out, 'sites/shuyang.html'))).toBe(true);
    expect(readFileSync(join(out, 'sites/suqian.html'), 'utf8')).toContain(`${RUN_A} → ${RUN_B}`);
    // The store was closed: it can be opened again.
    await new FileStore(data).close();
  });

  it('defaults the output to <data>/reports/<run> and rejects unknown runs and formats', async () => {
    const data = tmp();
    await fileStoreWithRuns(data);
    await run([RUN_A, '--format', 'json', '--data', data]);
    expect(existsSync(join(data, 'reports', RUN_A, 'report.json'))).toBe(true);
    const prev = process.exitCode;
    try {
      expect((await run(['no-such-run', '--data', data])).join('\n')).toContain('no such run');
      expect(process.exitCode).toBe(3);
      process.exitCode = undefined;
      // Refused by the option parser, before the store is opened (main.ts turns a parser error into exit 3).
      await expect(run(['latest', '--format', 'html,docx', '--data', data])).rejects.toThrow(/unknown format docx/);
    } finally {
      process.exitCode = prev;
    }
  });
});
