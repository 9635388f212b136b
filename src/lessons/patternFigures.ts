/**
 * The figures of a requester's, an aggregator's, a responder's and a queue's or exchange's report that the
 * app's Summary and the CLI's text summary both show as a table. One list per table, so both show the same
 * figures under the same names and a new figure is added once. Here because the UI and the CLI may both
 * import src/lessons (docs/ARCHITECTURE.md).
 */

/** One column of a pattern table. */
export interface PatternFigure {
  /** The report field, `field` or `field.key` as `reportFigure` reads it: what a lesson's `node` check names. */
  field: string;
  /** The column header, short; a time says its unit. */
  label: string;
  /** What it counts, in words: the Summary's tooltip. */
  explanation: string;
  /**
   * A loss, a fault's mark or a refusal: a column only when some row's figure is above 0, as the loss
   * columns of the CLI's node table, so a plain run's table stays short. Only counts that never go down,
   * so a live table gains the column once and keeps it.
   */
  onlyAbove0?: true;
}

/** A column, from its field, label and explanation. */
export const patternFigure = (field: string, label: string, explanation: string): PatternFigure => ({ field, label, explanation });

/** A column shown only when some row's figure is above 0 (see `onlyAbove0`). */
export const lossFigure = (field: string, label: string, explanation: string): PatternFigure => ({ ...patternFigure(field, label, explanation), onlyAbove0: true });

const ROUND_TRIP = 'Round trip, request sent → answered, ms';

/** EIP Request-Reply (A4). */
export const REQUESTER_FIGURES: readonly PatternFigure[] = [
  patternFigure('mode', 'mode', 'sync: one request outstanding, the next after a reply or timeout; async: requests at their arrival rate'),
  patternFigure('sent', 'sent', 'Requests sent'),
  patternFigure('answered', 'answered', 'Requests that got all their expected replies in time'),
  patternFigure('timeouts', 'timeouts', 'Requests whose replies did not all come within the timeout'),
  lossFigure('abandoned', 'abandoned', 'Requests awaiting replies when the requester crashed: forgotten, neither answered nor timed out'),
  patternFigure('late', 'late', 'Replies after their request timed out: discarded (A4)'),
  lossFigure('unmatched', 'unmatched', 'Replies whose correlation id matches no request (A4)'),
  lossFigure('errors', 'errors', 'Error replies (a failed synchronous call downstream)'),
  lossFigure('corruptReplies', 'corrupt', 'Replies whose checksum did not match: discarded unmatched, so their request times out'),
  patternFigure('pending', 'pending', 'Requests awaiting replies now'),
  patternFigure('waiting', 'waiting', 'async: requests due but not sent yet, as maxOutstanding requests already await replies'),
  lossFigure('unsent', 'unsent', 'async: requests still waiting to be sent when the requester crashed: forgotten, never sent'),
  patternFigure('repliesPerRequest', 'replies/req', 'Mean replies per answered or timed-out request'),
  patternFigure('rttMs.p50', 'RTT p50 (ms)', ROUND_TRIP),
  patternFigure('rttMs.p95', 'RTT p95 (ms)', ROUND_TRIP),
  patternFigure('rttMs.p99', 'RTT p99 (ms)', ROUND_TRIP),
];

/** EIP Aggregator: completed by size, by an inactivity timeout or by a good-enough reply. */
export const AGGREGATOR_FIGURES: readonly PatternFigure[] = [
  patternFigure('in', 'replies in', 'Replies taken'),
  patternFigure('out', 'aggregates', 'Aggregates sent on'),
  patternFigure('open', 'open', 'Groups waiting to complete'),
  patternFigure('completedBySize', 'by size', 'Groups completed when the completion size was reached'),
  patternFigure('completedByTimeout', 'by timeout', 'Groups completed by the inactivity timeout, with what had come'),
  patternFigure('completedByGoodEnough', 'good enough', 'Groups completed early by a good-enough reply'),
  patternFigure('late', 'late', 'Replies after their group completed: discarded'),
  lossFigure('unmatched', 'unmatched', 'Replies without a correlation id: discarded (A4 Invalid Message Channel)'),
  lossFigure('droppedWhileDown', 'dropped while down', 'Replies that reached the aggregator while it was down: lost'),
  patternFigure('meanSize', 'mean size', 'Mean replies per aggregate'),
];

/** A4 Return Address and a responder's synchronous calls; a consumer's checksum check (integrity). */
export const RESPONDER_FIGURES: readonly PatternFigure[] = [
  patternFigure('replies', 'replies', 'Replies sent to Return Addresses (A4)'),
  patternFigure('calls', 'calls', 'Synchronous calls made downstream'),
  lossFigure('callTimeouts', 'call timeouts', 'Calls whose reply did not come in time: the message failed'),
  lossFigure('callErrors', 'call errors', 'Calls answered with an error: the message failed'),
  lossFigure('corruptRejected', 'corrupt rejected', 'Damaged messages its checksum check rejected'),
  lossFigure('corruptProcessed', 'corrupt processed', 'Damaged messages processed as if sound (no checksum check)'),
];

/** SQS FIFO deduplication (A2.3) at queues, permissions at queues and exchanges. */
export const ACCESS_FIGURES: readonly PatternFigure[] = [
  lossFigure('deduplicated', 'deduplicated', 'SQS FIFO sends with a deduplication id seen within the window (A2.3)'),
  lossFigure('invalidPublish', 'invalid FIFO sends', 'SQS FIFO sends without a group id or deduplication id (A2.3)'),
  lossFigure('refusedPublish', 'refused publish', 'Publishes refused for permission (403 ACCESS_REFUSED)'),
  lossFigure('refusedConsume', 'refused consume', 'Consumes refused for permission (403 ACCESS_REFUSED)'),
  lossFigure('refused', 'refused', 'Publishes to the exchange refused for permission (403 ACCESS_REFUSED)'),
];
