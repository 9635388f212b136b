import type { MetricSample, SAMPLE_FIELDS } from '../engine/api';

/** The sampled figures a `peak` check may name. */
export const PEAK_FIELDS = ['ready', 'unacked', 'busy', 'inPerSec', 'outPerSec'] as const;
export type PeakField = (typeof PEAK_FIELDS)[number];

/** Per node id, the highest value each figure reached in the samples seen so far. */
export type Peaks = Record<string, Partial<Record<PeakField, number>>>;

/**
 * The engine's sample layout (SAMPLE_FIELDS in src/engine/api.ts), restated because the UI imports this
 * module and must not load engine code at runtime; the annotation makes tsc refuse any difference.
 */
const SAMPLE_LAYOUT: typeof SAMPLE_FIELDS = ['inPerSec', 'outPerSec', 'ready', 'unacked', 'busy', 'p50', 'p95', 'p99'];

/** Where each peak field sits within a node's stride of a sample. */
const OFFSETS = PEAK_FIELDS.map((field) => [field, SAMPLE_LAYOUT.indexOf(field)] as const);

/**
 * Folds time-series samples into per-node maxima, in place, and returns `peaks`. The CLI folds every
 * sample of a run, the UI the samples of each worker frame: both see the same samples, so they agree.
 * `nodeIds` is the simulation's node order (Simulation.nodeIds), which the samples follow.
 */
export function updatePeaks(peaks: Peaks, samples: readonly MetricSample[], nodeIds: readonly string[]): Peaks {
  const stride = SAMPLE_LAYOUT.length;
  for (const sample of samples) {
    for (let i = 0; i < nodeIds.length; i++) {
      const id = nodeIds[i]!;
      const node = (peaks[id] ??= {});
      for (const [field, offset] of OFFSETS) {
        const v = sample.nodes[i * stride + offset];
        // Latency fields are NaN in an empty interval; rates and counts are not, but stay safe.
        if (v === undefined || Number.isNaN(v)) continue;
        const before = node[field];
        if (before === undefined || v > before) node[field] = v;
      }
    }
  }
  return peaks;
}
