import type { SimContext } from '../../model/context';
import type { Message } from '../../model/message';
import type { DeadLetters } from './deadLettering';
import { EV_EXPIRE } from './queueEvents';
import type { QueueCounters } from './queueCounters';
import type { QueueRules } from './queueRules';
import type { ReadyStore } from './readyStore';

/**
 * A1.7: per-queue TTL and per-message TTL both run from entering this queue (RMQ-SRC calculate_msg_expiry, when
 * the queue takes the message); the lower wins.
 * A2.2: SQS retention runs from the original enqueue, wherever the message moved since.
 * A free function so that enqueueing (the hot path) calls it without an indirection.
 */
export function expiryOf(rules: QueueRules, m: Message, now: number): number {
  if (rules.flavor === 'sqs') return m.publishedAt + rules.retentionMs;
  const perMessage = m.expirationMs >= 0 ? now + m.expirationMs : Infinity;
  return Math.min(now + rules.messageTtlMs, perMessage);
}

/**
 * Message expiry at a queue's head (A1.7 TTL, A2.1 SQS retention) and the one timer that checks for it.
 * The queue calls in only while a ready message can expire, and passes its ready store (which an outage
 * replaces) each time.
 */
export class Expiry {
  /** When the pending expiry timer fires (Infinity: none pending): one timer at a time, the earliest. */
  private checkAt = Infinity;

  constructor(
    private readonly index: number,
    private readonly rules: QueueRules,
    private readonly ctx: SimContext,
    private readonly n: QueueCounters,
    private readonly deadLetters: DeadLetters,
  ) {}

  /**
   * A1.7: expired messages are removed at the head (classic and quorum); A2.1: SQS retention at the head here, and
   * behind it (where the head check cannot see a message whose retention ends first) in sqsRetention.ts.
   * A message whose expiry is exactly now may still go to a consumer that can take it at once (TTL 0,
   * A1.7); the expiry timer at that instant (`inclusive`) removes it if none did.
   */
  expireHeads(store: ReadyStore, inclusive: boolean): void {
    const now = this.ctx.now();
    for (let head = store.peek(); head && (head.expiresAt < now || (inclusive && head.expiresAt === now)); head = store.peek()) {
      store.shift();
      this.n.expired++;
      // A2.1/EIP Message Expiration: SQS deletes at the end of retention, with no dead-letter queue.
      if (this.rules.flavor === 'sqs') { this.ctx.accounting.drop('expired', this.index, head.id); continue; }
      this.deadLetters.send(head, 'expired', true);
    }
  }

  /** Schedules the expiry timer for the head, unless one fires no later. */
  scheduleCheck(store: ReadyStore): void {
    const head = store.peek();
    if (!head || !Number.isFinite(head.expiresAt) || head.expiresAt >= this.checkAt) return;
    this.checkAt = head.expiresAt;
    this.ctx.schedule(head.expiresAt - this.ctx.now(), this.index, EV_EXPIRE, null, 0);
  }

  /** The expiry timer fired: none is pending now. */
  timerFired(): void { this.checkAt = Infinity; }
}
