import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '../../rules/checks/define.ts';
import { evaluatePack } from '../../rules/engine/evaluate.ts';
import type { Finding, Outcome } from '../../rules/model/finding.ts';
import type { ColumnObservation, ItemObservation, SiteSnapshot } from '../../rules/model/snapshot.ts';
import type { LoadedPack } from '../../rules/schema/pack.ts';
import { readColumnLibrary } from '../../crawler/packs.ts';

/**
 * ESLint-RuleTester-style harness: named valid and invalid cases for one check. Options are parsed with the
 * check's own schema (a case with bad options fails loudly), the check runs through the real engine, and every
 * finding must be listed: an outcome the case does not expect fails the test.
 */

export interface ExpectedFinding {
  outcome: Outcome;
  messageId: string;
  data?: Record<string, string | number>;
  column?: string;
  dueDate?: string;
}

export interface TestCase {
  name: string;
  options?: Record<string, unknown>;
  column?: string;
  snapshot: Partial<SiteSnapshot>;
  now?: string;
}

export interface InvalidCase extends TestCase {
  findings: ExpectedFinding[];
}

const library = readColumnLibrary();

export function snapshotOf(parts: Partial<SiteSnapshot>): SiteSnapshot {
  return {
    site: { id: 'test', name: '测试县人民政府', homeUrl: 'http://127.0.0.1/', kind: 'county' },
    capturedAt: '2026-01-15T00:00:00Z',
    home: { url: 'http://127.0.0.1/', status: 'ok', items: [] },
    columns: [],
    links: [],
    availability: [],
    discoveryComplete: true,
    ...parts,
  };
}

export function columnOf(classId: string, name: string, items: ItemObservation[], extra: Partial<ColumnObservation> = {}): ColumnObservation {
  return { classId, name, url: `http://127.0.0.1/${classId}/`, matchedBy: 'name', matchReason: `name ${name}`, status: 'ok', items, itemCount: items.length, pagesRead: 1, ...extra };
}

/** Items with the given dates (undefined = undated), titled so title filters can be tested. */
export function itemsDated(dates: (string | undefined)[], title = '工作动态'): ItemObservation[] {
  return dates.map((date, i) => ({ title: `${title}${i + 1}`, url: `http://127.0.0.1/art/${i + 1}.html`, ...(date ? { date, dateConfidence: 'exact' as const } : {}) }));
}

function packFor(check: CheckDefinition, c: TestCase): LoadedPack {
  const options = check.options.parse(c.options ?? {}) as Record<string, unknown>;
  return {
    id: 'test-pack', title: { zh: '测试', en: 'Test' }, kind: 'national', sources: [{ doc: 'test', title: 'test' }],
    validFrom: '2000-01-01', appliesTo: ['county'], columns: {},
    rules: [{ id: `${check.id}-case`, title: { zh: check.id, en: check.id }, check: check.id, column: c.column, options, severity: 'deduct', source: { doc: 'test' } }],
    verdict: { vetoes: [] }, columnClasses: library.columns, file: 'test',
  };
}

function run(check: CheckDefinition, c: TestCase, now: string): Finding[] {
  const result = evaluatePack(packFor(check, c), snapshotOf(c.snapshot), { now: c.now ?? now, checks: { [check.id]: check } });
  return result.findings;
}

export class RuleTester {
  constructor(private readonly defaults: { now: string }) {}

  run(check: CheckDefinition, cases: { valid: TestCase[]; invalid: InvalidCase[] }): void {
    describe(check.id, () => {
      for (const c of cases.valid) {
        it(`valid: ${c.name}`, () => {
          const findings = run(check, c, this.defaults.now);
          expect(findings.length).toBeGreaterThan(0);
          for (const f of findings) expect(['pass', 'not-applicable'], `${f.messageId}: ${f.message.en}`).toContain(f.outcome);
        });
      }
      for (const c of cases.invalid) {
        it(`invalid: ${c.name}`, () => {
          const findings = run(check, c, this.defaults.now);
          const actual = findings.map((f) => ({ outcome: f.outcome, messageId: f.messageId }));
          expect(actual).toEqual(c.findings.map((e) => ({ outcome: e.outcome, messageId: e.messageId })));
          c.findings.forEach((e, i) => {
            if (e.data) expect(findings[i].data).toMatchObject(e.data);
            if (e.column) expect(findings[i].column?.name).toBe(e.column);
            if (e.dueDate) expect(findings[i].dueDate).toBe(e.dueDate);
            // Every rendered message is fully filled in both languages.
            expect(findings[i].message.zh).not.toMatch(/\{\{/);
            expect(findings[i].message.en).not.toMatch(/\{\{/);
          });
        });
      }
    });
  }
}
