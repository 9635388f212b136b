import type { Message } from '../../model/message';

/**
 * Which of a queue's messages were already damaged when it stored them (a corrupt link into the queue).
 * Damage on the way from the queue to a consumer hits that delivery only: the broker's stored copy is
 * sound, so a message that comes back (requeued, visible again, dead-lettered after a reject) is sound again.
 *
 * Keyed by the message and its queue position (`queueSeq`, new at every enqueue), not by the object alone:
 * an acked message's object is reused for a new message (messagePool.ts), which may enter this queue sound.
 */
export class StoredIntegrity {
  /** A message stored damaged → the queue position it was stored at. */
  private readonly damaged = new WeakMap<Message, number>();

  stored(m: Message): void {
    if (m.corrupt) this.damaged.set(m, m.queueSeq);
  }

  /** `m` is back from a consumer: it carries the stored copy's integrity again. */
  returned(m: Message): void {
    if (m.corrupt && this.damaged.get(m) !== m.queueSeq) m.corrupt = false;
  }
}
