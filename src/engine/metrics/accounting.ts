import type { DropReason, MessageTotals } from '../api';

/**
 * Where every message copy went. Terminal states are counted here as they happen; the live states
 * (queued, in flight, dead-lettered) are counted by whoever holds the message (a census over queues, consumers and
 * edges), so the balance produced = acked + queued + inFlight + deadLettered + dropped is a real check.
 */
export class Accounting {
  published = 0;
  routedCopies = 0;
  forwarded = 0;
  /** Copies a publisher sent again after a confirm did not come (the faults issue). */
  retried = 0;
  acked = 0;
  dropped = 0;
  readonly droppedByReason: Partial<Record<DropReason, number>> = {};
  /** Messages travelling along an edge with a delay. */
  inTransit = 0;

  get produced(): number { return this.published + this.routedCopies + this.forwarded + this.retried; }

  /** `observer` hears of every drop charged to a node, with the message's id (the audit; null: nobody). */
  constructor(private readonly observer: DropObserver | null = null) {}

  /** A message (id `messageId`) left the system for `reason` at node `node` (-1 when no node is to blame). */
  drop(reason: DropReason, node = -1, messageId = -1): void {
    // The observer first: an audit that stops at this call keeps the figures from before it (AuditLog.halted).
    if (node >= 0 && messageId >= 0) this.observer?.droppedAt(node, messageId, reason);
    this.dropped++;
    this.droppedByReason[reason] = (this.droppedByReason[reason] ?? 0) + 1;
  }

  totals(census: Census): MessageTotals {
    return {
      produced: this.produced,
      published: this.published,
      routedCopies: this.routedCopies,
      forwarded: this.forwarded,
      retried: this.retried,
      acked: this.acked,
      queued: census.queued,
      inFlight: census.inFlight + this.inTransit,
      deadLettered: census.deadLettered,
      dropped: this.dropped,
      droppedByReason: { ...this.droppedByReason },
    };
  }
}

/** Told of each message dropped at a node (the delivery-guarantee audit). */
export interface DropObserver {
  droppedAt(node: number, messageId: number, reason: DropReason): void;
}

/** Messages counted where they are held right now. */
export interface Census {
  /** Ready in a queue, never dead-lettered. */
  queued: number;
  /** Resting in a queue after being dead-lettered (it has a death history, A1.9). */
  deadLettered: number;
  /** Delivered to a consumer and not yet settled (buffered or being processed). */
  inFlight: number;
}
