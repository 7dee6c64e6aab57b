import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED_ID, PLANTED_RAW_NUMBERS } from '../../crawler/demo/text-plants.ts';

/**
 * No output ever shows an unmasked personal number: the demo portal plants ID, mobile and bank card numbers on a
 * page and in attachments; after `govaudit demo --audit` with every report format, none of them appears in the
 * terminal, the reports (HTML, JSON, CSV, XLSX cells, PDF text via pdftotext) or the stored results. Only the
 * journal (pages as fetched) may hold them.
 */

const TODAY = '2026-11-23';
const work = mkdtempSync(join(tmpdir(), 'govaudit-mask-'));
const dataDir = join(work, 'data');
const outDir = join(work, 'out');
let terminal = '';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function assertNoRaw(text: string, where: string): void {
  for (const raw of PLANTED_RAW_NUMBERS) expect(text.includes(raw), `${where} holds ${raw.slice(0, 3)}…`).toBe(false);
}

beforeAll(async () => {
  terminal = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/govaudit.js', 'demo', '--audit', '--port', '0', '--today', TODAY, '--data', dataDir, '--out', outDir, '--format', 'html,json,csv,xlsx,pdf'], { env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    // The demo fails (planted vetoes): a non-zero exit is expected; the output is what is checked.
    child.on('close', () => resolve(out));
  });
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('no unmasked personal number in any output', () => {
  it('the terminal shows the finding with the number masked', () => {
    assertNoRaw(terminal, 'terminal output');
    expect(terminal.length).toBeGreaterThan(0);
  });

  it('every report format', async () => {
    const written = files(outDir);
    const byExt = (ext: string) => written.filter((f) => f.endsWith(ext));
    for (const ext of ['.html', '.json', '.csv', '.xlsx', '.pdf']) expect(byExt(ext).length, ext).toBeGreaterThan(0);
    for (const f of [...byExt('.html'), ...byExt('.json'), ...byExt('.csv')]) assertNoRaw(readFileSync(f, 'utf8'), f);
    const masked = `${PLANTED_ID.slice(0, 2)}*************${PLANTED_ID.slice(15)}`;
    expect(byExt('.json').some((f) => readFileSync(f, 'utf8').includes(masked))).toBe(true);
    for (const f of byExt('.xlsx')) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(f);
      const cells: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text ?? '')))));
      assertNoRaw(cells.join('\n'), f);
    }
    for (const f of byExt('.pdf')) {
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
      expect(text.length, f).toBeGreaterThan(0);
      assertNoRaw(text.replace(/\s+/g, ''), f);
    }
  });

  it('the stored results (everything but the journal of pages as fetched)', () => {
    const stored = files(dataDir).filter((f) => !f.includes(`${join('/', 'journal', '/')}`.replace('//', '/')) && !/\/journal\//.test(f));
    expect(stored.some((f) => f.endsWith('.json'))).toBe(true);
    for (const f of stored) assertNoRaw(readFileSync(f, 'utf8'), f);
    // The journal does keep the page as fetched, which is allowed: it proves the plant was there.
    const journal = files(dataDir).filter((f) => /\/journal\//.test(f)).map((f) => readFileSync(f, 'utf8')).join('');
    expect(journal).toContain(PLANTED_ID);
  });
});
