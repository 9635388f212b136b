import type { Audit, LatencySummary, MessageTotals, NodeReport, Snapshot } from '../engine';

/** The `--json` report. Built field by field so the key order is fixed whatever order the engine used. */
export interface Report {
  scenario: string;
  seed: number;
  simulatedSeconds: number;
  events: number;
  messages: MessageTotals;
  latencyMs: LatencySummary;
  queueWaitMs: LatencySummary;
  nodes: Record<string, NodeReport>;
  /** The delivery-guarantee audit (the faults issue). */
  audit?: Audit;
}

/** Node fields that lead, in this order; the rest follow alphabetically. */
const LEADING_NODE_FIELDS = ['kind', 'type', 'flavor', 'ackMode', 'in', 'out', 'acked', 'nacked', 'redelivered', 'dropped'];

const sortedRecord = (r: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]!]));

export function latency(s: LatencySummary): LatencySummary {
  return { count: s.count, mean: s.mean, p50: s.p50, p95: s.p95, p99: s.p99, max: s.max };
}

const isLatency = (v: unknown): v is LatencySummary =>
  typeof v === 'object' && v !== null && ['count', 'mean', 'p50', 'p95', 'p99', 'max'].every((k) => k in v);

function nodeFieldOrder(keys: string[]): string[] {
  const leading = LEADING_NODE_FIELDS.filter((k) => keys.includes(k));
  return [...leading, ...keys.filter((k) => !LEADING_NODE_FIELDS.includes(k)).sort()];
}

export function nodeReport(node: NodeReport): NodeReport {
  const out: Record<string, unknown> = {};
  for (const key of nodeFieldOrder(Object.keys(node))) {
    const value = node[key];
    out[key] = typeof value === 'object' && value !== null ? (isLatency(value) ? latency(value) : sortedRecord(value as Record<string, number>)) : value;
  }
  return out as NodeReport;
}

export function messages(m: MessageTotals): MessageTotals {
  return {
    produced: m.produced, published: m.published, routedCopies: m.routedCopies, forwarded: m.forwarded, retried: m.retried,
    acked: m.acked, queued: m.queued, inFlight: m.inFlight, deadLettered: m.deadLettered, dropped: m.dropped,
    droppedByReason: sortedRecord(m.droppedByReason as Record<string, number>),
  };
}

/** Nodes keep the scenario's order (the snapshot's), which is how a person reads the topology. */
export function buildReport(snapshot: Snapshot, scenarioName: string): Report {
  return {
    scenario: scenarioName,
    seed: snapshot.seed,
    simulatedSeconds: snapshot.timeMs / 1000,
    events: snapshot.events,
    messages: messages(snapshot.messages),
    latencyMs: latency(snapshot.latencyMs),
    queueWaitMs: latency(snapshot.queueWaitMs),
    nodes: Object.fromEntries(Object.entries(snapshot.nodes).map(([id, node]) => [id, nodeReport(node)])),
    ...(snapshot.audit ? { audit: audit(snapshot.audit) } : {}),
  };
}

/** The audit with a fixed key order. */
export function audit(a: Audit): Audit {
  return {
    produced: a.produced, deliveredOnce: a.deliveredOnce, deliveredMoreThanOnce: a.deliveredMoreThanOnce,
    duplicates: a.duplicates, lost: a.lost, lostByReason: sortedRecord(a.lostByReason as Record<string, number>), droppedAfterProcessing: a.droppedAfterProcessing,
    deadLettered: a.deadLettered, outOfOrder: a.outOfOrder,
    consumers: Object.fromEntries(Object.entries(a.consumers).map(([id, c]) => [id, {
      processed: c.processed, duplicates: c.duplicates, skippedDuplicates: c.skippedDuplicates, lost: c.lost, outOfOrder: c.outOfOrder, guarantee: c.guarantee,
    }])),
    competing: a.competing.map((g) => ({
      consumers: [...g.consumers], queues: [...g.queues], processed: g.processed, duplicates: g.duplicates, lost: g.lost, guarantee: g.guarantee,
    })),
    faults: a.faults.map((f) => ({
      atMs: f.atMs, endMs: f.endMs, target: f.target, type: f.type, ...(f.of !== undefined ? { of: f.of } : {}), ...(f.healedAtMs !== undefined ? { healedAtMs: f.healedAtMs } : {}),
    })),
  };
}

/** The terminal states a message copy can end in (or still be in); they must add up to `produced`. */
export function accountedFor(m: MessageTotals): number {
  return m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped;
}

/** The JSON text, indented for people. NaN (no samples yet) becomes null, as JSON has no NaN. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
