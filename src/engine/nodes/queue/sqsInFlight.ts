import type { SimContext } from '../../model/context';
import { oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { FifoGroupStore } from './fifoGroups';
import { EV_DELETE, EV_VISIBILITY } from './queueEvents';

/**
 * A2.1: a consumer's DeleteMessage on its way to the queue across a link with a delay. Until it arrives the message is
 * still in flight, the queue's (counted there, not here); if its visibility timeout ends first, the delete arrives with
 * a stale receipt and deletes nothing. `sentAt`: when the consumer sent it (the end of the message's end-to-end latency).
 */
export interface DeleteInFlight {
  readonly edge: EdgeRuntime;
  readonly message: Message;
  readonly receipt: number;
  readonly sentAt: number;
}

/**
 * An SQS queue's in-flight messages: received and not yet deleted (semantics.md A2.1). Each receive hides
 * the message under a new receipt; only a delete with that receipt removes it, and when its visibility
 * timeout ends it becomes visible again. On a FIFO queue a message in flight locks its group (A2.3).
 * It schedules each receive's visibility timer on the queue (node `index`), which hands it back to expire().
 */
export class SqsInFlight {
  private readonly invisible = new Set<Message>();
  private receipts = 0;

  constructor(
    private readonly groups: FifoGroupStore | null,
    private readonly visibilityTimeoutMs: number,
    private readonly index: number,
    private readonly ctx: SimContext,
  ) {}

  get size(): number { return this.invisible.size; }

  /**
   * ReceiveMessage handed `m` out: hidden for the visibility timeout under a new receipt, counted as one
   * more receive (A2.3: its group locked meanwhile).
   */
  receive(m: Message): void {
    m.receiveCount++;
    m.receipt = ++this.receipts;
    this.invisible.add(m);
    this.groups?.hold(m);
    this.ctx.schedule(this.visibilityTimeoutMs, this.index, EV_VISIBILITY, m, m.receipt);
  }

  /**
   * A2.1: DeleteMessage is a request to the queue, as ReceiveMessage is (consumer/polling.ts): across a link with a delay
   * it arrives one way later (EV_DELETE, then `delete`). False when the link has no delay: it is taken at once.
   */
  sendDelete(edge: EdgeRuntime, m: Message, receipt: number): boolean {
    const delay = oneWayDelayMs(edge);
    if (delay <= 0) return false;
    const d: DeleteInFlight = { edge, message: m, receipt, sentAt: this.ctx.now() };
    this.ctx.schedule(delay, this.index, EV_DELETE, d, 0);
    return true;
  }

  /** DeleteMessage with `receipt`: false when it is stale (an earlier receive's), which we take to delete nothing (see queue.ts `ack`). */
  delete(m: Message, receipt: number): boolean {
    if (!this.holds(m, receipt)) return false;
    this.invisible.delete(m);
    m.sqsOwned = false;
    this.groups?.release(m); // A2.3: deleting the in-flight message unblocks its group
    return true;
  }

  /**
   * The visibility timeout of the receive with `receipt` ended: true when `m` becomes visible again (the
   * caller puts it back; on a FIFO queue it goes to the head of its group, which it no longer locks).
   */
  expire(m: Message, receipt: number): boolean {
    if (!this.holds(m, receipt)) return false;
    this.invisible.delete(m);
    m.receipt = 0;
    m.redelivered = true;
    this.groups?.release(m);
    return true;
  }

  /** For the message inspector, in receive order. */
  toArray(): Message[] { return [...this.invisible]; }

  private holds(m: Message, receipt: number): boolean { return this.invisible.has(m) && m.receipt === receipt; }
}
