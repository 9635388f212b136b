/** What a queue counts, for reports, live figures and samples. */
export class QueueCounters {
  received = 0;
  delivered = 0;
  acked = 0;
  nacked = 0;
  redelivered = 0;
  /** Dead-lettered out of this queue, or dropped for a dead-letter reason without a target. */
  deadLettered = 0;
  expired = 0;
  /** Dropped by the length limit (drop-head) or refused at it (reject-publish). */
  overflowed = 0;
  rejectedPublishes = 0;
  /** SQS deletes with a stale receipt, which delete nothing. */
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
  maxReady = 0;
  intervalIn = 0;
  intervalOut = 0;
}
