import { describe, expect, it } from 'vitest';
import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { Delivery } from './delivery';
import { InService } from './inService';

const delivery = (id: number): Delivery =>
  ({ message: { id } as Message, edge: {} as EdgeRuntime, receipt: 0, slot: -1, callId: -1, orphaned: false });
const ids = (s: InService) => { const out: number[] = []; s.forEach((d) => out.push(d.message.id)); return out; };

describe('InService', () => {
  it('no longer holds a delivery removed early, so its completion is recognised as stale', () => {
    const s = new InService(2);
    const a = delivery(1);
    s.add(a, 0);
    expect(s.holds(a)).toBe(true);
    expect(s.takeAll(5)).toEqual([a]);
    expect(s.holds(a)).toBe(false);
    expect(s.delete(a, 6)).toBe(false);
    expect(s.size).toBe(0);
  });

  it('reuses the slot freed last, and lists deliveries in slot order', () => {
    const s = new InService(3);
    const [a, b, c, d] = [delivery(1), delivery(2), delivery(3), delivery(4)];
    s.add(a, 0); s.add(b, 0); s.add(c, 0);
    s.delete(a, 1);
    s.add(d, 1);
    expect(ids(s)).toEqual([4, 2, 3]);
    expect(s.takeWhere((x) => x.message.id !== 2, 2).map((x) => x.message.id)).toEqual([4, 3]);
    expect(ids(s)).toEqual([2]);
  });

  it('integrates busy slot-time for utilisation', () => {
    const s = new InService(2);
    const [a, b] = [delivery(1), delivery(2)];
    s.add(a, 0); // one slot busy over [0, 10)
    s.add(b, 10); // two over [10, 20)
    s.delete(a, 20); // one over [20, 40)
    expect(s.utilisation(40)).toBeCloseTo((10 + 20 + 20) / (2 * 40));
    expect(s.utilisation(0)).toBe(0);
  });
});

describe('InService with one slot', () => {
  it('integrates the same busy time as several slots holding one delivery at a time', () => {
    const one = new InService(1);
    const two = new InService(2);
    const times = [0.1, 0.7, 1.3, 2.9, 3.3, 10.01, 10.02, 17.5];
    for (let i = 0; i + 1 < times.length; i += 2) {
      const [a, b] = [delivery(i), delivery(i)];
      one.add(a, times[i]!); two.add(b, times[i]!);
      expect(a.slot).toBe(0);
      one.delete(a, times[i + 1]!); two.delete(b, times[i + 1]!);
    }
    one.add(delivery(99), 18); two.add(delivery(99), 18);
    // Dividing by twice the slot-time halves exactly: the same busy time to the last bit.
    for (const now of [18, 19.3, 40]) expect(one.utilisation(now)).toBe(two.utilisation(now) * 2);
  });

  it('lists its delivery, and gives it back taken while in service', () => {
    const s = new InService(1);
    const a = delivery(1);
    s.add(a, 0);
    expect(ids(s)).toEqual([1]);
    expect(s.takeWhere((x) => x.message.id === 2, 1)).toEqual([]);
    expect(s.takeAll(2)).toEqual([a]);
    expect(s.holds(a)).toBe(false);
    expect(s.delete(a, 3)).toBe(false);
    expect(ids(s)).toEqual([]);
    expect(s.size).toBe(0);
    expect(s.utilisation(4)).toBe(2 / 4);
    const b = delivery(2);
    s.add(b, 4);
    expect(b.slot).toBe(0);
    expect(ids(s)).toEqual([2]);
  });

  it('refuses a second delivery while its one slot is busy, rather than losing the first', () => {
    const one = new InService(1);
    const first = delivery(1), second = delivery(2);
    one.add(first, 0);
    expect(() => one.add(second, 1)).toThrow(/one slot was busy/);
    expect(one.holds(first)).toBe(true);
    expect(one.delete(first, 2)).toBe(true);
    one.add(second, 3);
    expect(one.holds(second)).toBe(true);
  });
});
