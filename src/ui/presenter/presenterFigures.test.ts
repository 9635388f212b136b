import { describe, expect, it } from 'vitest';
import { FIGURE_FLOOR_PX, FIGURE_PX, figureLines, figureSize, rowEm } from './presenterFigures';

describe('presenter figures', () => {
  it("a kind's row takes as many lines as its ems need at that type, at least one", () => {
    expect(figureLines('consumer', 20, rowEm('consumer') * 20)).toBe(1);
    expect(figureLines('consumer', 20, rowEm('consumer') * 20 - 1)).toBe(2);
    expect(figureLines('queue', 10, 1000)).toBe(1);
    // A kind the table does not know gets a middling row, not none.
    expect(rowEm('something-new')).toBeGreaterThan(10);
  });

  it('at a small zoom the figures are set large enough to show at FIGURE_PX on the screen', () => {
    expect(figureSize(['queue'], 0.5, 1000) * 0.5).toBeCloseTo(FIGURE_PX);
  });

  it('narrow nodes get smaller figures that keep their row on one line, but never below the floor on the screen', () => {
    const zoom = 0.5;
    const width = rowEm('consumer') * 30; // one line up to 30 px type, 15 px on the screen
    expect(figureSize(['queue', 'consumer'], zoom, width)).toBeCloseTo(30);
    expect(figureSize(['queue', 'consumer'], zoom, width / 2) * zoom).toBeCloseTo(FIGURE_FLOOR_PX);
  });

  it("at a large zoom the presenter's base type, which already shows above FIGURE_PX", () => {
    expect(figureSize(['queue'], 1.5, 1000)).toBe(20);
  });
});
