import { describe, expect, it } from 'vitest';
import { allocateTokens, cubicBox, cubicNormal, cubicPoint, laneKey, lanePoint, laneOf, laneT, MAX_TOKENS, parseCubic, planTokens, retime, TOKEN_BUDGET, tokenPhase, type EdgeDemand } from './tokens';

describe('edge tokens', () => {
  it('draws nothing on an idle edge', () => {
    expect(planTokens(0)).toEqual({ count: 0, durationSec: 0 });
    expect(planTokens(Number.NaN).count).toBe(0);
  });

  it('grows with the rate but stays capped', () => {
    const counts = [0.5, 3, 20, 200, 5000, 1e7].map((r) => planTokens(r).count);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBe(1);
    expect(planTokens(1e7).count).toBe(MAX_TOKENS);
    expect(planTokens(1e7).durationSec).toBeGreaterThanOrEqual(0.7);
    expect(planTokens(1).durationSec).toBeLessThanOrEqual(2.5);
  });
});

describe('token budget', () => {
  const edge = (id: string, ratePerSec: number, visible = true): EdgeDemand => ({ id, ratePerSec, visible });
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

  it('gives idle and off-screen edges nothing', () => {
    const plan = allocateTokens([edge('idle', 0), edge('nan', Number.NaN), edge('hidden', 500, false), edge('busy', 3)]);
    expect([...plan.keys()]).toEqual(['busy']);
  });

  it('gives each busy edge what its rate asks for when the budget allows', () => {
    const plan = allocateTokens([edge('a', 1), edge('b', 20), edge('c', 1e6)], 100);
    expect(plan.get('a')).toBe(planTokens(1).count);
    expect(plan.get('b')).toBe(planTokens(20).count);
    expect(plan.get('c')).toBe(MAX_TOKENS);
  });

  it('never exceeds the budget, whatever the topology', () => {
    const edges = Array.from({ length: 300 }, (_, i) => edge(`e${i}`, 50 + i));
    const plan = allocateTokens(edges);
    expect(total(plan)).toBe(TOKEN_BUDGET);
    expect(Math.max(...plan.values())).toBeLessThanOrEqual(MAX_TOKENS);
    expect(total(allocateTokens(edges, 0))).toBe(0);
  });

  it('gives one token to every busy edge before any edge gets a second', () => {
    const edges = Array.from({ length: 100 }, (_, i) => edge(`e${i}`, 1000));
    const plan = allocateTokens(edges, 150);
    expect(plan.size).toBe(100);
    expect(Math.min(...plan.values())).toBe(1);
    expect(total(plan)).toBe(150);
  });

  it('serves the busiest edges first when there are more busy edges than tokens', () => {
    const edges = [edge('slow', 1), edge('fast', 900), edge('mid', 40), edge('hidden', 5000, false)];
    expect([...allocateTokens(edges, 2).keys()].sort()).toEqual(['fast', 'mid']);
    // Extra tokens go to the busiest first, too.
    const plan = allocateTokens(edges, 5);
    expect(plan.get('fast')).toBeGreaterThanOrEqual(plan.get('mid') ?? 0);
    expect(plan.get('slow')).toBe(1);
  });

  it('gives replies going back along an edge a lane of their own, within the same budget', () => {
    const back = (id: string, ratePerSec: number, visible = true): EdgeDemand => ({ id, ratePerSec, visible, back: true });
    const plan = allocateTokens([edge('call', 20), back('call', 20), back('idle', 0), back('hidden', 50, false)], 100);
    expect([...plan.keys()]).toEqual([laneKey('call'), laneKey('call', true)]);
    expect(plan.get(laneKey('call', true))).toBe(planTokens(20).count);
    const many = Array.from({ length: 200 }, (_, i) => (i % 2 ? back : edge)(`e${i >> 1}`, 100));
    expect(total(allocateTokens(many))).toBe(TOKEN_BUDGET);
  });

  it('is deterministic: equal rates keep the input order', () => {
    const edges = [edge('x', 10), edge('y', 10), edge('z', 10)];
    expect([...allocateTokens(edges, 2).keys()]).toEqual(['x', 'y']);
  });
});

describe('token geometry', () => {
  it("reads React Flow's bezier path and evaluates it", () => {
    const c = parseCubic('M213,195.5 C230,195.5 230,335.5 247,335.5');
    expect(c).toEqual([213, 195.5, 230, 195.5, 230, 335.5, 247, 335.5]);
    expect(cubicPoint(c!, 0)).toEqual({ x: 213, y: 195.5 });
    expect(cubicPoint(c!, 1)).toEqual({ x: 247, y: 335.5 });
    const mid = cubicPoint(c!, 0.5);
    expect(mid.x).toBeCloseTo(230);
    expect(mid.y).toBeCloseTo(265.5);
    expect(cubicBox(c!)).toEqual({ minX: 213, maxX: 247, minY: 195.5, maxY: 335.5 });
  });

  it('falls back to a straight line for other paths, and to nothing for garbage', () => {
    const line = parseCubic('M0,0 L30,60');
    expect(cubicPoint(line!, 0.5)).toEqual({ x: 15, y: 30 });
    expect(parseCubic('')).toBeNull();
  });

  it('names lanes reversibly: an edge\'s forward lane is its id, its back lane is marked', () => {
    expect(laneKey('e1')).toBe('e1');
    expect(laneKey('e1', true)).not.toBe('e1');
    expect(laneOf(laneKey('e1'))).toEqual({ edge: 'e1', back: false });
    expect(laneOf(laneKey('e1', true))).toEqual({ edge: 'e1', back: true });
    expect(laneOf(laneKey('back', true))).toEqual({ edge: 'back', back: true });
  });

  it('moves a reply token from the target back to the source as time passes', () => {
    const c = parseCubic('M0,0 C100,0 200,0 300,0')!;
    const m = retime(undefined, 0, 2);
    const xs = (back: boolean) => [0, 0.5, 1, 1.5].map((sec) => cubicPoint(c, laneT(tokenPhase(m, sec, 0, 1), back)).x);
    const forward = xs(false);
    const replies = xs(true);
    expect(forward[0]).toBe(0); // leaves the source
    expect(replies[0]).toBe(300); // leaves the target
    for (let i = 1; i < 4; i++) {
      expect(forward[i]).toBeGreaterThan(forward[i - 1]!);
      expect(replies[i]).toBeLessThan(replies[i - 1]!);
    }
  });

  it('draws replies in a lane beside the edge, on the right of their own travel; requests on the edge', () => {
    const rightward = parseCubic('M0,0 C100,0 200,0 300,0')!;
    expect(cubicNormal(rightward, 0.5)).toEqual({ x: -0, y: 1 });
    expect(lanePoint(rightward, 0.5, false, 5)).toEqual(cubicPoint(rightward, 0.5));
    // Going back (right to left), its right is up the screen.
    expect(lanePoint(rightward, 0.5, true, 5)).toEqual({ x: 150, y: -5 });
    const down = parseCubic('M0,0 L0,90')!;
    const p = lanePoint(down, 0.5, true, 4);
    expect(p.x).toBeCloseTo(4);
    expect(p.y).toBeCloseTo(45);
    // Control points on the ends (no direction there): the chord's normal; a point: no offset.
    const flatEnds = parseCubic('M0,0 C0,0 300,0 300,0')!;
    expect(lanePoint(flatEnds, 0, true, 5)).toEqual({ x: 0, y: -5 });
    const dot = parseCubic('M7,7 C7,7 7,7 7,7')!;
    expect(lanePoint(dot, 0.3, true, 5)).toEqual(cubicPoint(dot, 0.3));
  });

  it('spaces tokens evenly and keeps them in place when the speed changes', () => {
    const m = retime(undefined, 10, 2);
    expect(tokenPhase(m, 10, 0, 4)).toBe(0);
    expect(tokenPhase(m, 10, 1, 4)).toBe(0.25);
    expect(tokenPhase(m, 11, 0, 4)).toBe(0.5);
    expect(retime(m, 11, 2)).toBe(m);
    const faster = retime(m, 11, 1);
    expect(tokenPhase(faster, 11, 0, 4)).toBeCloseTo(tokenPhase(m, 11, 0, 4));
    expect(tokenPhase(faster, 11.5, 0, 4)).toBeCloseTo(0);
  });
});
