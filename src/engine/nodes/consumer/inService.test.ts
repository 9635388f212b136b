import { describe, expect, it } from 'vitest';
import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { Delivery } from './delivery';
import { InService } from './inService';

const delivery = (id: number): Delivery =>
  ({ message: { id } as Message, edge: {} as EdgeRuntime, receipt: 0, slot: -1, callId: -1 });
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
