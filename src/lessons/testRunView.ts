import type { Snapshot } from '../engine/api';
import type { RunView } from './evaluate';
import type { Peaks } from './peaks';

const NO_LATENCY = { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };

/** A small hand-made run for unit tests of checks: figures are set by the test, not by the engine. */
export function testSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    seed: 1, timeMs: 10_000, events: 0,
    messages: { produced: 100, published: 100, routedCopies: 0, forwarded: 0, retried: 0, acked: 90, queued: 6, inFlight: 2, deadLettered: 0, dropped: 2, droppedByReason: { linkLoss: 2 } },
    latencyMs: NO_LATENCY, queueWaitMs: NO_LATENCY,
    nodes: {
      orders: { kind: 'queue', ready: 6, unacked: 2, in: 100, refusedPublish: 0 },
      client: { kind: 'requester', sent: 40, timeouts: 3, pending: 1, rttMs: { count: 36, mean: 12, p50: 10, p95: 30, p99: 40, max: 55 } },
    },
    ...overrides,
  };
}

export function testView(overrides: { finished?: boolean; snapshot?: Partial<Snapshot>; peaks?: Peaks } = {}): RunView {
  const snapshot = testSnapshot(overrides.snapshot);
  return { finished: overrides.finished ?? false, timeMs: snapshot.timeMs, snapshot, peaks: overrides.peaks ?? { orders: { ready: 30 } } };
}
