import { initMessage, newMessage, type Message, type MessageInit } from './message';

/** Settled messages kept for reuse at most: enough for the busiest instant of a run, bounded whatever the run. */
const MAX_FREE = 1024;

/**
 * Messages settled for good, reused for new ones. A message acked by its consumer is usually the only
 * thing of its chain that nobody holds any more; taking a new message from here instead of allocating one
 * keeps a few recently used objects hot in the cache and spares the garbage collector a promotion per
 * message (docs/PERFORMANCE.md, "Message pool").
 *
 * Only a message that nothing can read again may be released: see ConsumerModel.succeed for the one place
 * that does. A released message is poisoned until reused (id -1, originAt NaN), so a stale read shows as
 * a wrong figure at once rather than as another message's plausible one; releasing it twice throws.
 * Off when tracing: an edge keeps the last message it carried for the inspector.
 */
export class MessagePool {
  private readonly free: Message[] = [];

  constructor(private readonly enabled: boolean) {}

  /** A new message: a released one, made fresh, or a new object. */
  create(id: number, now: number, f: MessageInit): Message {
    const m = this.free.pop();
    return m === undefined ? newMessage(id, now, f) : initMessage(m, id, now, f);
  }

  /** `m` is settled and nothing refers to it any more. */
  release(m: Message): void {
    if (!this.enabled) return;
    if (m.id === RELEASED) throw new Error('a message was released twice (MessagePool)');
    if (this.free.length >= MAX_FREE) return;
    m.id = RELEASED;
    m.originAt = NaN;
    this.free.push(m);
  }

  /** How many released messages wait to be reused (for tests). */
  get size(): number { return this.free.length; }
}

const RELEASED = -1;
