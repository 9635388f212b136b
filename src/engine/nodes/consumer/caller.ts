import type { EdgeRuntime } from '../../model/edge';
import { type Message } from '../../model/message';
import { addHop } from '../../model/trail';
import { OutstandingCalls } from './calls';
import { ConsumerPart } from './consumerPart';
import type { Delivery } from './delivery';
import { EV_CALL_TIMEOUT } from './events';

/**
 * The caller's side of a consumer's synchronous calls (EIP Request-Reply, A4): it sends a request,
 * times it out, and matches replies to the calls still waiting. Kept apart from ConsumerModel because
 * most consumers never call; the model only ends a call (frees the slot and settles the delivery).
 */
export class Caller extends ConsumerPart {
  private readonly outstanding = new OutstandingCalls();

  /**
   * Sends `request` (the result of `d`, with the consumer as its Return Address, A4) along `out` and waits
   * for the reply, holding the slot: the caller's capacity is tied up for as long as the callee takes.
   */
  make(d: Delivery, request: Message, out: EdgeRuntime): void {
    this.n.calls++;
    this.outstanding.begin(d, request.id);
    this.ctx.schedule(this.config.call!.timeoutMs, this.index, EV_CALL_TIMEOUT, d, 0);
    this.ctx.send(out, request);
  }

  /**
   * A reply with one of its calls' ids: the delivery whose call it ends (well, or with an error reply), or
   * undefined when it ends none: it came while offline, is damaged, or is late (A4).
   */
  replied(reply: Message, online: boolean): Delivery | undefined {
    addHop(reply, this.index, this.ctx, 'call reply');
    // A reply is not a message owed to this consumer (it answers its own request, A4): dropping one is no
    // loss in its delivery audit (node -1); the call times out and the message it serves fails instead.
    if (!online) { this.ctx.lose(reply, 'nodeDown', -1); return undefined; } // its connection is closed
    // Its checksum is verified like any message's: a damaged reply is discarded unmatched, so the call times out.
    if (reply.corrupt && this.config.verifyChecksum) {
      this.n.corruptRejected++;
      this.n.lost++; // dropped here, as a damaged delivery it cannot nack is (rejectCorrupt)
      this.ctx.accounting.drop('corrupt');
      return undefined;
    }
    const d = this.outstanding.take(reply.correlationId);
    if (!d) { this.ctx.accounting.drop('lateReply'); return undefined; }
    this.n.callReplies++;
    this.ctx.accounting.acked++; // the reply is consumed
    if (reply.headers.error === true) this.n.callErrors++;
    return d;
  }

  /** The call of `d` timed out: true when it was still waiting (not answered already, nor given back). */
  timedOut(d: Delivery): boolean {
    if (!this.outstanding.cancel(d)) return false;
    this.n.callTimeouts++;
    return true;
  }

  /** Stops waiting on `d`'s call, if it still waits: a reply to it will find no one waiting. */
  cancel(d: Delivery): void { this.outstanding.cancel(d); }
}
