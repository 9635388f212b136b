import { describe, expect, it } from 'vitest';
import type { Cubic } from './edges/tokens';
import { replyLoopPath } from './edges/replyPath';
import { parseCubic } from './edges/tokens';
import { fitWithLoops, overshoot } from './loopRoom';

const FIT = { padding: { top: '60px', left: '44px', right: '40px', bottom: '60px' }, maxZoom: 1.8 } as const;
/** Three rows of 100-high nodes: a requester on the left, responders in a column on the right. */
const boxes = [0, 140, 280].map((y) => ({ x: 600, y, w: 200, h: 100 })).concat({ x: 0, y: 140, w: 200, h: 100 });
const nodes = { top: 0, bottom: 380 };
/** A reply from a responder back to the requester, nested `below` loops outside the innermost. */
const loop = (sy: number, below: number): Cubic => parseCubic(replyLoopPath(800, sy, 0, 190, boxes, { below, above: 0 })![0])!;

describe('room for reply loops when fitting', () => {
  it('measures how far the loops reach past the nodes, label included; none for curves inside', () => {
    expect(overshoot(nodes, [[200, 190, 300, 190, 500, 50, 600, 50]])).toEqual({ above: 0, below: 0 });
    const inner = overshoot(nodes, [loop(330, 0)]);
    const outer = overshoot(nodes, [loop(330, 0), loop(190, 1)]);
    expect(inner.above).toBe(0);
    // The loop's far point is 30 past the lowest node (replyPath CLEAR), its label half a label further.
    expect(inner.below).toBeGreaterThanOrEqual(30);
    expect(outer.below).toBeGreaterThan(inner.below + 20);
  });

  it('pads top and bottom so the loops fit at the zoom the fit picks; leaves the fit alone without loops', () => {
    expect(fitWithLoops(FIT, 480, nodes, [])).toBe(FIT);
    const curves = [loop(330, 0), loop(190, 1)];
    const fit = fitWithLoops(FIT, 480, nodes, curves);
    const pad = fit.padding as Record<string, string>;
    const { below } = overshoot(nodes, curves);
    const bottom = parseFloat(pad.bottom!);
    const top = parseFloat(pad.top!);
    // Height-bound fit: the zoom the padding leaves room for shows the nodes and the loops below them.
    const zoom = (480 - top - bottom) / (nodes.bottom - nodes.top);
    expect(bottom).toBeGreaterThanOrEqual(below * zoom - 1e-9);
    expect(top).toBe(60);
    expect(pad.left).toBe('44px');
    expect(fit.maxZoom).toBe(1.8);
  });

  it('keeps a padding it cannot read per side in px', () => {
    const fit = { padding: 0.1 };
    expect(fitWithLoops(fit, 480, nodes, [loop(330, 0)])).toBe(fit);
  });
});
