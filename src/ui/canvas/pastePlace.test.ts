import { describe, expect, it } from 'vitest';
import { pasteOffset, PASTE_GAP } from './pastePlace';

const box = (x: number, y: number, width = 240, height = 100) => ({ x, y, width, height });

describe('pasteOffset', () => {
  it('puts a single copy below its original, clear of it', () => {
    const original = box(100, 100);
    const offset = pasteOffset([original], [original]);
    expect(offset.x).toBe(0);
    expect(offset.y).toBeGreaterThanOrEqual(original.height + PASTE_GAP);
    expect(offset.y % 16).toBe(0);
  });
  it('a second paste goes below the first copy, not on top of it', () => {
    const original = box(100, 100);
    const first = pasteOffset([original], [original]);
    const copy = { ...original, y: original.y + first.y };
    const second = pasteOffset([original], [original, copy]);
    expect(second.y).toBeGreaterThan(first.y + original.height);
  });
  it('skips a node that sits below the selection', () => {
    const original = box(100, 100);
    const below = box(150, 260);
    const offset = pasteOffset([original], [original, below]);
    const moved = { ...original, y: original.y + offset.y };
    expect(moved.y).toBeGreaterThanOrEqual(below.y + below.height + PASTE_GAP);
  });
  it('moves a selection of several nodes as a block, by its whole height', () => {
    const a = box(0, 0);
    const b = box(300, 200);
    const offset = pasteOffset([a, b], [a, b]);
    expect(offset.y).toBeGreaterThanOrEqual(300 + PASTE_GAP);
  });
});
