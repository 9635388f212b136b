import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

interface Popped { time: number; target: number; type: number; arg: number; payload: unknown }

function popOne(q: EventQueue): Popped {
  q.pop();
  return { time: q.popTime, target: q.popTarget, type: q.popType, arg: q.popArg, payload: q.popPayload };
}

function drain(q: EventQueue): Popped[] {
  const out: Popped[] = [];
  while (q.size > 0) out.push(popOne(q));
  return out;
}

/** The queue's private record table, to check that records are reused and their payloads cleared. */
const slotTable = (q: EventQueue) => {
  const table = q as unknown as { payloads: unknown[]; freeCount: number };
  return { payloads: table.payloads, freeSlots: { length: table.freeCount } };
};

describe('EventQueue', () => {
  it('is empty at first: size 0, next time Infinity', () => {
    const q = new EventQueue(4);
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Infinity);
  });

  it('orders by time first', () => {
    const q = new EventQueue();
    for (const t of [5, 1, 4, 2, 3]) q.push(t, 10, 0, 1, null, t);
    expect(q.peekTime()).toBe(1);
    expect(drain(q).map((e) => e.time)).toEqual([1, 2, 3, 4, 5]);
  });

  it('orders equal times by priority, lower first, regardless of push order', () => {
    const q = new EventQueue();
    q.push(7, 500, -1, -1, null, 0);
    q.push(7, 10, 0, 1, null, 1);
    q.push(7, 0, 0, 1, null, 2);
    q.push(7, 511, 0, 1, null, 3);
    expect(drain(q).map((e) => e.arg)).toEqual([2, 1, 0, 3]);
  });

  it('orders equal time and priority by insertion (FIFO)', () => {
    const q = new EventQueue(2);
    for (let i = 0; i < 100; i++) q.push(3, 10, 0, 1, null, i);
    expect(drain(q).map((e) => e.arg)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('round-trips target (including the kernel, -1), type (-1…1022) and arg', () => {
    const q = new EventQueue();
    const cases = [
      { target: -1, type: -1, arg: 0 },
      { target: 0, type: 0, arg: -5 },
      { target: 12345, type: 1022, arg: 2 ** 31 - 1 },
      { target: (1 << 20) - 2, type: 7, arg: -(2 ** 31) },
    ];
    cases.forEach((c, i) => q.push(i, 10, c.target, c.type, null, c.arg));
    expect(drain(q).map(({ target, type, arg }) => ({ target, type, arg }))).toEqual(cases);
  });

  it('grows past its initial capacity without losing or reordering events', () => {
    const q = new EventQueue(2);
    const n = 1000;
    // Times in a scrambled order (a permutation of 0…n-1) so that growth happens mid-heap.
    for (let i = 0; i < n; i++) q.push((i * 7919) % n, 10, i % 50, 1, { i }, i);
    expect(q.size).toBe(n);
    const out = drain(q);
    expect(out.map((e) => e.time)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const e of out) expect((e.payload as { i: number }).i).toBe(e.arg);
  });

  it('gives each event its own payload back, and null for events pushed without one', () => {
    const q = new EventQueue(4);
    const a = { name: 'a' }, b = { name: 'b' }, c = { name: 'c' };
    q.push(3, 10, 0, 1, c, 3);
    q.push(1, 10, 0, 1, a, 1);
    q.push(2, 10, 0, 1, null, 2);
    q.push(0, 10, 0, 1, b, 0);
    const out = drain(q);
    expect(out.map((e) => e.payload)).toEqual([b, a, null, c]);
    expect(out[0]!.payload).toBe(b);
    expect(out[1]!.payload).toBe(a);
    expect(out[3]!.payload).toBe(c);
  });

  it('reuses records: the table stays as large as the most events pending at once, and pop clears their payloads', () => {
    const q = new EventQueue(4);
    let t = 0;
    for (let round = 0; round < 1000; round++) {
      const p1 = { round, k: 1 }, p2 = { round, k: 2 };
      q.push(t + 2, 10, 0, 1, p2, 2);
      q.push(t + 1, 10, 0, 1, p1, 1);
      expect(popOne(q).payload).toBe(p1);
      expect(popOne(q).payload).toBe(p2);
      t += 2;
    }
    const { payloads, freeSlots } = slotTable(q);
    expect(payloads.length).toBe(2);
    expect(freeSlots.length).toBe(2);
    // No references kept to popped payloads (they could be garbage-collected).
    expect(payloads.every((p) => p === null)).toBe(true);
  });

  it('a null payload after a payload event does not show the previous payload', () => {
    const q = new EventQueue();
    q.push(1, 10, 0, 1, { x: 1 }, 0);
    q.push(2, 10, 0, 1, null, 0);
    q.pop();
    expect(q.popPayload).toEqual({ x: 1 });
    q.pop();
    expect(q.popPayload).toBeNull();
  });

  it('property: any interleaving of pushes and pops matches a sorted reference model', () => {
    type Op = { kind: 'push'; time: number; priority: number; target: number; type: number; withPayload: boolean } | { kind: 'pop' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('push' as const),
          // A small range of times and priorities so that ties are common.
          time: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true })),
          priority: fc.constantFrom(0, 10, 10, 500, 511),
          target: fc.integer({ min: -1, max: 1000 }),
          type: fc.integer({ min: -1, max: 1022 }),
          withPayload: fc.boolean(),
        }),
      },
      { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
      const q = new EventQueue(capacity);
      interface Ref { time: number; priority: number; seq: number; target: number; type: number; payload: unknown }
      let model: Ref[] = [];
      let seq = 0;
      const check = () => {
        const expected = model.shift()!;
        const got = popOne(q);
        expect(got.time).toBe(expected.time);
        expect(got.target).toBe(expected.target);
        expect(got.type).toBe(expected.type);
        expect(got.arg).toBe(expected.seq);
        expect(got.payload).toBe(expected.payload);
      };
      for (const o of ops) {
        if (o.kind === 'push') {
          const payload = o.withPayload ? { seq } : null;
          q.push(o.time, o.priority, o.target, o.type, payload, seq);
          model.push({ time: o.time, priority: o.priority, seq, target: o.target, type: o.type, payload });
          seq++;
          model = model.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
        } else if (model.length > 0) {
          check();
        }
        expect(q.size).toBe(model.length);
        expect(q.peekTime()).toBe(model.length > 0 ? model[0]!.time : Infinity);
      }
      while (model.length > 0) check();
      expect(q.size).toBe(0);
    }), { numRuns: 200 });
  });
});
