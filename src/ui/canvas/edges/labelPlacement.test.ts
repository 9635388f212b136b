import { describe, expect, it } from 'vitest';
import { labelSize, placeLabel, type Box } from './labelPlacement';
import type { Cubic } from './tokens';

/** A straight edge from (x0, y) to (x1, y) as a cubic. */
const straight = (x0: number, x1: number, y: number): Cubic => [x0, y, (2 * x0 + x1) / 3, y, (x0 + 2 * x1) / 3, y, x1, y];
const size = labelSize(['reply', '00.0/s'], 11);

describe('edge label placement', () => {
  it('puts the label in the middle of a long edge between nodes', () => {
    const spot = placeLabel(straight(210, 590, 50), size, [{ x: 0, y: 0, w: 200, h: 100 }, { x: 600, y: 0, w: 200, h: 100 }]);
    expect(spot).toEqual({ x: 400, y: 50, raised: false });
  });

  it('moves the label along the edge, off a node lying across its middle', () => {
    const over: Box = { x: 460, y: 0, w: 80, h: 100 };
    const spot = placeLabel(straight(0, 1000, 50), size, [over]);
    expect(spot.raised).toBe(false);
    expect(Math.abs(spot.x - 500)).toBeGreaterThan(size.w / 2 + over.w / 2);
    expect(spot.y).toBeCloseTo(50);
  });

  it('raises the label above the nodes when the gap between them is narrower than it', () => {
    const spot = placeLabel(straight(205, 235, 50), size, [{ x: 0, y: 0, w: 200, h: 100 }, { x: 240, y: 0, w: 200, h: 100 }]);
    expect(spot).toEqual({ x: 220, y: 50, raised: true });
  });

  it('sizes a label by its pills and its type size', () => {
    expect(labelSize(['reply'], 14).w).toBeGreaterThan(labelSize(['reply'], 11).w);
    expect(labelSize(['fanout', '00.0/s'], 11).w).toBeGreaterThan(labelSize(['fanout'], 11).w);
    expect(labelSize([], 11).w).toBe(0);
  });
});
