import type { Message } from './message';

/**
 * A publisher confirm (semantics.md A1.6): each publish is acked or nacked exactly once, when every
 * queue it was routed to has accepted it (on disk for a persistent message on a durable queue), at once
 * when it was unroutable, and nacked when a queue refused it (reject-publish at a length limit).
 */
export interface ConfirmListener {
  confirmed(tracker: ConfirmTracker, nacked: boolean): void;
  /**
   * The publish never reached a broker: the node its connection goes to was down (see ConfirmTracker.connectionFailed).
   * No basic.ack or basic.nack will come; the client fails the publish itself.
   */
  connectionFailed(tracker: ConfirmTracker): void;
  /**
   * The publish, or the confirm coming back for it, was lost on the publisher's own link (a partition, a lossy link):
   * nothing will come. The client notices the dead connection by missed heartbeats, LINK_RETURN_MS later, and fails
   * the publish as it does a connection failure (see ConfirmTracker.lostOnLink).
   */
  lostOnLink(tracker: ConfirmTracker): void;
}

export class ConfirmTracker {
  private pending = 1;
  private nacked = false;
  /** The publisher's view: waiting for it, settled, or given up on (timed out). */
  state: 'waiting' | 'settled' | 'abandoned' = 'waiting';

  constructor(readonly listener: ConfirmListener, readonly publishedAt: number, readonly attempt = 1, readonly original: Message | null = null) {}

  /** The publish was routed to `n` destinations instead of the one it started as. */
  fanOut(n: number): void { this.pending += n - 1; }

  /**
   * A1.6: the broker nacks only on an internal queue error or a reject-publish, so a publish sent to a node that is down
   * (its connection's other end) gets neither an ack nor a nack: no broker ever had it. It fails at the client, as a
   * connection error. What the client library then does (amqplib rejects what is pending with "Channel ended, no reply
   * will be forthcoming"; the Java client's waitForConfirms throws) is not in semantics.md: we take it that the
   * publisher learns of the failure, as it would of a nack, and counts it apart. Only the first hop can fail so, before
   * any fan-out.
   */
  connectionFailed(): void {
    if (this.end()) this.listener.connectionFailed(this);
  }

  /**
   * The publish was lost on its way to the broker along the publisher's own connection: no broker had it, so no ack or
   * nack comes (A1.6). A lost frame means a dead connection, which the client notices later (heartbeats) and then
   * fails what it was waiting for, as after connectionFailed; when exactly is not in semantics.md (LINK_RETURN_MS).
   */
  lostOnLink(): void {
    if (this.end()) this.listener.lostOnLink(this);
  }

  /** Ends the publish before any destination settled it: false when it had ended already (each publish ends once). */
  private end(): boolean {
    if (this.pending <= 0) return false;
    this.pending = 0;
    return true;
  }

  /** One destination accepted (ok) or refused the message. */
  settle(ok: boolean): void {
    if (this.pending <= 0) return;
    if (!ok) this.nacked = true;
    if (--this.pending === 0) this.listener.confirmed(this, this.nacked);
  }
}
