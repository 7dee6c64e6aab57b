import { describe, expect, it } from 'vitest';
import { placeBadge, placeBanner, type Box } from '../../extension/entrypoints/overlay.content/layout.ts';

/** Badge placement: beside the link's text, never over text; a dot only when every spot is taken. */

const size = { width: 30, height: 18 };
const dot = { width: 10, height: 10 };
const viewport = { width: 1000, height: 800 };
const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeBadge', () => {
  it('goes right of a link with room beside it', () => {
    const text = box(100, 100, 60, 20);
    const p = placeBadge(text, size, dot, [text], viewport);
    expect(p.compact).toBe(false);
    expect(p.left).toBeGreaterThanOrEqual(160);
    expect(p.top).toBe(101);
  });

  it('goes above (superscript) in a dense horizontal menu', () => {
    const items = [box(100, 100, 60, 20), box(176, 100, 60, 20), box(252, 100, 60, 20)];
    const p = placeBadge(items[0]!, size, dot, items, viewport);
    const placed = box(p.left, p.top, size.width, size.height);
    expect(p.compact).toBe(false);
    expect(items.some((i) => overlaps(placed, i))).toBe(false);
    expect(placed.bottom).toBeLessThanOrEqual(100);
  });

  it('never leaves the viewport when a spot inside is free', () => {
    const text = box(970, 0, 30, 20);
    const p = placeBadge(text, size, dot, [text], viewport);
    const placed = box(p.left, p.top, size.width, size.height);
    expect(placed.left).toBeGreaterThanOrEqual(0);
    expect(placed.right).toBeLessThanOrEqual(1000);
    expect(placed.top).toBeGreaterThanOrEqual(0);
  });

  it('shrinks to a dot when text surrounds the link on every side', () => {
    const text = box(100, 100, 60, 20);
    const around = [box(0, 0, 1000, 99), box(0, 121, 1000, 700), box(0, 99, 99, 22), box(161, 99, 800, 22)];
    const p = placeBadge(text, size, dot, [text, ...around], viewport);
    expect(p.compact).toBe(true);
  });
});

describe('placeBanner', () => {
  const banner = { width: 300, height: 260 };
  const cover = (p: { left: number; top: number }, s: { width: number; height: number }, b: Box) => overlaps({ left: p.left, top: p.top, right: p.left + s.width, bottom: p.top + s.height }, b);

  it('stays top-right when the list is elsewhere', () => {
    const list = box(20, 300, 500, 300);
    const p = placeBanner(banner, [list], viewport);
    expect(p).toEqual({ left: 1000 - 12 - 300, top: 12, covers: false });
  });

  it('moves off a list that spans the top right (its dates sit at the right edge)', () => {
    const list = box(20, 100, 960, 300);
    const items = [box(20, 100, 960, 24), box(20, 130, 960, 24)];
    const p = placeBanner(banner, [list, ...items], viewport);
    expect(p.covers).toBe(false);
    for (const b of [list, ...items]) expect(cover(p, banner, b)).toBe(false);
  });

  it('says so when every spot covers the list (the caller folds the banner)', () => {
    const list = box(0, 0, 1000, 800);
    expect(placeBanner(banner, [list], viewport).covers).toBe(true);
  });
});
