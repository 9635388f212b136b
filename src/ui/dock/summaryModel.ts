/**
 * What the Summary tab shows, as plain data: the CLI report's totals, the balance check,
 * latency, and every node's counters flattened to columns (grouped by kind in nodeGroups.ts). Pure; tested without React.
 */
import type { DropReason, LatencySummary, MessageTotals, NodeReport } from '../../engine/api';

export type TotalKey = Exclude<keyof MessageTotals, 'droppedByReason'>;

/** The CLI's order and words. */
export const TOTAL_ROWS: { key: TotalKey; label: string }[] = [
  { key: 'produced', label: 'produced (all copies)' },
  { key: 'published', label: 'published' },
  { key: 'routedCopies', label: 'routed copies' },
  { key: 'forwarded', label: 'forwarded' },
  { key: 'retried', label: 'retried (publisher resends)' },
  { key: 'acked', label: 'acked (all copies)' },
  { key: 'queued', label: 'queued' },
  { key: 'inFlight', label: 'in flight' },
  { key: 'deadLettered', label: 'in dead-letter queues' },
  { key: 'dropped', label: 'dropped' },
];

/** Why messages were dropped, in words (every engine DropReason: a missing one is a type error); an unknown reason is shown as it is. */
export const DROP_REASONS: Record<string, string> = {
  unroutable: 'no binding matched, no alternate exchange (A1.1.7)',
  returned: 'unroutable and mandatory: returned to the publisher (A1.1.7)',
  filtered: 'refused by a filter or by every filter policy (A2.5)',
  lostAfterAutoAck: 'acked on delivery, then processing failed or the consumer went away holding it (A1.4)',
  rejected: 'rejected with no dead-letter target (A1.4, A1.9)',
  expired: 'TTL or SQS retention ran out (A1.7, A2.1)',
  maxlen: 'over a length limit (A1.8)',
  rejectPublish: 'refused at the length limit: reject-publish (A1.8)',
  delivery_limit: "over a quorum queue's delivery-limit (A1.10)",
  deadLetterCycle: 'dead-letter cycle with no rejection (A1.9)',
  subscriberOffline: 'pushed to an offline subscriber',
  linkLoss: 'lost on a link with a loss fault',
  partition: 'sent along a partitioned link',
  nodeDown: 'sent to a down node, or dead-lettered to a queue with no leader (a publish to a quorum queue with no leader is held instead)',
  transientOnRestart: 'transient message or non-durable queue lost when its broker went down (A1.12)',
  unreplicatedOnFailover: 'not yet on the replica that took over: a write no quorum held yet, or one the async mirrors had not copied (A1.13)',
  producerCrash: "waiting in a crashed producer's outbox",
  lateReply: 'a reply after its request timed out or its aggregate completed (A4 Correlation Identifier)',
  unmatchedReply: 'a reply matching no request: Invalid Message Channel (A4)',
  deduplicated: 'SQS FIFO: a deduplication id seen within the window, accepted but not delivered (A2.3)',
  invalidFifoPublish: 'SQS FIFO: sent without a MessageGroupId or a deduplication id (A2.3)',
  accessRefused: 'published or consumed without permission: 403 ACCESS_REFUSED',
  corrupt: 'damaged on a link: its checksum did not match, rejected unprocessed',
  callFailed: "a synchronous call failed or timed out: the caller's request is lost with it",
} satisfies Record<DropReason, string>;

export const LATENCY_KEYS = ['count', 'mean', 'p50', 'p95', 'p99', 'max'] as const satisfies readonly (keyof LatencySummary)[];

export interface Balance {
  /** produced = published + routedCopies + forwarded + retried */
  sourcesOk: boolean;
  /** produced = acked + queued + inFlight + deadLettered + dropped */
  outcomesOk: boolean;
  /** dropped = sum of droppedByReason */
  dropsOk: boolean;
  accounted: number;
}

export function balance(m: MessageTotals): Balance {
  const accounted = m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped;
  const byReason = Object.values(m.droppedByReason).reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    sourcesOk: m.produced === m.published + m.routedCopies + m.forwarded + (m.retried ?? 0),
    outcomesOk: m.produced === accounted,
    dropsOk: m.dropped === byReason,
    accounted,
  };
}

const isLatency = (v: unknown): v is LatencySummary =>
  typeof v === 'object' && v !== null && LATENCY_KEYS.every((k) => k in v);

/** A node's report as flat columns: `latencyMs.p99`, `droppedByReason.unroutable`, … */
export function flattenNode(node: NodeReport): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'number' || typeof value === 'string') out[key] = value;
    else if (isLatency(value)) for (const k of LATENCY_KEYS) out[`${key}.${k}`] = value[k];
    else for (const [sub, v] of Object.entries(value)) out[`${key}.${sub}`] = v;
  }
  return out;
}

// One formatter made once: toLocaleString builds a new one per call, which cost ~200 ms of main thread a
// second in the Summary tab at 200 nodes (docs/PERFORMANCE.md).
const integers = new Intl.NumberFormat('en-US');
const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Numbers as people read them; exact values go in data-value attributes for tests. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '—';
  return Number.isInteger(v) ? integers.format(v) : decimals.format(v);
}
