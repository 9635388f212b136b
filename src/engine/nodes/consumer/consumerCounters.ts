/**
 * What a consumer counts, for reports, live figures and samples. The consumer model extends it, so that its
 * counters are fields of the consumer itself, which a delivery touches anyway, not of another object (with
 * hundreds of consumers each object touched per message is a likely cache miss: docs/PERFORMANCE.md,
 * "Locality"); its helpers that count are given the consumer as their counters, as a queue's are
 * (queueCounters.ts). Base class fields come first in the object: the counters written per message
 * (received, intervalIn, processed) come first of all, on the cache line of the object's header.
 */
export class ConsumerCounters {
  received = 0;
  intervalIn = 0;
  processed = 0;
  failed = 0;
  /** Failures under manual ack from a queue: nacked or rejected back to it. */
  nacks = 0;
  /** Processed, but the SQS delete came too late (a stale receipt): the message will be processed again. */
  duplicates = 0;
  /**
   * Processed, but its ack found its channel closed (its queue's broker crashed or failed over, or the channel closed while
   * the ack was on its way, A1.4): requeued, processed again.
   */
  ackFailed = 0;
  forwarded = 0;
  /** Replies sent to a Return Address (A4), error replies included. */
  replies = 0;
  /** Synchronous calls made, and those that timed out or came back with an error reply. */
  calls = 0;
  /** Replies to its calls that came in time (error replies included): each is consumed (acked). */
  callReplies = 0;
  callTimeouts = 0;
  callErrors = 0;
  /** Corrupted messages: rejected by the checksum, or processed because it is not verified. */
  corruptRejected = 0;
  corruptProcessed = 0;
  lost = 0;
  emptyPolls = 0;
  polls = 0;
  intervalOut = 0;
  // Off the path of a delivery processed: last, so that they shift none of the fields every delivery touches.
  /** Acks and nacks lost on a partitioned subscription link: the queue never heard them and requeues the delivery (A1.4). */
  settlementsLost = 0;
  /** Of those, the acks of what it processed (not in `acked`: the message is processed again). */
  acksLost = 0;
  /** Acks of what it processed still on their way to its queue along a link with a delay: not acked yet (A1.4). */
  acksOnTheWay = 0;
}
