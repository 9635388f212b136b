import { describe, expect, it } from 'vitest';
import { replyLoopPath } from './replyPath';
import { cubicPoint, parseCubic } from './tokens';

describe('reply loop path', () => {
  it('loops below both ends when the reply goes back to the left, as one cubic tokens can follow', () => {
    const [path, lx, ly] = replyLoopPath(800, 100, 200, 120)!;
    const cubic = parseCubic(path)!;
    expect(cubic.slice(0, 2)).toEqual([800, 100]);
    expect(cubic.slice(6)).toEqual([200, 120]);
    const mid = cubicPoint(cubic, 0.5);
    expect(mid.x).toBeCloseTo(lx);
    expect(mid.y).toBeCloseTo(ly);
    expect(ly).toBeGreaterThan(120 + 150); // well below the nodes' handles
  });

  it('leaves a forward reply to the plain bezier', () => {
    expect(replyLoopPath(200, 100, 800, 100)).toBeNull();
  });
});
