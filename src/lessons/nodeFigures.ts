/**
 * The fields of a node's report as the app's Summary and the CLI's text summary name them: a short column
 * header and what the figure counts. One list, so both show the same figure under the same name; a report
 * field missing here still shows, under its own name spelled out in words. Here because the UI and the CLI
 * may both import src/lessons (docs/ARCHITECTURE.md).
 */
import { ACCESS_FIGURES, AGGREGATOR_FIGURES, patternFigure as figure, REQUESTER_FIGURES, RESPONDER_FIGURES, type PatternFigure } from './patternFigures';

/** One report field: its header and its explanation (the Summary's tooltip). */
export type NodeFigure = PatternFigure;

/** Fields that say which variant of its kind a node is ("queue (classic)"): shown right after the kind. */
export const KIND_DETAIL_FIGURES: readonly NodeFigure[] = [
  figure('type', 'type', 'Exchange type: direct, fanout, topic or headers (A1.1)'),
  figure('flavor', 'flavor', 'Queue flavor: RabbitMQ classic or quorum, or SQS'),
  figure('ackMode', 'ack mode', 'manual: acked after processing; auto: acked on delivery, lost if processing fails (A1.4)'),
];

/** The counters most nodes have, in the order a message passes them: the CLI's node table. */
export const COUNTER_FIGURES: readonly NodeFigure[] = [
  figure('in', 'in', 'Messages that arrived at the node'),
  figure('out', 'out', 'Messages it sent on: delivered, routed, published or forwarded'),
  figure('acked', 'acked', 'Settled successfully: acked (A1.4), or deleted (SQS, A2.1)'),
  figure('nacked', 'nacked', 'Settled as failed: nacked or rejected by the consumer (A1.4; not a closed channel\'s returns, see requeued on channel close); on a producer, publishes the broker nacked (A1.6)'),
  figure('redelivered', 'redeliv', 'Deliveries of a message that had been delivered before, flagged redelivered (A1.4)'),
  figure('dropped', 'dropped', 'Messages dropped here; the Messages table gives every reason'),
  figure('ready', 'ready', 'Messages waiting in the queue now'),
  figure('maxReady', 'max ready', 'The most messages waiting at once during the run'),
  figure('unacked', 'unacked', 'Delivered and not settled yet (on SQS: received and not deleted, invisible)'),
  figure('busy', 'busy', 'Processing slots in use now'),
  figure('buffered', 'buffered', 'Delivered and waiting for a free processing slot'),
  figure('utilisation', 'util', 'Share of the slots\' time spent processing'),
];

/**
 * Losses to faults (and a consumer's failed acks), in groups shown together (the point is to tell them apart). The
 * two outage figures read alike but differ in who answers for the loss: the broker, or a publisher told nothing (A1.6, A1.13).
 */
export const LOSS_FIGURE_GROUPS: readonly (readonly NodeFigure[])[] = [
  [
    figure('lostOnOutage', 'lost on outage', 'Lost when the queue or its leader went down, though confirmed to the publisher or published without confirms: nobody will send them again (A1.12, A1.13)'),
    figure('lostBeforeConfirm', 'lost unconfirmed', 'Lost when the queue\'s leader went down before the queue confirmed them: the publisher was never told they were safe; it times out and may send them again (A1.6, A1.13)'),
  ],
  [
    // A queue's: no loss, but a fault's mark (the deliveries come again), shown only when some queue had one; apart from
    // `nacked`, which a consumer's basic.nack/reject counts (A1.4).
    figure('requeuedOnChannelClose', 'requeued on close', 'Unacked deliveries the broker requeued because their channel closed (A1.4: the consumer crashed or went offline, the consumer timeout, the queue\'s broker went down, a dead link noticed): no consumer nacked them'),
  ],
  [
    // A queue's and a consumer's: no loss, but a fault's marks (a duplicate), shown only when some node had one. The queue
    // closed a channel for the consumer timeout (A1.4); the consumer's ack then found it closed.
    figure('consumerTimeouts', 'consumer timeouts', 'Channels it closed because a consumer held a delivery unacked past the consumer timeout (A1.4, 30 min by default): their deliveries were requeued'),
    figure('settlementsLost', 'acks lost on link', 'Acks and nacks it sent while the link from its queue was partitioned: the broker never got them, and requeued those deliveries once it noticed the dead channel (A1.4), so what it had processed is processed again'),
    figure('ackFailed', 'ack failed', 'Processed, but its ack found its channel closed (its queue\'s broker crashed, its leader failed over, or the queue\'s consumer timeout closed it, A1.4): the broker requeued it, so it is processed again'),
  ],
  [
    figure('lostGroups', 'lost groups', 'Open groups lost when the aggregator went down'),
    figure('lostReplies', 'lost replies', 'Replies held in those groups, lost with them'),
  ],
];

const latency = (field: string, label: string, what: string): NodeFigure[] =>
  (['count', 'mean', 'p50', 'p95', 'p99', 'max'] as const).map((k) => figure(`${field}.${k}`, `${label} ${k}${k === 'count' ? '' : ' (ms)'}`, what));

/** Every other field, grouped by the kinds that have it. */
const OTHER_FIGURES: readonly NodeFigure[] = [
  // Queues
  figure('deadLettered', 'dead-lettered', 'Messages it dead-lettered (A1.9) or redrove to its dead-letter queue (A2.2)'),
  figure('discarded', 'discarded', 'Rejected, expired or over a limit with no dead-letter target: dropped, not dead-lettered (A1.4, A1.9); the Messages table gives each reason'),
  figure('expired', 'expired', 'Removed when their TTL or the SQS retention period ran out (A1.7, A2.1)'),
  figure('rejectedPublishes', 'rejected publishes', 'Publishes refused at the length limit: reject-publish (A1.8)'),
  figure('consumers', 'consumers', 'Consumers subscribed to it'),
  figure('available', 'available', '1 while it can take and hand out messages: its broker is up and, if replicated, it has a leader (A1.13)'),
  figure('held', 'held', 'Publishes waiting for a leader: a quorum queue with none (an election, or no majority) holds them, unconfirmed, and takes them in order once one is elected (A1.13)'),
  figure('replication', 'replication', 'quorum: Raft over the replicas (A1.13); mirror: a classic queue copied to its mirrors asynchronously (not RabbitMQ\'s ha-mode mirroring)'),
  figure('leader', 'leader', 'The broker leading it now (A1.13)'),
  figure('staleDeletes', 'stale deletes', 'SQS deletes that deleted nothing: made with the receipt of an earlier receive (someone received the message since), on a FIFO queue after the visibility timeout (the receipt expired), or after retention deleted the message (A2.1, A2.3)'),
  figure('lateDeletes', 'late deletes', 'SQS standard queue: deletes that came after the visibility timeout yet deleted the message, as nobody had received it since (their receipt was still the latest, A2.1); counted in acked too'),
  // Deduplication and permissions, as their table names them (an exchange's and a filter's `refused` below)
  ...ACCESS_FIGURES.filter((f) => f.field !== 'refused'),
  ...latency('queueWaitMs', 'wait', 'Queue wait, enqueue → delivery'),
  // Consumers
  figure('delivery', 'delivery', 'push: the queue delivers (basic.consume); pull: the consumer polls (basic.get, SQS ReceiveMessage)'),
  figure('concurrency', 'slots', 'Parallel processing slots'),
  figure('failed', 'failed', 'Messages whose processing failed (poison messages always fail)'),
  figure('duplicates', 'duplicates', 'Processed, but its SQS delete deleted nothing (see the queue\'s stale deletes): someone received the message after its visibility timeout, or its FIFO receipt had expired, so it comes again; or retention had deleted it (A2.1, A2.3)'),
  figure('online', 'online', '1 while the consumer is online'),
  figure('polls', 'polls', 'Polls made (pull consumers)'),
  figure('emptyPolls', 'empty polls', 'Polls answered with nothing'),
  // Replies, calls and checksums, as the responders' table names them
  ...RESPONDER_FIGURES,
  figure('callReplies', 'call replies', 'Replies to its calls that came in time'),
  ...latency('latencyMs', 'latency', 'End to end, publish → ack, of what it acked'),
  // Producers
  figure('confirmed', 'confirmed', 'Publishes the broker confirmed (A1.6)'),
  figure('connectionFailures', 'connection failures', 'Publishes sent to a node that was down: no broker got them, so none acked or nacked them (A1.6); the client failed them as its connection was dead'),
  figure('unconfirmed', 'unconfirmed', 'Publishes waiting for their confirm now (A1.6)'),
  figure('waiting', 'waiting', 'Held back until a slot opens: publishes waiting for the confirm window (producer), requests due but not sent (requester)'),
  figure('retries', 'retries', 'Publishes sent again after a nack or a confirm timeout'),
  figure('timeouts', 'timeouts', 'Confirms (producer) or replies (requester) that did not come in time'),
  figure('lateConfirms', 'late confirms', 'Confirms after the publisher had given up on them'),
  figure('down', 'down', '1 while the node is crashed'),
  ...latency('confirmMs', 'confirm', 'Publish → confirm (A1.6)'),
  // Exchanges, filters, routers
  figure('toAlternate', 'to alternate', 'Unroutable messages passed to the alternate exchange (A1.1.7)'),
  figure('refused', 'refused', 'Publishes refused for want of write permission (exchange), or messages the filter refused'),
  figure('toInvalid', 'to invalid channel', 'Refused messages sent to the Invalid Message Channel (A4)'),
  figure('mode', 'mode', 'How a router picks its outputs, or a requester sends (sync: one request at a time)'),
  figure('strategy', 'strategy', 'How an aggregator completes a group'),
  // Requesters and aggregators: the figures both kinds have, in words for both; the rest as their tables name them
  figure('late', 'late', 'Replies after their request timed out or their group completed: discarded (A4)'),
  figure('unmatched', 'unmatched', 'Replies whose correlation id matches no request or group (A4)'),
  ...REQUESTER_FIGURES.filter((f) => !f.field.startsWith('rttMs.')),
  ...latency('rttMs', 'RTT', 'Round trip, request sent → answered'),
  ...AGGREGATOR_FIGURES.filter((f) => f.field !== 'in' && f.field !== 'out'),
  // Brokers
  figure('up', 'up', '1 while the broker is up'),
  figure('hosts', 'hosts', 'Queues and exchanges it hosts'),
  figure('crashes', 'crashes', 'Times it went down'),
  figure('downMs', 'down (ms)', 'Time spent down'),
];

/**
 * By field, in table order. A field several kinds report with their own meaning (in, out, mode, timeouts,
 * late, unmatched, waiting, refused) is listed before the pattern tables' entries and keeps its wording for all.
 */
const FIGURES: ReadonlyMap<string, NodeFigure> = (() => {
  const listed = [{ field: 'kind', label: 'kind', explanation: 'The node kind' }, ...KIND_DETAIL_FIGURES, ...COUNTER_FIGURES, ...LOSS_FIGURE_GROUPS.flat(), ...OTHER_FIGURES];
  const byField = new Map<string, NodeFigure>();
  for (const f of listed) if (!byField.has(f.field)) byField.set(f.field, f);
  return byField;
})();

/** Each field's place in the tables: its position in FIGURES; fields not there come after all of them. */
const RANK: ReadonlyMap<string, number> = new Map([...FIGURES.keys()].map((f, i) => [f, i]));

/** An exchange's drop counts by reason, as the tables flatten them. */
const DROPPED_BY_REASON = 'droppedByReason.';

/** "someField" → "some field"; "someRecord.key" → "some record: key". */
function spelledOut(field: string): string {
  const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  const [head, ...rest] = field.split('.');
  return rest.length === 0 ? words(head!) : `${words(head!)}: ${rest.join('.')}`;
}

/** Whether `field` has its own entry (a name and an explanation) rather than its spelled-out name. */
export function isNamedNodeField(field: string): boolean {
  return FIGURES.has(field) || field.startsWith(DROPPED_BY_REASON);
}

/** The figure of a report field: its entry above, a drop reason (an exchange's), or its own name spelled out. */
export function nodeFigure(field: string): NodeFigure {
  const named = FIGURES.get(field);
  if (named) return named;
  if (field.startsWith(DROPPED_BY_REASON)) {
    const reason = field.slice(DROPPED_BY_REASON.length);
    return { field, label: `dropped: ${reason}`, explanation: `Messages dropped here as ${reason}; the Messages table says what that means` };
  }
  return { field, label: spelledOut(field), explanation: field };
}

/** Report fields in the order the tables show them: kind, its details, the counters, the losses, the rest as listed, then the unknown ones. */
export function nodeFieldOrder(fields: Iterable<string>): string[] {
  const order = (f: string) => RANK.get(f) ?? RANK.size;
  return [...new Set(fields)].sort((a, b) => order(a) - order(b) || (order(a) === RANK.size ? a.localeCompare(b) : 0));
}
