import { describe, expect, it } from 'vitest';
import type { MetricSample, SampleField } from '../../engine/api';
import { MAX_POINTS, MAX_QUEUE_LINES, SYSTEM_LATENCY, downsample, isolatedPoints, latencyPlan, latencyRows, queueDepthRows, queueSeriesPlan, throughputRows, windowed } from './chartSeries';

const FIELDS: SampleField[] = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'];
const nodeIds = ['p', 'q1', 'q2'];

/** Node i's field f in sample at time t is i*100 + f + t/1000. */
function sample(tMs: number): MetricSample {
  const nodes = new Float64Array(nodeIds.length * FIELDS.length);
  for (let i = 0; i < nodeIds.length; i++) for (let f = 0; f < FIELDS.length; f++) nodes[i * FIELDS.length + f] = i * 100 + f + tMs / 1000;
  return { tMs, nodes, publishedPerSec: 10, ackedPerSec: 9, p50: tMs === 500 ? NaN : 1, p95: 2, p99: 3 };
}
const samples = [250, 500, 750, 1000].map(sample);
const ctx = { samples, nodeIds, sampleFields: FIELDS };

describe('chart series', () => {
  it('windows by simulated time ending at the newest sample', () => {
    const long = Array.from({ length: 200 }, (_, i) => sample((i + 1) * 1000));
    expect(windowed(long, '30s').map((s) => s.tMs)[0]).toBe(170_000);
    expect(windowed(long, '2m')).toHaveLength(121);
    expect(windowed(long, 'all')).toHaveLength(200);
    expect(windowed([], '30s')).toEqual([]);
  });

  it('downsamples to at most MAX_POINTS, evenly, keeping the ends', () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => i);
    const out = downsample(rows);
    expect(out).toHaveLength(MAX_POINTS);
    expect(out[0]).toBe(0);
    expect(out.at(-1)).toBe(10_000);
    expect(downsample([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('shows system throughput when nothing is selected', () => {
    expect(throughputRows(ctx, [], 'all')[0]).toEqual({ t: 0.25, in: 10, out: 9 });
  });

  it('sums in/out over the selected nodes', () => {
    const row = throughputRows(ctx, ['p', 'q2', 'unknown'], 'all')[0]!;
    expect(row.in).toBeCloseTo((0 + 0.25) + (200 + 0.25));
    expect(row.out).toBeCloseTo((1 + 0.25) + (201 + 0.25));
  });

  it('leaves latency gaps (null) where nothing completed', () => {
    const rows = latencyRows(ctx, 'all');
    expect(rows[1]).toEqual({ t: 0.5, p50: null, p95: 2, p99: 3 });
    expect(rows[0]?.p50).toBe(1);
  });

  const nameOf = (kind: string, f: string) => `${f} of a ${kind}`;
  const kinds = [{ id: 'p', kind: 'producer' }, { id: 'q1', kind: 'queue' }, { id: 'q2', kind: 'queue' }];

  it('draws the system latency when no selected node measures one', () => {
    expect(latencyPlan([], nameOf)).toBe(SYSTEM_LATENCY);
    expect(latencyPlan([kinds[0]!], nameOf)).toBe(SYSTEM_LATENCY); // a producer completes nothing
    expect(latencyPlan([], nameOf).title).toBe('End-to-end latency');
  });

  it('draws one selected node\'s p50, p95 and p99 from its own samples', () => {
    const plan = latencyPlan([kinds[0]!, kinds[2]!], nameOf);
    expect(plan.title).toBe('Latency, selected nodes');
    expect(plan.series.map((l) => l.label)).toEqual(['q2 p50 of a queue', 'q2 p95 of a queue', 'q2 p99 of a queue']);
    const row = latencyRows(ctx, 'all', plan)[0]!;
    // Node 2's fields p50..p99 are 200 + 5..7 + t.
    expect(Object.values(row).slice(1)).toEqual([205.25, 206.25, 207.25]);
  });

  it('draws several selected nodes\' p95, one line each labelled with the node id', () => {
    const plan = latencyPlan(kinds, nameOf);
    expect(plan.title).toBe('Latency, selected nodes (p95)');
    expect(plan.series.map((l) => l.label)).toEqual(['q1', 'q2']);
    const rows = latencyRows(ctx, 'all', plan);
    expect(rows.map((r) => plan.series.map((l) => r[l.key]))).toEqual(samples.map((s) => [106 + s.tMs / 1000, 206 + s.tMs / 1000]));
  });

  it('leaves a gap where a node completed nothing, and no line for a node the run does not know', () => {
    const idle = samples.map((s, k) => ({ ...s, nodes: s.nodes.map((v, j) => (k === 1 && j === FIELDS.length + 6 ? NaN : v)) }));
    const plan = latencyPlan([...kinds, { id: 'new', kind: 'consumer' }], nameOf);
    const rows = latencyRows({ ...ctx, samples: idle }, 'all', plan);
    const [q1, , added] = plan.series.map((l) => l.key);
    expect(rows.map((r) => r[q1!])).toEqual([106.25, null, 106.75, 107]);
    expect(rows.every((r) => r[added!] === null)).toBe(true);
  });

  it('draws one ready/unacked pair per queue, or sums when there are many', () => {
    const rows = queueDepthRows(ctx, ['q1', 'q2'], 'all');
    expect(rows[0]).toMatchObject({ 'q1:ready': 102.25, 'q1:unacked': 103.25, 'q2:ready': 202.25 });
    const many = Array.from({ length: MAX_QUEUE_LINES + 1 }, (_, i) => `q${i}`);
    expect(queueSeriesPlan(['q1', 'q2']).series.map((s) => s.queue)).toEqual(['q1', 'q1', 'q2', 'q2']);
    expect(queueSeriesPlan(many).series.map((s) => s.key)).toEqual(['all:ready', 'all:unacked']);
    expect(queueSeriesPlan(many).series.every((s) => s.queue === undefined)).toBe(true);
    const ctxMany = { ...ctx, nodeIds: ['q0', 'q1', 'q2'] };
    const summed = queueDepthRows(ctxMany, many, 'all')[0]!;
    expect(summed['all:ready']).toBeCloseTo(2.25 + 102.25 + 202.25);
  });

  it('finds the readings with no reading either side, which a line alone would not draw', () => {
    const rows = [{ t: 0, p50: 5 }, { t: 1, p50: 6 }, { t: 2, p50: null }, { t: 3, p50: 7 }, { t: 4, p50: null }, { t: 5, p50: 8 }];
    expect([...isolatedPoints(rows, 'p50')]).toEqual([3, 5]);
    expect(isolatedPoints(rows, 'p99').size).toBe(0);
  });
});
