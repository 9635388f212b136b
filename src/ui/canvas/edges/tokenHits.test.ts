import { describe, expect, it } from 'vitest';
import { clearDrawn, drawnList, hitToken, HIT_RADIUS_PX, pushDrawn, type DrawnTokens } from './tokenHits';

const fresh = (): DrawnTokens => ({ n: 0, x: [], y: [], edge: [], back: [], t: [] });
/** The edge of the token hit, or null. */
const hitEdge = (d: DrawnTokens, x: number, y: number, radius?: number) => hitToken(d, x, y, radius)?.edge ?? null;

describe('token hit-testing', () => {
  it('hits nothing when no token was drawn', () => {
    expect(hitEdge(fresh(), 10, 10)).toBeNull();
  });

  it('hits a token within the radius and misses one outside it', () => {
    const d = fresh();
    pushDrawn(100, 50, 'e1', false, 0, d);
    expect(hitEdge(d, 100, 50)).toBe('e1');
    expect(hitEdge(d, 100 + HIT_RADIUS_PX, 50)).toBe('e1');
    expect(hitEdge(d, 105, 55)).toBe('e1'); // √50 ≈ 7.1 px
    expect(hitEdge(d, 100 + HIT_RADIUS_PX + 0.5, 50)).toBeNull();
    expect(hitEdge(d, 106, 56)).toBeNull(); // √72 ≈ 8.5 px
  });

  it('picks the nearest token when several are in reach', () => {
    const d = fresh();
    pushDrawn(0, 0, 'far', false, 0, d);
    pushDrawn(6, 0, 'near', false, 0, d);
    pushDrawn(-7, 0, 'other', false, 0, d);
    expect(hitEdge(d, 5, 0)).toBe('near');
    expect(hitEdge(d, -5, 0)).toBe('other');
    expect(hitEdge(d, 1, 0)).toBe('far');
  });

  it('forgets the previous frame: a cleared buffer is reused without stale hits', () => {
    const d = fresh();
    pushDrawn(10, 10, 'a', false, 0, d);
    pushDrawn(200, 200, 'b', false, 0, d);
    clearDrawn(d);
    pushDrawn(50, 50, 'c', false, 0, d);
    expect(d.n).toBe(1);
    expect(hitEdge(d, 200, 200)).toBeNull();
    expect(hitEdge(d, 10, 10)).toBeNull();
    expect(hitEdge(d, 52, 49)).toBe('c');
    expect(drawnList(d)).toEqual([{ edge: 'c', x: 50, y: 50, back: false, t: 0 }]);
  });

  it('keeps each token\'s direction and place on its curve for the e2e hook, and says whether the token hit is a reply', () => {
    const d = fresh();
    pushDrawn(40, 10, 'call', true, 0.75, d);
    pushDrawn(10, 10, 'call', false, 0.25, d);
    expect(drawnList(d)).toEqual([{ edge: 'call', x: 40, y: 10, back: true, t: 0.75 }, { edge: 'call', x: 10, y: 10, back: false, t: 0.25 }]);
    expect(hitToken(d, 41, 11)).toEqual({ edge: 'call', back: true });
    expect(hitToken(d, 11, 9)).toEqual({ edge: 'call', back: false });
    clearDrawn(d); // the reused slot forgets that it held a reply
    pushDrawn(5, 5, 'e', false, 0.5, d);
    expect(drawnList(d)).toEqual([{ edge: 'e', x: 5, y: 5, back: false, t: 0.5 }]);
  });

  it('honours a custom radius', () => {
    const d = fresh();
    pushDrawn(0, 0, 'e', false, 0, d);
    expect(hitEdge(d, 12, 0, 12)).toBe('e');
    expect(hitEdge(d, 12, 0, 4)).toBeNull();
  });
});
