import { describe, expect, it } from 'vitest';
import { newMessage, type Message } from '../../model/message';
import { FifoGroupStore } from './fifoGroups';

const message = (seq: number, groupId: string): Message => {
  const m = newMessage(seq, 0, { routingKey: 'k', headers: {}, priority: -1, sizeBytes: 1, poison: false, persistent: false, expirationMs: -1, mandatory: false, trail: null, groupId });
  m.queueSeq = seq;
  return m;
};

describe('FifoGroupStore memory (A2.3 message groups)', () => {
  it('forgets a group a receive emptied without holding its last message (moved to the DLQ at maxReceiveCount)', () => {
    const store = new FifoGroupStore();
    for (let i = 0; i < 100; i++) {
      store.push(message(i, `g${i}`));
      store.beginBatch();
      expect(store.shift()?.groupId).toBe(`g${i}`); // not held: the queue dead-lettered it instead of delivering it
      expect(store.shift()).toBeUndefined();
      store.endBatch();
    }
    expect(store.length).toBe(0);
    expect(store.groupCount).toBe(0);
  });

  it('keeps a group while a message of it is in flight, and forgets it once that one is released', () => {
    const store = new FifoGroupStore();
    store.push(message(1, 'g1'));
    store.beginBatch();
    const m = store.shift()!;
    store.hold(m);
    store.endBatch();
    expect(store.groupCount).toBe(1);
    expect(store.isLocked('g1')).toBe(true);
    store.release(m);
    expect(store.groupCount).toBe(0);
  });
});
