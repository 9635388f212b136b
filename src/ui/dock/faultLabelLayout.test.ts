import { describe, expect, it } from 'vitest';
import { fitLabel, layoutFaultLabels, type LabelRoom, type LabelWish, type PlacedLabel } from './faultLabelLayout';

const ROOM: LabelRoom = { left: 40, right: 440, rows: 3, charPx: 6 };
const wish = (key: string, x: number, text: string, ...shorter: string[]): LabelWish => ({ key, x, text, shorter });
const span = (l: PlacedLabel, room = ROOM) => [l.x, l.x + l.shown.length * room.charPx] as const;

/** No two shown labels of a row share a pixel, and every one lies inside the plot. */
function expectApartAndInside(placed: PlacedLabel[], room = ROOM) {
  const shown = placed.filter((l) => l.shown !== '');
  for (const l of shown) {
    const [a, b] = span(l, room);
    expect(a, l.shown).toBeGreaterThanOrEqual(room.left);
    expect(b, l.shown).toBeLessThanOrEqual(room.right);
    expect(l.row).toBeLessThan(room.rows);
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      if (shown[i]!.row !== shown[j]!.row) continue;
      const [a1, b1] = span(shown[i]!, room);
      const [a2, b2] = span(shown[j]!, room);
      expect(b1 <= a2 || b2 <= a1, `${shown[i]!.shown} / ${shown[j]!.shown}`).toBe(true);
    }
  }
}

describe('fault label layout', () => {
  it('a label with room: whole, in the first row, just right of its mark', () => {
    expect(layoutFaultLabels([wish('a', 100, 'crash b1')], ROOM)).toEqual([{ key: 'a', x: 103, row: 0, shown: 'crash b1', full: 'crash b1' }]);
  });

  it('labels that would collide stack into rows, in the order given', () => {
    const placed = layoutFaultLabels([wish('b', 120, 'crash consumer-1'), wish('a', 100, 'partition producer--queue')], ROOM);
    expect(placed.map((l) => [l.key, l.row, l.shown])).toEqual([['b', 1, 'crash consumer-1'], ['a', 0, 'partition producer--queue']]);
    expectApartAndInside(placed);
  });

  it('labels far enough apart share the first row', () => {
    const placed = layoutFaultLabels([wish('a', 50, 'crash c1'), wish('b', 200, 'crash c2')], ROOM);
    expect(placed.map((l) => l.row)).toEqual([0, 0]);
  });

  it('a label near the right edge moves left of its mark instead of running off the plot', () => {
    const [l] = layoutFaultLabels([wish('p', 430, 'poison message producer-1')], ROOM);
    expect(l!.shown).toBe('poison message producer-1');
    expect(l!.x + l!.shown.length * ROOM.charPx).toBeLessThanOrEqual(430);
    expectApartAndInside([l!]);
  });

  it('a shorter form when the rows are full, the full text kept for the title', () => {
    const room = { ...ROOM, rows: 1 };
    const placed = layoutFaultLabels([wish('a', 100, 'poison message producer-1', 'poison producer-1'), wish('b', 290, 'poison message producer-2', 'poison producer-2')], room);
    expect(placed[1]).toMatchObject({ shown: 'poison producer-2', full: 'poison message producer-2', row: 0 });
    const tightRoom = { ...room, right: 340 };
    const tight = layoutFaultLabels([wish('a', 100, 'poison message producer-1'), wish('b', 260, 'poison message producer-2', 'poison producer-2', 'poison')], tightRoom);
    expect(tight[1]).toMatchObject({ shown: 'poison', row: 0 });
    expectApartAndInside(tight, tightRoom);
    expectApartAndInside(placed, room);
  });

  it('cut with an ellipsis where not even the short form fits; nothing shown (a title only) where a few letters do not', () => {
    const room = { ...ROOM, right: 300, rows: 1 };
    const long = 'partition producer--queue-with-a-long-name';
    const placed = layoutFaultLabels([wish('a', 100, 'crash c1'), wish('b', 160, long, 'cut producer--queue-with-a-long-name'), wish('c', 170, 'crash c2')], room);
    expect(placed[1]!.shown).toMatch(/^cut producer.*…$/);
    expect(placed[1]!.full).toBe(long);
    expect(placed[2]!.shown).toBe('');
    expect(placed[2]!.full).toBe('crash c2');
    expectApartAndInside(placed, room);
  });

  it('many faults a few pixels apart: none overlaps another or leaves the plot', () => {
    const many = Array.from({ length: 40 }, (_, i) => wish(`f${i}`, 40 + i * 10.5, `poison message producer-${i}`, `poison producer-${i}`, 'poison'));
    const placed = layoutFaultLabels(many, ROOM);
    expect(placed).toHaveLength(40);
    expect(placed.filter((l) => l.shown !== '').length).toBeGreaterThan(3);
    expectApartAndInside(placed);
  });

  it('a plot narrower than any label shows none', () => {
    const room = { ...ROOM, left: 0, right: 12 };
    expect(layoutFaultLabels([wish('a', 5, 'crash b1')], room)[0]!.shown).toBe('');
  });

  it('fitLabel cuts with an ellipsis, and gives nothing for fewer than three letters', () => {
    expect(fitLabel('crash b1', 20)).toBe('crash b1');
    expect(fitLabel('link delay checkout--orders-fifo', 10)).toBe('link dela…');
    expect(fitLabel('crash b1', 2)).toBe('');
  });
});
