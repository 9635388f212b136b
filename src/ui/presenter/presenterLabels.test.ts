import { describe, expect, it } from 'vitest';
import { FIGURE_PX } from './presenterFigures';
import { LABEL_PX, MIN_LABEL_PX, labelSizeAt } from './presenterLabels';

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
