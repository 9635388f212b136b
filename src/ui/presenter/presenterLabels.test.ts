import { describe, expect, it } from 'vitest';
import { FIGURE_PX } from './presenterFigures';
import { LABEL_PX, LEGIBLE_LABEL_PX, MIN_LABEL_PX, labelScales, labelSizeAt, zoomStep } from './presenterLabels';

describe('presenter edge labels', () => {
  it('a tall topology drawn at half size gets labels set large enough to show at LABEL_PX, as large as the figures', () => {
    expect(labelSizeAt(0.45) * 0.45).toBeCloseTo(LABEL_PX);
    expect(LABEL_PX).toBeGreaterThanOrEqual(FIGURE_PX);
  });
  it('at zoom 1 or more keeps the base type, and never grows past what fits between two columns', () => {
    expect(labelSizeAt(1)).toBe(MIN_LABEL_PX + 2);
    expect(labelSizeAt(1.8)).toBe(MIN_LABEL_PX);
    expect(labelSizeAt(0.1)).toBe(36);
  });
  it('a zoom not known yet (no room measured) gives the base type', () => {
    expect(labelSizeAt(0)).toBe(MIN_LABEL_PX);
    expect(labelSizeAt(Number.NaN)).toBe(MIN_LABEL_PX);
  });
});

describe('presenter edge labels, smaller where they have no room', () => {
  it('never smaller than LEGIBLE_LABEL_PX on the screen, nor than 0.7 of the others', () => {
    for (const zoom of [0.3, 0.45, 0.7, 1, 1.8]) {
      const px = labelSizeAt(zoom);
      const scales = labelScales(px, zoom);
      for (const s of scales) {
        expect(px * s * zoom).toBeGreaterThanOrEqual(LEGIBLE_LABEL_PX);
        expect(s).toBeGreaterThanOrEqual(0.7);
        expect(s).toBeLessThan(1);
      }
      expect([...scales].sort((a, b) => b - a)).toEqual(scales);
    }
    // At the presenter's usual size (16 px on the screen) there is a little room to shrink.
    expect(labelScales(labelSizeAt(0.5), 0.5).length).toBe(2);
  });
  it('no smaller size when the label is already at the legible least, or no zoom is known', () => {
    expect(labelScales(14, 1)).toEqual([]);
    expect(labelScales(14, 0)).toEqual([]);
  });
  it('follows the zoom in steps of 5 %, so a zoom by hand re-lays the labels out a step at a time', () => {
    expect(zoomStep(0.5)).toBeCloseTo(0.5, 1);
    expect(Math.abs(zoomStep(0.5) / 0.5 - 1)).toBeLessThanOrEqual(0.025);
    expect(zoomStep(0.5)).toBe(zoomStep(0.505));
    expect(zoomStep(0.5)).not.toBe(zoomStep(0.55));
    expect(zoomStep(0)).toBe(0);
  });
});
