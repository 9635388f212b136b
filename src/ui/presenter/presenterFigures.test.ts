import { describe, expect, it } from 'vitest';
import { FIGURE_FLOOR_PX, FIGURE_PX, figureLines, figureSize, rowEm } from './presenterFigures';

/** Nodes all `w` px wide inside. */
const wide = (w: number) => () => w;

describe('presenter figures', () => {
  it("a kind's row takes as many lines as its ems need at that type, at least one", () => {
    expect(figureLines('consumer', 20, rowEm('consumer') * 20)).toBe(1);
    expect(figureLines('consumer', 20, rowEm('consumer') * 20 - 1)).toBe(2);
    expect(figureLines('queue', 10, 1000)).toBe(1);
    // A kind the table does not know gets a middling row, not none.
    expect(rowEm('something-new')).toBeGreaterThan(10);
  });

  it('at a small zoom the figures are set large enough to show at FIGURE_PX on the screen', () => {
    expect(figureSize(['queue'], 0.5, wide(1000)) * 0.5).toBeCloseTo(FIGURE_PX);
  });

  it('narrow nodes get smaller figures that keep their row on one line, but never below the floor on the screen', () => {
    const zoom = 0.5;
    const width = rowEm('consumer') * 30; // one line up to 30 px type, 15 px on the screen
    expect(figureSize(['queue', 'consumer'], zoom, wide(width))).toBeCloseTo(30);
    expect(figureSize(['queue', 'consumer'], zoom, wide(width / 2)) * zoom).toBeCloseTo(FIGURE_FLOOR_PX);
  });

  it("a wider node's row has its own width: a requester's (36 px wider, its row the longest) does not set everyone's type", () => {
    // Nodes spread to 300 px (a requester to 336), 284 (320) inside; at zoom 1 the type wanted is 20 px, the floor 15.
    const width = (kind: string | undefined) => (kind === 'requester' ? 336 : 300) - 16;
    expect(figureSize(['producer', 'requester'], 1, width)).toBeCloseTo(284 / rowEm('producer'));
    // Had the requester only a producer's width, its 18 ems would have made every figure smaller.
    expect(figureSize(['producer', 'requester'], 1, wide(284))).toBeCloseTo(284 / rowEm('requester'));
    expect(284 / rowEm('requester')).toBeLessThan(284 / rowEm('producer'));
  });

  it("at a large zoom the presenter's base type, which already shows above FIGURE_PX", () => {
    expect(figureSize(['queue'], 1.5, wide(1000))).toBe(20);
  });
});
