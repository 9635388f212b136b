import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newMessage, type Message } from '../../model/message';
import { ReadyList } from './readyList';

const msg = (id: number): Message => ({ ...newMessage(id, 0, { routingKey: String(id), headers: {}, priority: -1, sizeBytes: 0, trail: null }), queueSeq: id });
const ids = (r: ReadyList) => r.toArray().map((m) => m.id);

// semantics.md A1.4: on a classic queue a requeued message is "placed to its original position in its
// queue, if possible". BROKER: queue [a,b,c]; get a and b; nack(b, requeue); ack(a) → [b, c].
describe('A1.4 requeue keeps the original position (classic queues)', () => {
  it('puts the broker example back as [b, c]', () => {
    const r = new ReadyList();
    const [a, b, c] = [msg(0), msg(1), msg(2)];
    r.push(a); r.push(b); r.push(c);
    expect(r.shift()).toBe(a);
    expect(r.shift()).toBe(b);
    r.insertInOrder(b);
    expect(ids(r)).toEqual([1, 2]);
  });

  it('restores several requeued messages in queue order, whatever order they return in', () => {
    const r = new ReadyList();
    const m = [0, 1, 2, 3, 4].map(msg);
    m.forEach((x) => r.push(x));
    r.shift(); r.shift(); r.shift(); // 0, 1, 2 delivered
    r.insertInOrder(m[2]!);
    r.insertInOrder(m[0]!);
    r.insertInOrder(m[1]!);
    expect(ids(r)).toEqual([0, 1, 2, 3, 4]);
  });

  it('slots a message between others when that is where it was', () => {
    const r = new ReadyList();
    [0, 2, 4].map(msg).forEach((x) => r.push(x));
    r.insertInOrder(msg(3));
    r.insertInOrder(msg(1));
    expect(ids(r)).toEqual([0, 1, 2, 3, 4]);
    expect(r.length).toBe(5);
  });

  it('stays FIFO across many pushes and shifts (compaction)', () => {
    const r = new ReadyList();
    for (let i = 0; i < 5000; i++) r.push(msg(i));
    for (let i = 0; i < 4000; i++) expect(r.shift()!.id).toBe(i);
    r.insertInOrder(msg(3999));
    expect(r.peek()!.id).toBe(3999);
    expect(r.length).toBe(1001);
  });
});

describe('ReadyList against a sorted-array model', () => {
  // A queue requeues one way (classic: at its position; quorum: at the head), so a run uses one of the two.
  it('any interleaving of push, shift and requeue (in order, or at the head) gives the model\'s order (emptying, compaction)', () => {
    type Op = { kind: 'push' } | { kind: 'shift' } | { kind: 'requeue'; pick: number } | { kind: 'burst'; n: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: fc.constant({ kind: 'push' as const }) },
      { weight: 4, arbitrary: fc.constant({ kind: 'shift' as const }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('requeue' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('burst' as const), n: fc.integer({ min: 1, max: 1500 }) }) },
    );
    fc.assert(fc.property(fc.array(op, { maxLength: 200 }), fc.boolean(), (ops, atHead) => {
      const r = new ReadyList();
      let model: Message[] = [];
      const taken: Message[] = []; // shifted, not yet requeued
      let next = 0;
      const push = () => { const m = msg(next++); r.push(m); model.push(m); };
      for (const o of ops) {
        if (o.kind === 'push') push();
        else if (o.kind === 'burst') { for (let i = 0; i < o.n; i++) push(); for (let i = 0; i < o.n; i++) { const m = r.shift()!; expect(m).toBe(model.shift()); taken.push(m); } }
        else if (o.kind === 'shift') { const m = r.shift(); expect(m).toBe(model.shift()); if (m) taken.push(m); }
        else if (taken.length > 0) {
          const m = taken.splice(o.pick % taken.length, 1)[0]!;
          if (atHead) { r.unshift(m); model.unshift(m); }
          else { r.insertInOrder(m); model = [...model, m].sort((a, b) => a.queueSeq - b.queueSeq); }
        }
        expect(r.length).toBe(model.length);
        expect(r.peek()).toBe(model[0]);
      }
      expect(r.toArray()).toEqual(model);
    }), { numRuns: 150 });
  });
});

// A2.1: SQS deletes a message at the end of its retention wherever it is (sqsRetention.ts).
describe('remove (A2.1 retention behind the head)', () => {
  it('takes a message out of the middle, the head or the tail, and keeps the order of the rest', () => {
    const r = new ReadyList();
    const m = [0, 1, 2, 3, 4].map(msg);
    m.forEach((x) => r.push(x));
    expect(r.remove(m[2]!)).toBe(true);
    expect(ids(r)).toEqual([0, 1, 3, 4]);
    expect(r.remove(m[0]!)).toBe(true);
    expect(r.remove(m[4]!)).toBe(true);
    expect(ids(r)).toEqual([1, 3]);
    expect(r.length).toBe(2);
  });

  it('removes nothing for a message that is not there, even one with the same queueSeq', () => {
    const r = new ReadyList();
    const m = [0, 1, 2].map(msg);
    m.forEach((x) => r.push(x));
    expect(r.remove(msg(1))).toBe(false); // another message with queueSeq 1
    r.shift();
    expect(r.remove(m[0]!)).toBe(false); // taken already
    expect(ids(r)).toEqual([1, 2]);
  });

  it('agrees with an array model under random pushes, shifts, requeues and removes', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('push', 'shift', 'remove'), fc.nat(30))), (ops) => {
      const r = new ReadyList();
      let model: Message[] = [];
      let seq = 0;
      const all: Message[] = [];
      for (const [op, k] of ops) {
        if (op === 'push') { const x = msg(seq++); all.push(x); r.push(x); model.push(x); }
        else if (op === 'shift') { expect(r.shift()).toBe(model.shift()); }
        else if (all.length > 0) {
          const x = all[k % all.length]!;
          expect(r.remove(x)).toBe(model.includes(x));
          model = model.filter((y) => y !== x);
        }
        expect(r.toArray()).toEqual(model);
      }
    }));
  });
});
