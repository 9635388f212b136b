import { describe, expect, it } from 'vitest';
import { FIGURE_FLOOR_PX, FIGURE_PX, figureLines } from './presenterFigures';
import { NAME_PX, nameLines, presenterScale, roomBelow } from './presenterScale';

/** A bold letter's width, about (em). */
const measure = (text: string) => text.length * 0.6;
/** A grid of nodes, `cols` columns 260 apart and `rows` rows 140 apart (the lessons' layout). */
const grid = (cols: number, rows: number, name = 'worker') =>
  Array.from({ length: cols * rows }, (_, i) => ({ x: (i % cols) * 260, y: Math.floor(i / cols) * 140, name }));
const ROOM_1280 = { width: 1280 - 56, height: 480 - 120, maxZoom: 1.8 };
/** The zoom a fit of the grid would pick in ROOM_1280 at stretch `s` (with the estimate's own node height: a depth bar, figures, a name). */
const zoomOf = (cols: number, rows: number, s: number) =>
  Math.min(ROOM_1280.height / ((rows - 1) * 140 + 34 + 8 + 1.1 * 36 + 1.1 * 44), ROOM_1280.width / (s * ((cols - 1) * 260 + 200)), 1.8);

describe('presenterScale', () => {
  it('a tall topology is spread sideways into the empty width, and its names set large enough for the zoom', () => {
    const s = presenterScale(grid(3, 4), ROOM_1280, measure);
    expect(s.stretch).toBeGreaterThan(1.5);
    expect(s.namePx * zoomOf(3, 4, s.stretch)).toBeCloseTo(NAME_PX, 0);
  });

  it("a tall topology's figures are set large enough for the zoom too, on one line where the nodes are wide enough", () => {
    const s = presenterScale(grid(3, 4).map((n) => ({ ...n, kind: 'consumer' })), ROOM_1280, measure);
    const zoom = zoomOf(3, 4, s.stretch);
    expect(s.figurePx * zoom).toBeGreaterThanOrEqual(FIGURE_FLOOR_PX - 0.1);
    expect(s.figurePx * zoom).toBeLessThanOrEqual(FIGURE_PX + 0.1);
    expect(figureLines('consumer', s.figurePx, 200 * s.stretch - 16)).toBe(1);
  });

  it('a wide topology that fills the width is not spread, and its type grows as its zoom falls', () => {
    const s = presenterScale(grid(6, 2), ROOM_1280, measure);
    expect(s.stretch).toBe(1);
    expect(s.namePx * zoomOf(6, 2, 1)).toBeCloseTo(NAME_PX, 0);
  });

  it("a requester at the right edge (236 px wide, not 200) is in the width: the fit's zoom shows the names at NAME_PX", () => {
    // request-reply drawn the other way round: two requesters in the right column, 520 + 236 = 756 wide, not 720.
    const nodes = grid(3, 3).map((n) => ({ ...n, kind: n.x === 520 ? 'requester' : 'consumer' }));
    const s = presenterScale(nodes, ROOM_1280, measure);
    expect(s.stretch).toBeGreaterThan(1);
    expect(s.stretch).toBeLessThan(2.5); // bound by the width: the requester's 36 px count
    // The zoom React Flow's fit picks, from the nodes as drawn (x and widths times the stretch).
    const fitZoom = Math.min(ROOM_1280.height / (2 * 140 + 34 + 8 + 1.1 * 36 + 1.1 * 44), ROOM_1280.width / (s.stretch * 756), 1.8);
    expect(s.namePx * fitZoom).toBeCloseTo(NAME_PX, 1);
  });

  it('a long name gets smaller type only as far as its lines leave the node inside its row', () => {
    const short = presenterScale(grid(6, 2), ROOM_1280, measure).namePx;
    const { namePx: long, figurePx } = presenterScale(grid(6, 2, 'worker-prefetch-50'), ROOM_1280, measure);
    expect(long).toBeLessThan(short);
    // Its lines, the node's frame (34), its lines of figures and its badges (12) stay within a row of 140.
    const figures = figureLines(undefined, figurePx, 184) * 1.1 * figurePx;
    expect(nameLines('worker-prefetch-50', long, 184, measure) * 1.1 * long + 34 + figures + 12).toBeLessThanOrEqual(140);
    expect(long).toBeGreaterThanOrEqual(20);
  });

  it('a small topology at maxZoom keeps the base type; the stretch never passes 2.5', () => {
    expect(presenterScale(grid(2, 1), ROOM_1280, measure).namePx).toBe(20);
    expect(presenterScale(grid(1, 8), ROOM_1280, measure).stretch).toBe(2.5);
    expect(presenterScale([], ROOM_1280, measure)).toEqual({ stretch: 1, namePx: 20, figurePx: 20 });
  });

  it('nameLines breaks after hyphens, and cuts a piece wider than a line', () => {
    expect(nameLines('work-prefetch-50', 10, 200, measure)).toBe(1);
    expect(nameLines('work-prefetch-50', 10, 60, measure)).toBe(3); // work- | prefetch- | 50
    expect(nameLines('abcdefghij', 10, 30, measure)).toBe(2);
  });

  it('roomBelow: how far below a node the next one of its column starts', () => {
    const g = grid(3, 4);
    expect(roomBelow(g[0]!, g)).toBe(140);
    expect(roomBelow(g[11]!, g)).toBeGreaterThan(10_000);
    // A node 210 px to the right is under a requester's last 26 px (236 wide), not under a 200 px node.
    const under = { x: 210, y: 140, name: 'q' };
    expect(roomBelow({ x: 0, y: 0, name: 'r', kind: 'requester' }, [under])).toBe(140);
    expect(roomBelow({ x: 0, y: 0, name: 'c', kind: 'consumer' }, [under])).toBeGreaterThan(10_000);
  });
});
