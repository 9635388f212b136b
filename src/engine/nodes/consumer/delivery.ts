import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';

/** A message a consumer holds: what it is, which subscription it came along, and its SQS receipt. */
export interface Delivery {
  message: Message;
  edge: EdgeRuntime;
  receipt: number;
  /** Its slot while being processed (-1: not in service). */
  slot: number;
  /** The id of the synchronous call it waits on, holding its slot (-1: none). */
  callId: number;
  /**
   * Its channel closed while it was being processed (the queue's broker crashed or its leader failed over): the
   * queue has requeued a copy (A1.4), so this one is the application's alone; its ack or nack will find no channel.
   */
  orphaned: boolean;
}
