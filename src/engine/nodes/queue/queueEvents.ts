/**
 * The timers a queue schedules: the event types QueueModel.handle() dispatches on. One numbering for the
 * queue and the helpers that schedule on its behalf (expiry), so that no two share a type.
 */
export const EV_EXPIRE = 1;
export const EV_DISK_WRITTEN = 2;
export const EV_VISIBILITY = 3;
export const EV_POLL_TIMEOUT = 4;
export const EV_ELECTION = 5;
export const EV_CONSUMER_TIMEOUT = 6;
/** A2.1: an SQS message behind the head reached the end of its retention period (sqsRetention.ts). */
export const EV_RETENTION = 7;
/** A consumer's ack or nack reached the queue along a link with a delay (settlementsInFlight.ts). */
export const EV_SETTLEMENT = 8;
/** A1.4: a subscription's link has been partitioned for LINK_RETURN_MS: the broker closes its channel (deadLinks.ts). */
export const EV_LINK_DEAD = 9;
/** A2.1: a consumer's DeleteMessage reached an SQS queue along a link with a delay (sqsInFlight.ts). */
export const EV_DELETE = 10;
/** A2.1: an SQS message in flight reached the end of its retention period before its visibility timeout (sqsInFlight.ts). */
export const EV_RETENTION_IN_FLIGHT = 11;
