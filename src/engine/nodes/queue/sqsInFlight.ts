import type { SimContext } from '../../model/context';
import { oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { FifoGroupStore } from './fifoGroups';
import type { RemovableStore } from './readyStore';
import { EV_DELETE, EV_RETENTION_IN_FLIGHT, EV_VISIBILITY } from './queueEvents';

/**
 * A2.1: a consumer's DeleteMessage on its way to the queue across a link with a delay. Until it arrives the message is
 * still in flight, the queue's (counted there, not here); if its visibility timeout ends first, the delete may still
 * delete it (a standard queue, nobody having received it since: SqsInFlight.deleteVisible) or delete nothing.
 * `sentAt`: when the consumer sent it (the end of the message's end-to-end latency).
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
 * timeout ends it becomes visible again. The message keeps that receipt until it is received again: on a
 * standard queue a delete with it still deletes the message (deleteVisible). On a FIFO queue a message in
 * flight locks its group (A2.3), and its receipt expires with its visibility timeout.
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
    // A2.1: retention runs on in flight (retentionEnded). Only a receive whose visibility timeout outlasts the message's
    // retention needs a timer of its own: otherwise the message is deleted, received again or visible first.
    const left = m.expiresAt - this.ctx.now();
    if (left > 0 && left < this.visibilityTimeoutMs) this.ctx.schedule(left, this.index, EV_RETENTION_IN_FLIGHT, m, m.receipt);
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

  /** DeleteMessage with `receipt` of `m` in flight: false when `m` is not in flight under that receipt (see queue.ts `deleteMessage`). */
  delete(m: Message, receipt: number): boolean { return this.deleteInFlight(m, receipt); }

  /**
   * A2.1, standard queue: DeleteMessage with `receipt` of `m`, visible again in `store` since that receive's visibility
   * timeout ended, nobody having received it since (`receipt` is still its latest): takes it out of `store` and true.
   * AWS's DeleteMessage reference: "you must use the ReceiptHandle from the most recent time you received the message",
   * and SQS "can delete a message from a queue even if a visibility timeout setting causes the message to be locked by
   * another consumer"; LocalStack's tests against AWS saw such a late delete succeed on standard queues, and fail on FIFO
   * ones (localstack/localstack#12442). False on a FIFO queue (A2.3: the receipt expired with the visibility timeout,
   * DeleteMessage fails with ReceiptHandleIsInvalid "The receipt handle has expired", aws/aws-sdk-js#1279), and when
   * `m` is not ready here (received again under a newer receipt, moved to the dead-letter queue, expired).
   */
  deleteVisible(m: Message, receipt: number, store: RemovableStore): boolean {
    if (this.groups !== null || m.receipt !== receipt || !store.remove(m)) return false;
    m.sqsOwned = false;
    return true;
  }

  /**
   * A2.1: the retention period of `m`, in flight under `receipt`, ended: true when it is deleted (taken out of flight,
   * unlocking its group on a FIFO queue, A2.3); the caller counts it expired. SQS "automatically deletes messages left
   * in a queue longer than the retention period configured for the queue" (DeleteMessage reference), and a received
   * message "remains in the queue" until deleted (Developer Guide, visibility timeout): the docs make no exception for
   * one in flight. A delete with `receipt` then finds nothing to delete (deleteVisible: not ready here).
   */
  retentionEnded(m: Message, receipt: number): boolean { return this.deleteInFlight(m, receipt); }

  /**
   * The visibility timeout of the receive with `receipt` ended: true when `m` becomes visible again (the
   * caller puts it back; on a FIFO queue it goes to the head of its group, which it no longer locks). It keeps
   * `receipt`, its latest, for deleteVisible.
   */
  expire(m: Message, receipt: number): boolean {
    if (!this.takeOut(m, receipt)) return false;
    m.redelivered = true;
    return true;
  }

  /** For the message inspector, in receive order. */
  toArray(): Message[] { return [...this.invisible]; }

  /** Deletes `m` if it is in flight under `receipt` (A2.3: deleting the in-flight message unblocks its group). */
  private deleteInFlight(m: Message, receipt: number): boolean {
    if (!this.takeOut(m, receipt)) return false;
    m.sqsOwned = false;
    return true;
  }

  /** Takes `m` out of flight if it is in flight under `receipt` (A2.3: one fewer in flight in its group). */
  private takeOut(m: Message, receipt: number): boolean {
    if (!this.invisible.has(m) || m.receipt !== receipt) return false;
    this.invisible.delete(m);
    this.groups?.release(m);
    return true;
  }
}
