import { describe, expect, it } from 'vitest';
import type { MetricSample, SampleField } from '../../engine/api';
import { presenterChart, timeFormat } from './presenterChart';

const FIELDS: SampleField[] = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'];
const nodeIds = ['p', 'q'];
/** Node i's field f at time t is i*100 + f + t/1000; p99 of q is NaN at 500 ms (nothing completed). */
function sample(tMs: number): MetricSample {
  const nodes = new Float64Array(nodeIds.length * FIELDS.length);
  for (let i = 0; i < nodeIds.length; i++) for (let f = 0; f < FIELDS.length; f++) nodes[i * FIELDS.length + f] = i * 100 + f + tMs / 1000;
  nodes[FIELDS.length + FIELDS.indexOf('p99')] = tMs === 500 ? NaN : 1;
  return { tMs, nodes, publishedPerSec: 10, ackedPerSec: 9, p50: 1, p95: 2, p99: 3 };
}
const ctx = { samples: [250, 500, 750].map(sample), nodeIds, sampleFields: FIELDS };

describe('presenter chart', () => {
  it('shows the lesson\'s node figure over the run', () => {
    const plan = presenterChart(ctx, { node: 'q', field: 'ready' });
    expect(plan.rows.map((r) => r.value)).toEqual([100 + FIELDS.indexOf('ready') + 0.25, 100 + FIELDS.indexOf('ready') + 0.5, 100 + FIELDS.indexOf('ready') + 0.75]);
    expect(plan.title).toContain('q');
    expect(plan.unit).toBe('messages');
  });

  it('names the figure as the node\'s kind means it, saying the unit once', () => {
    expect(presenterChart(ctx, { node: 'q', field: 'ready' }, 'aggregator')).toMatchObject({ title: 'q: open groups', unit: '' });
    expect(presenterChart(ctx, { node: 'q', field: 'unacked' }, 'requester').title).toBe('q: pending requests');
    expect(presenterChart(ctx, { node: 'q', field: 'p95' }, 'requester')).toMatchObject({ title: 'q: p95 round trip', unit: 'ms' });
  });

  it('leaves a gap where a latency figure has no value', () => {
    expect(presenterChart(ctx, { node: 'q', field: 'p99' }).rows.map((r) => r.value)).toEqual([1, null, 1]);
  });

  it('shows the system throughput without a lesson chart, and nothing for an unknown node', () => {
    const plan = presenterChart(ctx, null);
    expect(plan.rows.map((r) => [r.in, r.out])).toEqual([[10, 9], [10, 9], [10, 9]]);
    expect(presenterChart(ctx, { node: 'nope', field: 'ready' }).rows).toEqual([]);
  });

  it('labels the time axis with the decimals the run so far needs, so ticks differ', () => {
    const rows = (ts: number[]) => ts.map((t) => ({ t }));
    const short = timeFormat(rows([0.25, 0.5]));
    expect([0.3, 0.35, 0.4].map(short)).toEqual(['0.3s', '0.35s', '0.4s']);
    expect(timeFormat(rows([1, 10]))(2.25)).toBe('2.3s');
    expect(timeFormat(rows([1, 60]))(30.4)).toBe('30s');
  });
});
