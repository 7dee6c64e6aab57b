import { describe, expect, it } from 'vitest';
import { loadTruths, runFixture } from '../../bench/accuracy.ts';

/**
 * The labelled corpus (tests/fixtures/portals, written by bench/make-portals.ts) crawled by the real crawler on
 * 127.0.0.1 and scored against truth.json, for the portal shapes that need no browser. The accuracy bench prints the
 * same scores as a table; this keeps them from sliding back.
 */
const NO_BROWSER = ['capture-day', 'department', 'hanweb-county', 'plain-county', 'soft404', 'table-dates', 'trs-county'];

describe('labelled corpus', () => {
  for (const { dir, truth } of loadTruths(NO_BROWSER)) {
    it(`${truth.name}: every column found once, nothing else taken for one, newest dates exact, dead columns flagged`, async () => {
      const score = await runFixture(dir, truth, undefined);
      const misses = score.misses.filter((m) => m.kind !== 'items').map((m) => `${m.kind}: ${m.text}`);
      expect(misses).toEqual([]);
      expect(score.tp).toBe(score.truthColumns);
      expect(score.fp).toBe(0);
      expect(score.newestExact).toBe(score.newestCompared);
      expect(score.deadFlagged).toBe(score.deadTotal);
    });
  }

  it('counts paginated lists exactly: Hanweb totalRecord, TRS and 尾页 pagers by reading the last page', async () => {
    for (const { dir, truth } of loadTruths(['hanweb-county', 'trs-county', 'table-dates'])) {
      const score = await runFixture(dir, truth, undefined);
      expect(score.misses.filter((m) => m.kind === 'items').map((m) => m.text)).toEqual([]);
    }
  });
});
