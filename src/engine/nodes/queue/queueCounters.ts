import { IntervalLatency } from '../../metrics/intervalLatency';
import { LIVE, SAMPLE } from '../../model/node';

/**
 * What a queue counts, for reports, live figures and samples. The queue model extends it, so that its
 * counters are fields of the queue itself, which the hot path touches anyway, not of another object
 * (with hundreds of queues each object touched per message is a likely cache miss: docs/PERFORMANCE.md,
 * "Locality"). The counters written per message come first, on the queue object's first cache line;
 * maxReady, also read per message, comes last, next to the queue's own fields read per message.
 */
export class QueueCounters {
  received = 0;
  delivered = 0;
  acked = 0;
  intervalIn = 0;
  intervalOut = 0;
  /** basic.nack / basic.reject by a consumer (A1.4); SQS: a consumer's failure, not deleted. */
  nacked = 0;
  redelivered = 0;
  /**
   * Dead-lettered out of this queue, or dropped for a dead-letter reason without a target: one count on the hot path;
   * the report tells the two apart (reportFields), by whether the queue has a dead-letter target.
   */
  deadLettered = 0;
  expired = 0;
  /** Dropped by the length limit (drop-head) or refused at it (reject-publish). */
  overflowed = 0;
  rejectedPublishes = 0;
  /** SQS deletes that delete nothing: an earlier receive's receipt, a FIFO receipt expired, a message gone (A2.1, A2.3). */
  staleDeletes = 0;
  emptyPolls = 0;
  /** Publishes refused for want of permission (accessRefused). */
  refusedPublish = 0;
  /** Subscriptions and polls refused for want of permission. */
  refusedConsume = 0;
  /** SQS FIFO duplicate sends: accepted, not delivered (A2.3). */
  deduplicated = 0;
  /** SQS FIFO sends without a group id or a deduplication id (A2.3). */
  invalidPublish = 0;
  /** Channels closed because a delivery stayed unacked past the consumer timeout (A1.4). */
  consumerTimedOut = 0;
  /** Queue wait (enqueue → delivery) of the messages delivered in the current sample interval. */
  readonly intervalWait = new IntervalLatency();
  maxReady = 0;
  // Off the path of a message processed: last, so that it shifts none of the fields every message touches.
  /**
   * Unacked deliveries the queue took back because their channel closed (A1.4 automatic requeue: a consumer's
   * crash or going offline, the consumer timeout, the queue's broker going down, a dead link noticed): no
   * consumer nacked them, so they are not in `nacked`.
   */
  requeuedOnChannelClose = 0;
  /**
   * SQS standard queue: deletes that arrived after their receive's visibility timeout and still deleted the message,
   * nobody having received it since (A2.1; in `acked` too). Reported by SQS standard queues only.
   */
  lateDeletes = 0;

  /**
   * The counters in a queue's report. `dead-letters`: whether it has a dead-letter target. A1.4/A1.9: a message
   * rejected, expired or over a limit is dead-lettered when the queue has a target, otherwise discarded: counted as
   * `deadLettered` or as `discarded`, never as both.
   */
  reportFields(deadLetters: boolean): Record<string, number> {
    return {
      in: this.received, out: this.delivered, acked: this.acked, nacked: this.nacked, redelivered: this.redelivered,
      requeuedOnChannelClose: this.requeuedOnChannelClose,
      deadLettered: deadLetters ? this.deadLettered : 0, discarded: deadLetters ? 0 : this.deadLettered, expired: this.expired, dropped: this.overflowed, rejectedPublishes: this.rejectedPublishes,
      maxReady: this.maxReady, emptyPolls: this.emptyPolls, staleDeletes: this.staleDeletes,
      refusedPublish: this.refusedPublish, refusedConsume: this.refusedConsume, deduplicated: this.deduplicated, invalidPublish: this.invalidPublish,
      consumerTimeouts: this.consumerTimedOut,
    };
  }

  /** Live figures (LIVE layout) with the queue's current ready and unacked counts. */
  writeLiveCounts(out: Float64Array, o: number, ready: number, unacked: number, available: boolean): void {
    out[o + LIVE.in] = this.received; out[o + LIVE.out] = this.delivered; out[o + LIVE.acked] = this.acked;
    out[o + LIVE.nacked] = this.nacked; out[o + LIVE.redelivered] = this.redelivered; out[o + LIVE.dropped] = this.overflowed;
    out[o + LIVE.ready] = ready; out[o + LIVE.unacked] = unacked;
    out[o + LIVE.deadLettered] = this.deadLettered; out[o + LIVE.expired] = this.expired;
    out[o + LIVE.offline] = available ? 0 : 1;
  }

  /** One time-series sample (SAMPLE layout); starts the next interval. */
  writeSampleCounts(out: Float64Array, o: number, intervalMs: number, ready: number, unacked: number): void {
    out[o + SAMPLE.inPerSec] = (this.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.ready] = ready;
    out[o + SAMPLE.unacked] = unacked;
    this.intervalWait.write(out, o);
    this.intervalIn = 0; this.intervalOut = 0;
  }
}
