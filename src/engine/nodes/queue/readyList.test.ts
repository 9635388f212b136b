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
