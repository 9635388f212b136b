import type { Message } from '../../model/message';

/**
 * Which of a queue's messages were already damaged when it stored them (a corrupt link into the queue).
 * Damage on the way from the queue to a consumer hits that delivery only: the broker's stored copy is
 * sound, so a message that comes back (requeued, visible again, dead-lettered after a reject) is sound again.
 */
export class StoredIntegrity {
  private readonly damaged = new WeakSet<Message>();

  stored(m: Message): void {
    if (m.corrupt) this.damaged.add(m);
  }

  /** `m` is back from a consumer: it carries the stored copy's integrity again. */
  returned(m: Message): void {
    if (m.corrupt && !this.damaged.has(m)) m.corrupt = false;
  }
}
