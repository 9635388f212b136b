import type { DropReason } from '../../api';
import type { Message } from '../../model/message';

export interface FifoSettings {
  contentBasedDeduplication: boolean;
  deduplicationScope: 'queue' | 'messageGroup';
  deduplicationWindowMs: number;
}

/** What an SQS FIFO queue does with a SendMessage: store it, accept it without delivering it, or fail it. */
export type FifoVerdict = 'store' | Extract<DropReason, 'deduplicated' | 'invalidFifoPublish'>;

/**
 * SQS FIFO deduplication (semantics.md A2.3). A deduplication id seen within the window (5 minutes on SQS)
 * makes a send a duplicate: accepted, not delivered. The window runs from the first accepted send and a
 * duplicate does not extend it; the id stays tracked after the message is received and deleted.
 */
export class Deduplication {
  /**
   * Deduplication key → when its first send was accepted. A Map iterates in insertion order, which is time
   * order here (a key is set once per window), so the oldest ids are the first ones.
   */
  private readonly seen = new Map<string, number>();

  constructor(private readonly settings: FifoSettings) {}

  /** Decides a send at time `now`, and tracks its id when it is stored. */
  admit(m: Message, now: number): FifoVerdict {
    // A2.3: MessageGroupId is required on a FIFO queue.
    if (m.groupId === '') return 'invalidFifoPublish';
    const key = this.keyOf(m);
    if (key === null) return 'invalidFifoPublish';
    this.forgetBefore(now);
    if (this.seen.has(key)) return 'deduplicated';
    this.seen.set(key, now);
    return 'store';
  }

  /** How many ids are tracked right now (for tests: memory follows the window). */
  get tracked(): number { return this.seen.size; }

  /**
   * A2.3: an explicit MessageDeduplicationId wins; else content-based deduplication hashes the body, which
   * in this model is identified by the message id (a retried publish carries the same id and body). With
   * neither, there is no key and the send fails. Scope messageGroup keys the id by its group.
   */
  private keyOf(m: Message): string | null {
    const id = m.dedupId !== '' ? `id:${m.dedupId}` : this.settings.contentBasedDeduplication ? `body:${m.id}` : null;
    if (id === null) return null;
    return this.settings.deduplicationScope === 'messageGroup' ? `${m.groupId}\u0000${id}` : id;
  }

  private forgetBefore(now: number): void {
    const windowMs = this.settings.deduplicationWindowMs;
    for (const [key, at] of this.seen) {
      if (now - at < windowMs) return;
      this.seen.delete(key);
    }
  }
}
