import type { Message } from './message';

/**
 * A publisher confirm (semantics.md A1.6): each publish is acked or nacked exactly once, when every
 * queue it was routed to has accepted it (on disk for a persistent message on a durable queue), at once
 * when it was unroutable, and nacked when a queue refused it (reject-publish at a length limit).
 */
export interface ConfirmListener {
  confirmed(tracker: ConfirmTracker, nacked: boolean): void;
}

export class ConfirmTracker {
  private pending = 1;
  private nacked = false;
  /** The publisher's view: waiting for it, settled, or given up on (timed out). */
  state: 'waiting' | 'settled' | 'abandoned' = 'waiting';

  constructor(readonly listener: ConfirmListener, readonly publishedAt: number, readonly attempt = 1, readonly original: Message | null = null) {}

  /** The publish was routed to `n` destinations instead of the one it started as. */
  fanOut(n: number): void { this.pending += n - 1; }

  /** One destination accepted (ok) or refused the message. */
  settle(ok: boolean): void {
    if (this.pending <= 0) return;
    if (!ok) this.nacked = true;
    if (--this.pending === 0) this.listener.confirmed(this, this.nacked);
  }
}
