import { describe, expect, it } from 'vitest';
import { cornerPadding, fitClearOfCorners, MARGIN } from './fitRoom';

const controls = { width: 48, height: 110 };
const minimap = { width: 157, height: 105 };

describe('cornerPadding', () => {
  it('a tall topology on a wide canvas: the corners are cleared beside the nodes, small margins above and below', () => {
    const p = cornerPadding({ width: 792, height: 435 }, { width: 1000, height: 960 }, { left: controls, right: minimap }, 1.2);
    expect(p).toEqual({ top: MARGIN, bottom: MARGIN, left: 56, right: 165 });
  });
  it('a wide topology: the corners are cleared by a band below the nodes', () => {
    const p = cornerPadding({ width: 896, height: 555 }, { width: 2900, height: 900 }, { left: controls, right: minimap }, 1.2);
    expect(p).toEqual({ top: MARGIN, bottom: 118, left: MARGIN, right: MARGIN });
  });
  it('no minimap (a short canvas hides it): only the controls need room', () => {
    const p = cornerPadding({ width: 792, height: 435 }, { width: 1000, height: 960 }, { left: controls, right: null }, 1.2);
    expect(p).toEqual({ top: MARGIN, bottom: MARGIN, left: 56, right: MARGIN });
  });
  it('fits larger than the old fixed padding (64 around, 120 below) on a projector-sized canvas', () => {
    const canvas = { width: 792, height: 435 };
    const nodes = { width: 1000, height: 960 };
    const p = cornerPadding(canvas, nodes, { left: controls, right: null }, 1.2);
    const zoom = Math.min((canvas.width - p.left - p.right) / nodes.width, (canvas.height - p.top - p.bottom) / nodes.height);
    const old = Math.min((canvas.width - 128) / nodes.width, (canvas.height - 184) / nodes.height);
    expect(zoom).toBeGreaterThan(old * 1.4);
  });
});

describe('fitClearOfCorners', () => {
  it('keeps the other options and gives the padding in px per side', () => {
    const fit = fitClearOfCorners({ maxZoom: 1.2, duration: 0 }, { width: 800, height: 400 }, { width: 100, height: 100 }, { left: null, right: null });
    expect(fit).toEqual({ maxZoom: 1.2, duration: 0, padding: { top: '24px', right: '24px', bottom: '24px', left: '24px' } });
  });
});
