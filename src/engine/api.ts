/**
 * The engine's public types: what `createSimulation` returns and what a report holds.
 * The CLI, the worker and tests depend on these; the UI may import them as types only.
 */
import type { Fault, Scenario } from '../schema';

export interface SimulationOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /**
   * Take time-series samples for charts (default true). Sampling only observes: it changes no
   * figure of the run, and sample events are not counted in `events`. The CLI turns it off.
   */
  sampling?: boolean;
  /** Record each message's trail of nodes for the message inspector (default false; costs memory). */
  tracing?: boolean;
  /**
   * Keep the delivery-guarantee audit (default true). It remembers every message id a consumer
   * processed, so memory grows with the run: benchmarks turn it off.
   */
  audit?: boolean;
  /**
   * The most message ids the audit remembers (entries over all its tables, about 8–13 bytes each). Past it the
   * audit stops following messages and its report says when (`Audit.stoppedAtMs`): every figure in it but the
   * faults is then as of that time. Default: no limit (the CLI); the browser's worker sets one, so a long run
   * at full speed cannot exhaust the tab's memory.
   */
  auditIdLimit?: number;
}

/** Errors are values: a code and a sentence. */
export interface EngineError { code: string; message: string }

export interface RunResult {
  /** Events processed by this call. */
  events: number;
  /** False when stopped early by `maxEvents` or an error. */
  reached: boolean;
  error?: EngineError;
}

export interface LatencySummary { count: number; mean: number; p50: number; p95: number; p99: number; max: number }

/**
 * Why a message left the system without being acked. The dead-letter reasons (rejected, expired, maxlen,
 * delivery_limit; semantics.md A1.9) are drops only when the queue has no dead-letter target.
 */
export type DropReason =
  | 'unroutable' // no binding matched, no alternate exchange, not mandatory (A1.1.7)
  | 'returned' // unroutable and mandatory: basic.return to the publisher (A1.1.7)
  | 'filtered' // refused by a filter or by every subscription's filter policy (A2.5, EIP Message Filter)
  | 'lostAfterAutoAck' // auto-ack: acked on delivery, then processing failed or the consumer went away (A1.4)
  | 'rejected' // nack/reject with requeue=false and no dead-letter target (A1.4, A1.9)
  | 'expired' // TTL or SQS retention ran out (A1.7, A2.1)
  | 'maxlen' // dropped by a length limit (A1.8)
  | 'rejectPublish' // refused at the length limit by reject-publish; the publisher gets a nack (A1.8)
  | 'delivery_limit' // returned more often than a quorum queue's delivery-limit (A1.10)
  | 'deadLetterCycle' // came back to a queue it was dead-lettered from with no rejection in the cycle (A1.9)
  | 'subscriberOffline' // pushed to a subscriber that was offline (non-persistent subscription)
  | 'linkLoss' // lost on a link with a loss fault
  | 'partition' // sent along a partitioned link
  | 'nodeDown' // sent to a crashed node, or to a queue with no leader (no majority, election under way)
  | 'transientOnRestart' // a transient message, or a non-durable queue, lost when its broker went down (A1.12)
  | 'unreplicatedOnFailover' // not yet copied to the replica that took over (async mirror; unconfirmed quorum write)
  | 'producerCrash' // waiting in a crashed producer's outbox
  | 'lateReply' // a reply that came after its request timed out or its aggregate completed (EIP Correlation Identifier, A4)
  | 'unmatchedReply' // a reply whose correlation id matches no request: the Invalid Message Channel (A4)
  | 'deduplicated' // SQS FIFO: a send with a deduplication id seen within the window, accepted but not delivered (A2.3)
  | 'invalidFifoPublish' // SQS FIFO: a send without a MessageGroupId, or without a deduplication id on a queue without content-based dedup, fails (A2.3)
  | 'accessRefused' // publish or consume without permission: RabbitMQ closes the channel with 403 ACCESS_REFUSED
  | 'corrupt' // its checksum did not match: rejected, not processed, with no dead-letter target
  | 'callFailed'; // a synchronous call that failed or timed out: the caller's request is lost with it

export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit' | 'maxReceiveCount';

/** One entry of a message's death history (RabbitMQ x-death, A1.9; SQS redrive, A2.2). */
export interface Death {
  queue: string;
  reason: DeathReason;
  count: number;
  /** When it first died this way, simulated ms. */
  timeMs: number;
  exchange: string;
  routingKeys: string[];
  originalExpirationMs?: number;
}

/** Where a message has been: one entry per node it passed, newest last (kept when tracing is on). */
export interface Hop { node: string; atMs: number; event: string }

/** Which way along an edge: `forward` source → target, or `back` target → source (a direct call's reply, A4). */
export type EdgeDirection = 'forward' | 'back';

/** A message as the message inspector shows it. */
export interface MessageView {
  id: number;
  routingKey: string;
  headers: Record<string, string | number | boolean>;
  priority: number | null;
  sizeBytes: number;
  persistent: boolean;
  poison: boolean;
  redelivered: boolean;
  deliveryCount: number;
  receiveCount: number;
  publishedAtMs: number;
  enqueuedAtMs: number;
  expiresAtMs: number | null;
  deaths: Death[];
  trail: Hop[];
  /** Where the message is now: ready, unacked/in flight, invisible (SQS). */
  state: string;
  /** The client that published it (permissions), its Return Address and Correlation Identifier (A4; -1: none), FIFO group and deduplication ids (A2.3), link damage. */
  publisher?: string;
  replyTo?: string;
  correlationId?: number;
  groupId?: string;
  dedupId?: string;
  corrupt?: boolean;
}

export interface MessageTotals {
  /** Every message copy that existed: published + routedCopies + forwarded + retried. */
  produced: number;
  /** Published by producers. */
  published: number;
  /** Extra copies made when one publish was routed to several queues. */
  routedCopies: number;
  /** New messages published on by consumers that forward their results. */
  forwarded: number;
  /** Copies a publisher sent again when a confirm did not come in time (duplicates of the same id). */
  retried: number;
  acked: number;
  queued: number;
  inFlight: number;
  deadLettered: number;
  dropped: number;
  droppedByReason: Partial<Record<DropReason, number>>;
}

/** A node's figures in a report: its kind plus counters that depend on the kind. */
export type NodeReport = { kind: string } & Record<string, number | string | LatencySummary | Record<string, number>>;

/** Which delivery guarantee a consumer's run achieved (faults issue). */
export type Guarantee = 'exactly-once' | 'at-least-once' | 'at-most-once' | 'none';

export interface ConsumerAudit {
  /** Distinct messages it processed successfully. */
  processed: number;
  /**
   * Messages it processed that were processed more than once, by it or by a competing consumer of the
   * same queues (each counted once).
   */
  duplicates: number;
  /** Duplicates an idempotent consumer recognised and skipped. */
  skippedDuplicates: number;
  /** Messages lost on their way to it or in it (at the consumer or at the queues it reads). */
  lost: number;
  /** Messages that arrived after a later message of the same producer and ordering key. */
  outOfOrder: number;
  guarantee: Guarantee;
}

/**
 * EIP Competing Consumers (A4): consumers that read the same queues compete for one stream of messages, so what is
 * lost or processed twice is the group's. Each member's own row (ConsumerAudit) charges it with every loss at the
 * shared queues, which overstates a group's losses when added up; this is the group's figure, each message once.
 */
export interface CompetingAudit {
  /** The competing consumers, in the scenario's order of nodes. */
  consumers: string[];
  /** The queues they all read. */
  queues: string[];
  /** Distinct messages processed successfully by any of them. */
  processed: number;
  /** Distinct messages processed more than once among them. */
  duplicates: number;
  /** Distinct messages lost on their way to the group (at its queues or at a member) and processed by none. */
  lost: number;
  guarantee: Guarantee;
}

/**
 * A fault as the audit records it when it starts. `endMs`: the end its duration sets (null: none, until the end of the
 * run; a poison burst and a heal end where they start).
 */
export interface AuditFault {
  atMs: number; endMs: number | null; target: string; type: string;
  /** A heal's: the type of fault it ended. */
  of?: string;
  /** Triggered live in the app: at its instant it started after the scheduled starts and the ends (PRIORITY.liveFault). */
  live?: true;
  /**
   * When a heal ended it before its own end (before `endMs`, or at all when `endMs` is null): its real end. Equal to
   * `atMs` when it was healed at the instant it started (Crash, then Restart, in a paused run): it lasted 0 ms.
   */
  healedAtMs?: number;
}

/** The delivery-guarantee audit: what became of every message (faults issue). */
export interface Audit {
  produced: number;
  /** Distinct messages delivered to a consumer exactly once / more than once. */
  deliveredOnce: number;
  deliveredMoreThanOnce: number;
  /** Distinct messages processed more than once by the consumers of one queue (competing consumers count together). */
  duplicates: number;
  /**
   * Message copies dropped without being processed: the drops, less those that are no loss (deduplicated sends, late
   * and unmatched replies) and those whose message the consumers it was on its way to processed (droppedAfterProcessing).
   */
  lost: number;
  lostByReason: Partial<Record<DropReason, number>>;
  /**
   * Copies dropped (in the run's dropped figures) whose message was processed by the consumers they were on their way
   * to, before or after: e.g. a requeued copy lost on a restart after the first delivery was processed (A1.4).
   */
  droppedAfterProcessing: number;
  deadLettered: number;
  outOfOrder: number;
  consumers: Record<string, ConsumerAudit>;
  /** Groups of two or more consumers reading the same queues (Competing Consumers), each loss counted once. */
  competing: CompetingAudit[];
  /** The faults that happened, in the order they started, for marking the charts. */
  faults: AuditFault[];
  /**
   * Present when the audit reached its memory limit (`SimulationOptions.auditIdLimit`): the simulated time it
   * stopped following messages. Every figure above is as of then; `faults` goes on to the end.
   */
  stoppedAtMs?: number;
  /** With `stoppedAtMs`: how many message ids it remembered when it stopped, and its limit. */
  idsRemembered?: number;
  idLimit?: number;
}

export interface Snapshot {
  seed: number;
  /** Simulated time reached, in ms. */
  timeMs: number;
  events: number;
  messages: MessageTotals;
  /** End to end: publish by the producer → ack (or processing done, under auto-ack). */
  latencyMs: LatencySummary;
  /** Time spent waiting ready in queues, enqueue → delivery. */
  queueWaitMs: LatencySummary;
  nodes: Record<string, NodeReport>;
  /** Present unless the run was created with `audit: false`. */
  audit?: Audit;
}

/**
 * Live figures per node, in one flat Float64Array. Some fields mean a kind's own figure: on a producer
 * `ready` is messages waiting for the confirm window and `unacked` those awaiting a confirm; on a filter
 * `nacked` is messages sent to its invalid channel; `offline` is a crashed or unavailable node (a consumer
 * offline, a queue without a leader, a broker down); `failed` is a consumer's processing failures (failed, poison
 * included, and rejected for a bad checksum), not what it lost to a crash or an offline window (in `dropped`).
 *
 * Live figures per node, in one flat Float64Array (stride LIVE_FIELDS.length, in scenario node order),
 * cheap to copy into a worker frame 30 times a second.
 */
export const LIVE_FIELDS = ['in', 'out', 'acked', 'nacked', 'redelivered', 'dropped', 'ready', 'unacked', 'busy', 'capacity', 'deadLettered', 'expired', 'offline', 'failed'] as const;
export type LiveField = (typeof LIVE_FIELDS)[number];

/** Per-node time-series fields sampled every `metrics.sampleIntervalMs` of simulated time. */
export const SAMPLE_FIELDS = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'] as const;
export type SampleField = (typeof SAMPLE_FIELDS)[number];

export interface MetricSample {
  /** Simulated time at the end of the interval, ms. */
  tMs: number;
  /** nodeCount × SAMPLE_FIELDS.length values; latency fields are NaN when nothing completed in the interval. */
  nodes: Float64Array;
  /** Whole-system values over the interval: messages/s published and acked, end-to-end latency percentiles (ms). */
  publishedPerSec: number;
  ackedPerSec: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  /** Simulated time, ms. */
  now(): number;
  /** Total events processed. */
  events(): number;
  /** Time of the next event, or Infinity when none is pending. */
  nextEventTime(): number;
  /** Processes exactly one event. */
  step(): RunResult;
  /** Processes every event at or before `tMs` (at most `maxEvents`), then sets the clock to `tMs`. */
  runUntil(tMs: number, maxEvents?: number): RunResult;
  snapshot(): Snapshot;
  /** Writes live figures into `out` (length nodeIds.length × LIVE_FIELDS.length). */
  writeLive(out: Float64Array): void;
  /**
   * Writes the cumulative number of messages that entered each edge into `out` (length edgeIds.length),
   * source → target only: replies sent back along an edge are not in it (see writeEdgeBackTraffic).
   */
  writeEdgeTraffic(out: Float64Array): void;
  /**
   * Writes the cumulative number of messages sent back along each edge, target → source, into `out`
   * (length edgeIds.length): the replies of direct calls on a push edge (A4 Return Address); 0 elsewhere.
   */
  writeEdgeBackTraffic(out: Float64Array): void;
  /**
   * Writes the cumulative number of messages each edge's link failed to carry, either way (a partition, a lossy
   * link), into `out` (length edgeIds.length): what the canvas's "lost" badge on an edge counts.
   */
  writeEdgeLost(out: Float64Array): void;
  /** Samples taken since the last call. */
  takeSamples(): MetricSample[];
  /**
   * The messages a node holds, up to `limit`, head first; null for an unknown node. A queue lists its
   * ready messages (and an SQS queue its invisible in-flight ones); unacked RabbitMQ deliveries are held,
   * and listed, by the consumer that has them.
   */
  inspectNode(nodeId: string, limit?: number): MessageView[] | null;
  /**
   * The message that last went along an edge (tracing on), or null (none yet, or an unknown edge):
   * `forward` (the default), the last that entered it source → target; `back`, the last reply sent back
   * target → source (a direct call's, A4 Return Address). Its `state` says which: "last sent along e1",
   * "last request sent along e1" (a direct call's request), "last reply sent back along e1".
   */
  inspectEdge(edgeId: string, direction?: EdgeDirection): MessageView | null;
  /**
   * Applies a fault now (a live fault from the app): `atMs` is taken as now. Returns the fault as it
   * should be recorded in the scenario's timeline to replay the run exactly, or an error.
   */
  injectFault(fault: Fault): { ok: true; recorded: Fault } | { ok: false; error: EngineError };
}
