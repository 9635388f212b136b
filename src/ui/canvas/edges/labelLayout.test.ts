import { describe, expect, it } from 'vitest';
import { layoutLabels } from './labelLayout';
import { labelCandidates, labelSize, type LabelCandidate } from './labelPlacement';
import type { Cubic } from './tokens';

const straight = (x0: number, x1: number, y: number): Cubic => [x0, y, (2 * x0 + x1) / 3, y, (x0 + 2 * x1) / 3, y, x1, y];
const size = labelSize(['fanout', '00.0/s'], 14);
const overlap = (a: LabelCandidate, b: LabelCandidate) => Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2;

describe('edge labels laid out together', () => {
  it('gives two labels wanting the same spot two places, apart', () => {
    // Two edges drawn along the same line (a reply and its call looping below the same nodes).
    const a = labelCandidates(straight(0, 400, 50), size, []);
    const b = labelCandidates(straight(0, 400, 52), size, []);
    expect(overlap(a[0]!, b[0]!)).toBe(true);
    const spots = layoutLabels([{ id: 'a', candidates: a }, { id: 'b', candidates: b }]);
    expect(overlap(spots.get('a')!, spots.get('b')!)).toBe(false);
    // The first in id order keeps its best place, the other takes its next.
    expect(spots.get('a')).toBe(a[0]);
    expect(spots.get('b')).not.toBe(b[0]);
  });

  it('lays out the label with the fewest places first, so it keeps one (pub-sub: the fanout to billing between two columns)', () => {
    // The middle edge runs between two nodes with a row's gap above: its only clear places are in that gap.
    const nodes = [{ x: 0, y: 100, w: 200, h: 60 }, { x: 260, y: 100, w: 200, h: 60 }, { x: 260, y: -60, w: 200, h: 60 }];
    const middle = labelCandidates(straight(205, 255, 130), size, nodes);
    const upper = labelCandidates([205, 130, 230, 130, 230, -30, 255, -30], size, nodes);
    const spots = layoutLabels([{ id: 'a-upper', candidates: upper }, { id: 'b-middle', candidates: middle }]);
    const m = spots.get('b-middle')!;
    const u = spots.get('a-upper')!;
    expect(m.fit).not.toBe('crowded');
    expect(overlap(m, u)).toBe(false);
    for (const n of nodes) expect(m.x + m.w / 2 <= n.x || m.x - m.w / 2 >= n.x + n.w || m.y + m.h / 2 <= n.y || m.y - m.h / 2 >= n.y + n.h).toBe(true);
  });

  it('lays out the same canvas the same way, whatever order the edges handed their places in', () => {
    const reqs = ['c', 'a', 'b'].map((id, i) => ({ id, candidates: labelCandidates(straight(0, 300, 40 + i), size, []) }));
    const one = layoutLabels(reqs);
    const two = layoutLabels([...reqs].reverse());
    for (const id of ['a', 'b', 'c']) expect(two.get(id)).toEqual(one.get(id));
  });

  it('keeps a label with no place left at its best (the candidates ran out), and skips an edge with none', () => {
    const only = [{ x: 0, y: 0, w: 50, h: 20, fit: 'clear' as const, scale: 1 }];
    const spots = layoutLabels([{ id: 'a', candidates: only }, { id: 'b', candidates: only }, { id: 'c', candidates: [] }]);
    expect(spots.get('b')).toBe(only[0]);
    expect(spots.has('c')).toBe(false);
  });
});
