import { describe, expect, it } from 'vitest';
import { DOCK_FIT, DOCK_MIN, dockHeight } from './dockHeight';

describe('dockHeight', () => {
  it('gives small laptops room for a whole chart card, the old 200 px did not', () => {
    expect(dockHeight(720, null)).toBe(DOCK_FIT);
    expect(dockHeight(768, null)).toBeGreaterThanOrEqual(DOCK_FIT);
  });

  it('takes a third of a larger window, leaving the canvas the rest', () => {
    expect(dockHeight(900, null)).toBe(306);
    expect(dockHeight(1080, null)).toBe(367);
  });

  it('keeps the height the user dragged the splitter to, even below the default', () => {
    expect(dockHeight(768, 200)).toBe(200);
    expect(dockHeight(1080, 500)).toBe(500);
  });

  it('keeps a saved height within what the window allows, and ignores a broken one', () => {
    expect(dockHeight(720, 700)).toBe(432);
    expect(dockHeight(720, 50)).toBe(DOCK_MIN);
    expect(dockHeight(768, Number.NaN)).toBe(dockHeight(768, null));
    expect(dockHeight(768, 0)).toBe(dockHeight(768, null));
  });

  it('never takes the whole of a tiny window', () => {
    expect(dockHeight(300, null)).toBe(180);
  });
});
