import { describe, expect, it } from 'vitest';
import { fitLabel } from './FaultLabel';

describe('fault labels', () => {
  it('fit the width they are given, with an ellipsis when cut', () => {
    expect(fitLabel('crash b1', 20)).toBe('crash b1');
    expect(fitLabel('link delay checkout--orders-fifo', 10)).toBe('link dela…');
    expect(fitLabel('link delay checkout--orders-fifo', 10)).toHaveLength(10);
    expect(fitLabel('crash b1', 1)).toBe('');
  });
});
