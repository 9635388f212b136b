import type { Scenario } from '../../schema';
import type { DropReason } from '../api';
import type { AuditLog } from '../audit';
import type { NodeModel } from './node';
import type { Accounting } from '../metrics/accounting';
import type { LatencyRegistry } from '../metrics/latencyHistogram';
import type { Random } from '../random/prng';
import type { EdgeRuntime } from './edge';
import type { Message } from './message';
import type { MessagePool } from './messagePool';
import type { HopEvents } from './trail';

/**
 * Event priorities at equal times: lower runs first. Faults start and end after every other event of their instant.
 * Among them, the starts of scheduled faults run first, then the ends (so a fault that ends as another of its type
 * starts on its target leaves no gap: one union), then the starts of faults triggered live: a live fault is injected
 * after runUntil(t) or a step has run what it reached at t, and this order lets a recorded timeline replay exactly.
 */
export const PRIORITY = { normal: 10, fault: 20, faultEnd: 21, liveFault: 22, sample: 500 } as const;

/** What a node may do to the world: read the clock, schedule, send, draw randomness, count. */
export interface SimContext {
  readonly scenario: Scenario;
  readonly seed: number;
  now(): number;
  /** Schedules `handle(type, payload, arg)` on node `nodeIndex` after `delayMs`. */
  schedule(delayMs: number, nodeIndex: number, type: number, payload: unknown, arg: number): void;
  /** Sends a message along an edge: at once when the edge has no delay, else after it. */
  send(edge: EdgeRuntime, message: Message): void;
  /**
   * Sends a message back along an edge, to its source: the reply to a direct call (a push edge) on the
   * call's own connection. The link's delay and faults apply as for send().
   */
  sendBack(edge: EdgeRuntime, message: Message): void;
  /** A seeded stream for this node and purpose. */
  random(nodeId: string, purpose: string): Random;
  nextMessageId(): number;
  /** Where new messages come from, and settled ones go back to (messagePool.ts). */
  readonly messages: MessagePool;
  readonly accounting: Accounting;
  /** System-wide latency, made of the nodes' own histograms: end to end, and queue wait. */
  readonly endToEnd: LatencyRegistry;
  readonly queueWait: LatencyRegistry;
  /** Publish → confirm, for producers with publisher confirms (A1.6). */
  readonly confirmLatency: LatencyRegistry;
  /** Record each message's trail of nodes (for the message inspector). */
  readonly tracing: boolean;
  /** The events of those trails, numbered (trail.ts). */
  readonly hopEvents: HopEvents;
  /** Latency samples of messages first published before this time are left out (warm-up). */
  readonly warmupMs: number;
  /** The delivery-guarantee audit, or null when off. */
  readonly audit: AuditLog | null;
  /** A node by id (brokers find what they host). */
  nodeById(id: string): NodeModel | undefined;
  /**
   * A consumer's ack or nack of `message`, delivered along `edge`, was lost on the partitioned link: the queue never
   * hears it, and takes the delivery back once it notices the dead channel, as a delivery lost on that link (A1.4).
   */
  settlementLost(message: Message, edge: EdgeRuntime): void;
  /** A message lost for `reason` at node `nodeIndex`: counted, and its publisher's confirm nacked. */
  lose(message: Message, reason: DropReason, nodeIndex: number): void;
  /**
   * A message that arrived along `edge` at node `nodeIndex` is lost for `reason`: the node is down, or (an exchange) the
   * publisher has no write permission, which closes its channel with 403. A publish sent along its publisher's own
   * connection gets no confirm then: it fails as a connection or channel error, not a nack (A1.6).
   */
  loseWithoutConfirm(message: Message, edge: EdgeRuntime, reason: 'nodeDown' | 'accessRefused', nodeIndex: number): void;
  /** A message was copied by a publisher's retry: counted as produced. */
  countRetry(): void;
  /** A message was acked `latencyMs` after its chain began: feeds the charts' latency series. */
  sampleLatency(latencyMs: number): void;
  /**
   * Whether the charts' time series are kept (a sampler runs). Nodes test this before feeding their
   * per-interval latency, so a run without charts (the CLI, benchmarks) touches none of those objects.
   */
  readonly sampling: boolean;
}
