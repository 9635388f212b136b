import { initMessage, newMessage, type Message, type MessageInit } from './message';

/** Settled messages kept for reuse at most: enough for the busiest instant of a run, bounded whatever the run. */
const MAX_FREE = 1024;

/**
 * Messages settled for good, reused for new ones. A message acked by its consumer is usually the only
 * thing of its chain that nobody holds any more; taking a new message from here instead of allocating one
 * keeps a few recently used objects hot in the cache and spares the garbage collector a promotion per
 * message (docs/PERFORMANCE.md, "Message pool").
 *
 * Only a message that nothing can read again may be released: see ConsumerModel.succeed for where an acked
 * one is (and ackOnClosedChannel, arrivedOnClosedChannel for the copies a closed channel leaves to the consumer). A released message is poisoned until reused (id -1, originAt NaN), so a stale read shows as
 * a wrong figure at once rather than as another message's plausible one; releasing it twice throws.
 *
 * Tracing: an edge shows the inspector the last message it carried each way (EdgeRuntime.lastMessage,
 * lastReply), so a message released by its consumer may still be on show. Every write of those slots goes
 * through `show`, which keeps `Message.pins`, the number of slots showing the message. Released while pinned,
 * a message is only marked (pins negated) and keeps its contents for the inspector; the slot write that drops
 * its last pin poisons it and puts it here. Without tracing nothing is shown and `pins` is never read.
 */
export class MessagePool {
  private readonly free: Message[] = [];

  /**
   * @param pinning whether edges show messages (the simulation's `tracing`): a message is then reused only once
   *   no edge shows it.
   * @param enabled false keeps nothing: every message is new (a reference for tests, which must see the same
   *   figures and the same inspected messages either way).
   */
  constructor(private readonly pinning: boolean, private readonly enabled = true) {}

  /** A new message: a released one, made fresh, or a new object. */
  create(id: number, now: number, f: MessageInit): Message {
    const m = this.free.pop();
    return m === undefined ? newMessage(id, now, f) : initMessage(m, id, now, f);
  }

  /** `m` is settled and nothing refers to it any more, except perhaps an edge showing it (tracing). */
  release(m: Message): void {
    if (!this.enabled) return;
    if (m.id === RELEASED) throw new Error('a message was released twice (MessagePool)');
    if (this.pinning && m.pins !== 0) {
      if (m.pins < 0) throw new Error('a message was released twice (MessagePool)');
      m.pins = -m.pins; // still on show: pooled by the slot write that drops its last pin (unpin)
      return;
    }
    this.keep(m);
  }

  /**
   * Tracing: an edge slot that showed `dropped` (null: nothing) now shows `shown`, which it returns. `shown` is
   * pinned before `dropped` is unpinned, so a message shown again by the same slot never passes through 0.
   */
  show(dropped: Message | null, shown: Message): Message {
    if (shown.pins < 0 || shown.id === RELEASED) throw new Error('a released message was sent again (MessagePool)');
    shown.pins++;
    if (dropped !== null) this.unpin(dropped);
    return shown;
  }

  /** How many released messages wait to be reused (for tests). */
  get size(): number { return this.free.length; }

  private unpin(m: Message): void {
    if (m.pins > 0) { m.pins--; return; }
    // Released while on show (pins negated): the last slot showing it let it go.
    if (++m.pins === 0) this.keep(m);
  }

  private keep(m: Message): void {
    if (this.free.length >= MAX_FREE) return;
    m.id = RELEASED;
    m.originAt = NaN;
    this.free.push(m);
  }
}

const RELEASED = -1;
