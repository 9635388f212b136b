import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS, type MetricSample } from '../engine/api';
import { updatePeaks, type Peaks } from './peaks';

/** A sample whose per-node values are given by field name; the rest are 0. */
function sample(perNode: Partial<Record<(typeof SAMPLE_FIELDS)[number], number>>[]): MetricSample {
  const nodes = new Float64Array(perNode.length * SAMPLE_FIELDS.length);
  perNode.forEach((values, i) => {
    for (const [field, v] of Object.entries(values)) nodes[i * SAMPLE_FIELDS.length + SAMPLE_FIELDS.indexOf(field as never)] = v;
  });
  return { tMs: 0, nodes, publishedPerSec: 0, ackedPerSec: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN };
}

describe('updatePeaks', () => {
  it('keeps each node\'s maximum of each figure, over samples and calls', () => {
    const peaks: Peaks = {};
    updatePeaks(peaks, [sample([{ ready: 5, busy: 1 }, { inPerSec: 20 }]), sample([{ ready: 12 }, { inPerSec: 10 }])], ['q', 'c']);
    updatePeaks(peaks, [sample([{ ready: 7, unacked: 3 }, { outPerSec: 4 }])], ['q', 'c']);
    expect(peaks.q).toEqual({ ready: 12, unacked: 3, busy: 1, inPerSec: 0, outPerSec: 0 });
    expect(peaks.c).toEqual({ ready: 0, unacked: 0, busy: 0, inPerSec: 20, outPerSec: 4 });
  });

  it('reads the engine\'s layout: a value at the ready offset is ready, not another figure', () => {
    const peaks = updatePeaks({}, [sample([{ ready: 9, p99: 1000 }])], ['q']);
    expect(peaks.q?.ready).toBe(9);
    expect(Object.values(peaks.q ?? {})).not.toContain(1000);
  });

  it('skips NaN, and no samples leave the peaks as they were', () => {
    const s = sample([{ ready: 4 }]);
    s.nodes[SAMPLE_FIELDS.indexOf('busy')] = Number.NaN;
    const peaks = updatePeaks({}, [s], ['q']);
    expect(peaks.q).toEqual({ ready: 4, unacked: 0, inPerSec: 0, outPerSec: 0 });
    expect(updatePeaks(peaks, [], ['q'])).toEqual({ q: { ready: 4, unacked: 0, inPerSec: 0, outPerSec: 0 } });
  });
});
