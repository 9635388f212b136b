import { describe, expect, it } from 'vitest';
import { allInside } from './contentFits';

const box = { left: 0, top: 56, right: 1280, bottom: 500 };
const node = { left: 400, top: 120, right: 600, bottom: 220 };

describe('presenter content fits', () => {
  it('holds when every node, curve and label lies inside the canvas', () => {
    expect(allInside(box, [node, { left: 380, top: 70, right: 900, bottom: 490 }])).toBe(true);
  });
  it('fails when a reply loop or a node sticks out at any side', () => {
    expect(allInside(box, [node, { left: 380, top: 70, right: 900, bottom: 510 }])).toBe(false);
    expect(allInside(box, [{ ...node, top: 40 }])).toBe(false);
    expect(allInside(box, [{ ...node, left: -20 }])).toBe(false);
    expect(allInside(box, [{ ...node, right: 1300 }])).toBe(false);
  });
  it('forgives sub-pixel rounding at the border', () => {
    expect(allInside(box, [{ left: -0.5, top: 55.5, right: 1280.5, bottom: 500.5 }])).toBe(true);
  });
  it('ignores parts not drawn (no area) and counts a straight, flat edge', () => {
    expect(allInside(box, [{ left: 0, top: 0, right: 0, bottom: 0 }])).toBe(true);
    expect(allInside(box, [{ left: 100, top: 600, right: 300, bottom: 600 }])).toBe(false);
  });
});
