import { describe, expect, it } from 'vitest';
import type { Box } from './labelPlacement';
import { replyLoopPath } from './replyPath';
import { cubicPoint, parseCubic } from './tokens';

/** A 200 × 120 node at (x, y). */
const node = (x: number, y: number): Box => ({ x, y, w: 200, h: 120 });

describe('reply loop path', () => {
  it('loops below both ends when the reply goes back to the left, as one cubic tokens can follow', () => {
    const [path, lx, ly] = replyLoopPath(800, 100, 200, 120)!;
    const cubic = parseCubic(path)!;
    expect(cubic.slice(0, 2)).toEqual([800, 100]);
    expect(cubic.slice(6)).toEqual([200, 120]);
    const mid = cubicPoint(cubic, 0.5);
    expect(mid.x).toBeCloseTo(lx);
    expect(mid.y).toBeCloseTo(ly);
    expect(ly).toBeGreaterThan(120 + 50); // clear of the handles
  });

  it('leaves a forward reply, even one into a node just to the right, to the plain bezier', () => {
    expect(replyLoopPath(200, 100, 800, 100)).toBeNull();
    expect(replyLoopPath(993, 402, 1027, 272, [node(780, 340), node(1040, 200)])).toBeNull();
  });

  it('passes below every node in its span, so its label is not under one', () => {
    // Scatter-gather: the aggregator (right) answers the requester (left) past three rows of nodes.
    const nodes = [node(0, 200), node(520, 60), node(520, 200), node(520, 340), node(1040, 200)];
    const [, lx, ly] = replyLoopPath(1253, 272, -13, 264, nodes)!;
    expect(ly).toBeGreaterThan(340 + 120);
    for (const b of nodes) expect(lx > b.x && lx < b.x + b.w && ly > b.y && ly < b.y + b.h).toBe(false);
  });

  it('goes above instead when the nodes it passes reach less far up than down', () => {
    // Both ends on the top row, a tall column below: over the top is the short way.
    const nodes = [node(0, 0), node(300, 0), node(300, 140), node(300, 280), node(600, 0)];
    const [path, , ly] = replyLoopPath(813, 60, -13, 60, nodes)!;
    expect(ly).toBeLessThan(0);
    expect(parseCubic(path)).not.toBeNull();
  });
});
