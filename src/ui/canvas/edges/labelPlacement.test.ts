import { describe, expect, it } from 'vitest';
import { labelCandidates, labelSize, placeLabel, type Box } from './labelPlacement';
import type { Cubic } from './tokens';

/** A straight edge from (x0, y) to (x1, y) as a cubic. */
const straight = (x0: number, x1: number, y: number): Cubic => [x0, y, (2 * x0 + x1) / 3, y, (x0 + 2 * x1) / 3, y, x1, y];
const size = labelSize(['reply', '00.0/s'], 11);

describe('edge label placement', () => {
  it('puts the label in the middle of a long edge between nodes', () => {
    const spot = placeLabel(straight(210, 590, 50), size, [{ x: 0, y: 0, w: 200, h: 100 }, { x: 600, y: 0, w: 200, h: 100 }]);
    expect(spot).toEqual({ x: 400, y: 50, fit: 'clear' });
  });

  it('moves the label along the edge, off a node lying across its middle', () => {
    const over: Box = { x: 460, y: 0, w: 80, h: 100 };
    const spot = placeLabel(straight(0, 1000, 50), size, [over]);
    expect(spot.fit).toBe('clear');
    expect(Math.abs(spot.x - 500)).toBeGreaterThan(size.w / 2 + over.w / 2);
    expect(spot.y).toBeCloseTo(50);
  });

  it('raises the label above the nodes when only a sliver of them is in its way', () => {
    // A gap a little narrower than the label: it covers the nodes' borders only.
    const gap = size.w - 10;
    const nodes = [{ x: 0, y: 0, w: 200, h: 100 }, { x: 200 + gap, y: 0, w: 200, h: 100 }];
    const spot = placeLabel(straight(205, 195 + gap, 50), size, nodes);
    // No handle under it: it takes clicks.
    expect(spot.fit).toBe('beside');
    expect(spot.x).toBeCloseTo(200 + gap / 2);
    // With handles wherever it could go (a column of them down the gap), it lets clicks through to them.
    const everywhere = Array.from({ length: 40 }, (_, i) => ({ x: 200 + gap / 2 - 6, y: -200 + i * 12, w: 12, h: 12 }));
    expect(placeLabel(straight(205, 195 + gap, 50), size, nodes, everywhere)).toMatchObject({ fit: 'raised', x: 200 + gap / 2 });
  });

  it('sets the label above two nodes whose handles touch, their edge of no length (scatter-gather in the presenter at 1024×768)', () => {
    // The buyer's source handle and quote-requests' target handle side by side, a third of a pixel apart in height:
    // React Flow's curve between them is an S upright in its middle, its ends facing right.
    const nodes = [{ x: 0, y: 200, w: 236, h: 101 }, { x: 260, y: 200, w: 200, h: 101.5 }];
    const handles = [{ x: 236, y: 245.5, w: 12, h: 12 }, { x: 248, y: 245.8, w: 12, h: 12 }];
    const joint: Cubic = [248, 251.45, 248.04, 251.45, 247.96, 251.75, 248, 251.75];
    const big = labelSize(['00.0/s'], 20.4);
    const spot = placeLabel(joint, big, nodes, handles);
    expect(spot.fit).toBe('clear');
    expect(spot.x).toBeCloseTo(248, 0);
    expect(spot.y + big.h / 2).toBeLessThanOrEqual(200);
    // Not even its ends with a length (handles level, exactly touching): still above, as a canvas edge runs left to right.
    expect(placeLabel([248, 251.5, 248, 251.5, 248, 251.5, 248, 251.5], big, nodes, handles)).toMatchObject({ fit: 'clear', x: 248 });
  });

  it('leaves the label below the nodes, in the middle, rather than cover their names and figures', () => {
    const spot = placeLabel(straight(205, 235, 50), size, [{ x: 0, y: 0, w: 200, h: 100 }, { x: 240, y: 0, w: 200, h: 100 }]);
    expect(spot).toEqual({ x: 220, y: 50, fit: 'crowded' });
  });

  it('raises the label where it covers least, off the middle when the middle is crowded', () => {
    // Edge running up the gap between two columns; a third node sits right on its middle.
    const column = [{ x: 0, y: 0, w: 200, h: 400 }, { x: 200 + size.w - 8, y: 0, w: 200, h: 400 }];
    const x = 200 + (size.w - 8) / 2;
    const spot = placeLabel([x, 380, x, 260, x, 140, x, 20], size, [...column, { x: 150, y: 180, w: 200, h: 40 }]);
    expect(spot.fit).toBe('beside');
    expect(Math.abs(spot.y - 200)).toBeGreaterThan(20 + size.h / 2);
  });

  it('keeps the label off the handles sticking out of the nodes: beside a short edge rather than on its ends', () => {
    // pub-sub's middle fanout edge: two nodes a label's width apart, the edge's handles (12 px) on their borders.
    const gap = size.w + 8;
    const nodes = [{ x: 0, y: 0, w: 200, h: 60 }, { x: 200 + gap, y: 0, w: 200, h: 60 }];
    const handles = [{ x: 194, y: 24, w: 12, h: 12 }, { x: 194 + gap, y: 24, w: 12, h: 12 }];
    const spot = placeLabel(straight(206, 194 + gap, 30), size, nodes, handles);
    expect(spot.fit).toBe('clear');
    const covers = (h: Box) => Math.abs(spot.x - (h.x + h.w / 2)) < (size.w + h.w) / 2 && Math.abs(spot.y - (h.y + h.h / 2)) < (size.h + h.h) / 2;
    expect(handles.filter(covers)).toEqual([]);
    // Without the handles it would sit on the curve, over them.
    expect(placeLabel(straight(206, 194 + gap, 30), size, nodes).y).toBeCloseTo(30);
    // Above the edge, touching its handles' room, not far off.
    expect(spot.y).toBeLessThan(30);
    expect(spot.y).toBeGreaterThan(30 - size.h - 12);
  });

  it('puts the label just beside the curve when every spot on it is under a node', () => {
    // A node lies along the whole edge just below it: a label on the curve would reach into it.
    const spot = placeLabel(straight(0, 400, 50), size, [{ x: -50, y: 52, w: 500, h: 100 }]);
    expect(spot.fit).toBe('clear');
    expect(spot.x).toBeCloseTo(200);
    expect(spot.y + size.h / 2).toBeLessThanOrEqual(52 - 3);
    expect(spot.y + size.h / 2).toBeGreaterThan(45);
  });

  it('sizes a label by its pills and its type size', () => {
    expect(labelSize(['reply'], 14).w).toBeGreaterThan(labelSize(['reply'], 11).w);
    expect(labelSize(['fanout', '00.0/s'], 11).w).toBeGreaterThan(labelSize(['fanout'], 11).w);
    expect(labelSize([], 11).w).toBe(0);
  });
});

describe('edge label candidates', () => {
  const straightEdge = (x0: number, x1: number, y: number): Cubic => [x0, y, (2 * x0 + x1) / 3, y, (x0 + 2 * x1) / 3, y, x1, y];

  it('offers clear places farther beside the curve when none touching it is clear (a row gap above a short edge)', () => {
    // The edge between two nodes 60 apart, a label wider than the gap: touching the curve it covers both nodes.
    const nodes = [{ x: 0, y: 100, w: 200, h: 60 }, { x: 260, y: 100, w: 200, h: 60 }];
    const all = labelCandidates(straightEdge(205, 255, 130), size, nodes);
    const clear = all.filter((c) => c.fit === 'clear');
    expect(clear.length).toBeGreaterThan(0);
    // Above or below the nodes' row, and no farther than FAR_GAPS allow (within 3 label heights of the row).
    for (const c of clear) expect(c.y + c.h / 2 <= 100 - 3 || c.y - c.h / 2 >= 160 + 3).toBe(true);
    expect(Math.min(...clear.map((c) => Math.abs(c.y - 130)))).toBeLessThan(30 + 3 * size.h);
    // The crowded middle is the last resort, at full size.
    expect(all.at(-1)).toMatchObject({ fit: 'crowded', scale: 1, w: size.w });
  });

  it('offers the smaller sizes after every full-size place, each place the size it is for', () => {
    const all = labelCandidates(straightEdge(0, 400, 50), size, [], [], [0.9, 0.8]);
    const scales = all.map((c) => c.scale);
    expect(scales.indexOf(0.9)).toBeGreaterThan(scales.lastIndexOf(1, -2));
    expect(all.find((c) => c.scale === 0.8)).toMatchObject({ w: size.w * 0.8, h: size.h * 0.8 });
    expect(labelCandidates(straightEdge(0, 400, 50), size, [])[0]).toMatchObject({ x: 200, y: 50, fit: 'clear', scale: 1 });
  });
});
