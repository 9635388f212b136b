/**
 * What a sampled node figure means on each kind, in words a class understands. The engine writes the same
 * SAMPLE fields for every kind (src/engine/api.ts), but a kind gives some its own meaning: an aggregator's
 * `ready` is its open groups, a requester's `unacked` its pending requests. Charts name the figure with this,
 * never with the raw field name.
 */
import type { SampleField } from '../engine/api';
import type { NodeKind } from '../schema';

export interface FigureName {
  /** What is counted or measured, e.g. "open groups", "p95 round trip". */
  name: string;
  /** Its unit, e.g. "groups", "ms", "msg/s". */
  unit: string;
}

const PERCENTILES = { p50: 'p50', p95: 'p95', p99: 'p99' } as const;

/** The meaning when a kind gives a field none of its own. */
const GENERIC: Record<SampleField, FigureName> = {
  inPerSec: { name: 'in', unit: 'msg/s' },
  outPerSec: { name: 'out', unit: 'msg/s' },
  ready: { name: 'ready', unit: 'messages' },
  unacked: { name: 'unacked', unit: 'messages' },
  busy: { name: 'busy', unit: 'slots' },
  p50: { name: 'p50 latency', unit: 'ms' },
  p95: { name: 'p95 latency', unit: 'ms' },
  p99: { name: 'p99 latency', unit: 'ms' },
};

/** Each kind's own meanings (its writeLive/writeSample in src/engine/nodes). */
const BY_KIND: Partial<Record<NodeKind, Partial<Record<SampleField, FigureName>>>> = {
  queue: {
    inPerSec: { name: 'enqueued', unit: 'msg/s' },
    outPerSec: { name: 'delivered', unit: 'msg/s' },
    ready: { name: 'ready messages', unit: 'messages' },
    // A1.4: delivered to a consumer, not yet acknowledged.
    unacked: { name: 'unacked messages', unit: 'messages' },
  },
  consumer: {
    inPerSec: { name: 'received', unit: 'msg/s' },
    outPerSec: { name: 'forwarded', unit: 'msg/s' },
    unacked: { name: 'held messages', unit: 'messages' },
    busy: { name: 'busy slots', unit: 'slots' },
  },
  producer: {
    outPerSec: { name: 'published', unit: 'msg/s' },
    // A1.6 publisher confirms: waiting for the confirm window, then awaiting the broker's confirm.
    ready: { name: 'waiting to publish', unit: 'messages' },
    unacked: { name: 'awaiting confirm', unit: 'messages' },
  },
  exchange: { inPerSec: { name: 'published in', unit: 'msg/s' }, outPerSec: { name: 'routed', unit: 'msg/s' } },
  requester: {
    // A4 Request-Reply: requests out, replies in; a request is pending until answered or timed out.
    inPerSec: { name: 'replies received', unit: 'msg/s' },
    outPerSec: { name: 'requests sent', unit: 'msg/s' },
    unacked: { name: 'pending requests', unit: 'requests' },
  },
  aggregator: {
    // A4 Aggregator: replies taken in, aggregates sent out, groups still waiting to complete.
    inPerSec: { name: 'replies taken', unit: 'msg/s' },
    outPerSec: { name: 'aggregates sent', unit: 'msg/s' },
    ready: { name: 'open groups', unit: 'groups' },
  },
};

/**
 * The latency a kind samples (src/engine/metrics/intervalLatency.ts): a requester's round trip, a queue's
 * queue wait (enqueue → delivery), an aggregator's gathering (first reply → completion), otherwise end to end (publish → ack).
 */
function latencyName(kind: NodeKind | null, field: keyof typeof PERCENTILES): FigureName {
  const what = kind === 'requester' ? 'round trip' : kind === 'queue' ? 'queue wait' : kind === 'aggregator' ? 'gathering time' : 'latency';
  return { name: `${PERCENTILES[field]} ${what}`, unit: 'ms' };
}

/** The figure's name and unit on a node of `kind` (null: unknown node, the generic meaning). */
export function figureName(kind: NodeKind | null, field: SampleField): FigureName {
  if (field in PERCENTILES) return latencyName(kind, field as keyof typeof PERCENTILES);
  return (kind && BY_KIND[kind]?.[field]) || GENERIC[field];
}

/** "open groups (groups)" says the unit twice: the caption names the unit only when the name does not end with it. */
export function figureCaption(f: FigureName): string {
  return f.name.endsWith(f.unit) ? f.name : `${f.name} (${f.unit})`;
}
