/**
 * The typed, versioned messages between the UI and the simulation worker.
 * Bump PROTOCOL_VERSION on any incompatible change; both ends check it.
 * 4: frames carry `edgeBackTraffic` (replies sent back along call edges), and `edgeTraffic` no longer counts them.
 * 5: inspectEdge is answered by `inspectedEdge`, the last message each way along the edge (a direct call's
 *    request and its reply apart); `inspected` answers inspectNode only.
 * 6: pause and step carry a `requestId` and are answered by `paused` with the simulated time the run stopped at
 *    (the UI's last frame may be older: frames are coalesced, and a running frame may still be on its way).
 * 7: frames carry `edgeLost`, the messages each edge's link failed to carry (partition, link loss).
 */
import type { EngineError, MessageView, MetricSample, Snapshot } from '../engine/api';
import type { Fault, Scenario } from '../schema';

export const PROTOCOL_VERSION = 7;

/** The most messages one inspectNode answer holds. */
export const MAX_INSPECT = 200;

/** Wall-clock pacing: simulated ms per real ms, or as fast as possible. */
export type Speed = number | 'max';
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 1000;

export type ToWorker =
  /**
   * `auditIdLimit`: the most message ids the run's audit may remember (SimulationOptions.auditIdLimit); without it the
   * worker's own limit applies. The page passes one only when its address asks for it (`?auditIdLimit=`, for tests).
   */
  | { v: typeof PROTOCOL_VERSION; type: 'load'; scenario: Scenario; seed: number; auditIdLimit?: number }
  | { v: typeof PROTOCOL_VERSION; type: 'play' }
  /** Stops the run where it is; answered by `paused` (also when it had already stopped). */
  | { v: typeof PROTOCOL_VERSION; type: 'pause'; requestId: number }
  /** Runs the next event (or to the end of the run) and stops; answered by `paused`. */
  | { v: typeof PROTOCOL_VERSION; type: 'step'; requestId: number }
  | { v: typeof PROTOCOL_VERSION; type: 'reset' }
  | { v: typeof PROTOCOL_VERSION; type: 'setSpeed'; speed: Speed }
  /** The messages a node holds, head first (a queue's ready and unacked ones); answered by `inspected`. */
  | { v: typeof PROTOCOL_VERSION; type: 'inspectNode'; requestId: number; nodeId: string; limit: number }
  /** What an edge last carried each way; answered by `inspectedEdge`. */
  | { v: typeof PROTOCOL_VERSION; type: 'inspectEdge'; requestId: number; edgeId: string }
  /**
   * A live fault, now (the engine takes `atMs` as its clock); answered by `faultInjected` with the fault to
   * record in the document's timeline so that a replay is exact, or by `faultRefused`.
   */
  | { v: typeof PROTOCOL_VERSION; type: 'injectFault'; requestId: number; fault: Fault };

/** The answer to injectFault: the fault as it happened (atMs = the simulated time, live = true). */
export interface FaultInjectedMessage { v: typeof PROTOCOL_VERSION; type: 'faultInjected'; requestId: number; recorded: Fault }
/** injectFault refused (bad target or parameters, nothing loaded); the run goes on. */
export interface FaultRefusedMessage { v: typeof PROTOCOL_VERSION; type: 'faultRefused'; requestId: number; error: EngineError }

/**
 * The answer to pause and step, after the frame that shows the stopped run: where the run stopped. The UI's log
 * records Pause and Step at this time, not at its last frame's, which may be older.
 */
export interface PausedMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'paused';
  requestId: number;
  /** Simulated time the run stopped at, ms. */
  timeMs: number;
  events: number;
}

/** The answer to inspectNode. `found` is false when nothing is loaded or the id is unknown. */
export interface InspectedMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'inspected';
  requestId: number;
  found: boolean;
  /** Simulated time the answer describes, ms. */
  timeMs: number;
  messages: MessageView[];
}

/**
 * The answer to inspectEdge: the last message each way along the edge (kept apart so that a direct call's
 * request and reply are each shown for what they are). `found` is false when nothing is loaded or the id is unknown.
 */
export interface InspectedEdgeMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'inspectedEdge';
  requestId: number;
  found: boolean;
  /** Simulated time the answer describes, ms. */
  timeMs: number;
  /** The last message that entered it, source → target (on a direct call's edge, the last request); null: none yet. */
  forward: MessageView | null;
  /** The last reply sent back along it, target → source (a direct call's, A4 Return Address); null on other edges. */
  back: MessageView | null;
}

export interface LoadedMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'loaded';
  seed: number;
  durationMs: number;
  nodeIds: string[];
  edgeIds: string[];
  liveFields: readonly string[];
  sampleFields: readonly string[];
}

/** About 30 per second while running; one after every step, pause or reset. */
export interface FrameMessage {
  v: typeof PROTOCOL_VERSION;
  type: 'frame';
  timeMs: number;
  events: number;
  running: boolean;
  finished: boolean;
  /** nodeIds.length × liveFields.length. */
  live: Float64Array;
  /** Cumulative messages that entered each edge source → target, edgeIds order. */
  edgeTraffic: Float64Array;
  /**
   * Cumulative messages sent back along each edge, target → source, edgeIds order: the replies of direct
   * calls on push edges (A4 Return Address), which the canvas draws going backwards. 0 on other edges.
   */
  edgeBackTraffic: Float64Array;
  /** Cumulative messages each edge's link failed to carry, either way (a partition, a lossy link), edgeIds order. */
  edgeLost: Float64Array;
  samples: MetricSample[];
  /** The full report, sent a few times a second and on pause/finish. */
  snapshot?: Snapshot;
}

export type FromWorker =
  | LoadedMessage
  | FrameMessage
  | PausedMessage
  | InspectedMessage
  | InspectedEdgeMessage
  | FaultInjectedMessage
  | FaultRefusedMessage
  | { v: typeof PROTOCOL_VERSION; type: 'error'; error: EngineError };

/** A message without its version tag, distributed over the union (what senders write; the transport adds `v`). */
export type Untagged<T> = T extends unknown ? Omit<T, 'v'> : never;

export function isFromWorker(data: unknown): data is FromWorker {
  return typeof data === 'object' && data !== null && (data as { v?: unknown }).v === PROTOCOL_VERSION
    && typeof (data as { type?: unknown }).type === 'string';
}
