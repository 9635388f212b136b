import { describe, expect, it } from 'vitest';
import type { LiveField, MetricSample } from '../../engine/api';
import { PROTOCOL_VERSION, type FrameMessage, type LoadedMessage } from '../../protocol';
import { MAX_SAMPLES, MAX_SAMPLE_VALUES, MIN_SAMPLES, RATE_WINDOW_MS, appendSamples, reduceFrame, reduceLoaded, sampleBound } from './telemetryReducers';

/** Any field order works: the worker announces it. */
const LIVE_FIELDS: readonly LiveField[] = ['in', 'out', 'acked', 'ready'];
const loaded: LoadedMessage = {
  v: PROTOCOL_VERSION, type: 'loaded', seed: 1, durationMs: 10_000,
  nodeIds: ['a', 'b'], edgeIds: ['e1', 'e2'], liveFields: LIVE_FIELDS, sampleFields: [],
};
const stride = LIVE_FIELDS.length;
const idx = (f: LiveField) => LIVE_FIELDS.indexOf(f);

function frame(timeMs: number, live: Partial<Record<'a' | 'b', Partial<Record<LiveField, number>>>>, edges: [number, number], samples: MetricSample[] = [],
  back: [number, number] = [0, 0], lost: [number, number] = [0, 0]): FrameMessage {
  const arr = new Float64Array(2 * stride);
  (['a', 'b'] as const).forEach((id, i) => {
    for (const [f, v] of Object.entries(live[id] ?? {})) arr[i * stride + idx(f as LiveField)] = v;
  });
  return { v: PROTOCOL_VERSION, type: 'frame', timeMs, events: timeMs, running: true, finished: false, live: arr, edgeTraffic: Float64Array.from(edges), edgeBackTraffic: Float64Array.from(back), edgeLost: Float64Array.from(lost), samples };
}

const sample = (tMs: number): MetricSample => ({ tMs, nodes: new Float64Array(0), publishedPerSec: 0, ackedPerSec: 0, p50: 0, p95: 0, p99: 0 });

describe('telemetry reducers', () => {
  it('turns a frame into per-node records by field name', () => {
    const s = reduceFrame(reduceLoaded(loaded), frame(100, { a: { in: 5, acked: 3 }, b: { ready: 7 } }, [0, 0]));
    expect(s.nodeLive.a).toMatchObject({ in: 5, acked: 3, ready: 0 });
    expect(s.nodeLive.b).toMatchObject({ ready: 7, in: 0 });
    expect(s.timeMs).toBe(100);
  });

  it('keeps the same object for a node whose figures did not change', () => {
    const s1 = reduceFrame(reduceLoaded(loaded), frame(100, { a: { in: 5 }, b: { in: 1 } }, [0, 0]));
    const s2 = reduceFrame(s1, frame(200, { a: { in: 5 }, b: { in: 2 } }, [0, 0]));
    expect(s2.nodeLive.a).toBe(s1.nodeLive.a);
    expect(s2.nodeLive.b).not.toBe(s1.nodeLive.b);
    const s3 = reduceFrame(s2, frame(300, { a: { in: 5 }, b: { in: 2 } }, [0, 0]));
    expect(s3.nodeLive).toBe(s2.nodeLive);
  });

  it('keeps each edge\'s link losses, the same object until one changes', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(100, {}, [10, 0], [], [0, 0], [0, 0]));
    expect(s.edgeLost).toEqual({ e1: 0, e2: 0 });
    const before = s.edgeLost;
    s = reduceFrame(s, frame(200, {}, [20, 0], [], [0, 0], [0, 0]));
    expect(s.edgeLost).toBe(before);
    s = reduceFrame(s, frame(300, {}, [30, 0], [], [0, 0], [7, 0]));
    expect(s.edgeLost).toEqual({ e1: 7, e2: 0 });
  });

  it('computes edge rates per simulated second over at least RATE_WINDOW_MS', () => {
    let s = reduceLoaded(loaded);
    s = reduceFrame(s, frame(100, {}, [10, 0]));
    expect(s.edgeTraffic.e1).toEqual({ total: 10, ratePerSec: 0 }); // window not complete yet
    s = reduceFrame(s, frame(RATE_WINDOW_MS, {}, [50, 25]));
    expect(s.edgeTraffic.e1).toEqual({ total: 50, ratePerSec: 100 });
    expect(s.edgeTraffic.e2).toEqual({ total: 25, ratePerSec: 50 });
    const kept = s.edgeTraffic.e2;
    s = reduceFrame(s, frame(2 * RATE_WINDOW_MS, {}, [150, 25]));
    expect(s.edgeTraffic.e1?.ratePerSec).toBe(200);
    expect(s.edgeTraffic.e2?.ratePerSec).toBe(0); // stopped: at 25/s the last window would have held 12 (rateWindows.ts)
    expect(kept).toEqual({ total: 25, ratePerSec: 50 });
  });

  it('refreshes the shown rates only when asked, except for edges that start or stop flowing', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(RATE_WINDOW_MS, {}, [50, 0]), true);
    expect(s.edgeRates).toEqual({ e1: 100, e2: 0 });
    const shown = s.edgeRates;
    // e1 changes rate but is not refreshed; e2 starts flowing and shows at once.
    s = reduceFrame(s, frame(2 * RATE_WINDOW_MS, {}, [150, 5]), false);
    expect(s.edgeTraffic.e1?.ratePerSec).toBe(200);
    expect(s.edgeRates).toEqual({ e1: 100, e2: 10 });
    // Nothing starts or stops: the same object, so no edge re-renders.
    const before = s.edgeRates;
    s = reduceFrame(s, frame(3 * RATE_WINDOW_MS, {}, [300, 10]), false);
    expect(s.edgeRates).toBe(before);
    s = reduceFrame(s, frame(4 * RATE_WINDOW_MS, {}, [400, 15]), true);
    expect(s.edgeRates).toEqual({ e1: 200, e2: 10 });
    // Paused: every rate drops to 0 at once.
    s = reduceFrame(s, { ...frame(4 * RATE_WINDOW_MS + 1, {}, [400, 15]), running: false }, true);
    expect(s.edgeRates).toEqual({ e1: 0, e2: 0 });
    expect(shown).toEqual({ e1: 100, e2: 0 });
  });

  it('remembers the edges whose shown rate has been above 0 this run, the same object until one is new', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(100, {}, [10, 0]), true);
    expect(s.edgeWasBusy).toEqual({}); // carried, but no rate shown yet (the window is not complete)
    s = reduceFrame(s, frame(RATE_WINDOW_MS, {}, [50, 0]), true);
    expect(s.edgeWasBusy).toEqual({ e1: true });
    const before = s.edgeWasBusy;
    s = reduceFrame(s, { ...frame(RATE_WINDOW_MS + 10, {}, [50, 0]), running: false }, true);
    expect(s.edgeRates.e1).toBe(0);
    expect(s.edgeWasBusy).toBe(before); // idle, still remembered
    expect(reduceLoaded(loaded).edgeWasBusy).toEqual({}); // a new run forgets
  });

  it('shows no flow while the run is paused or finished, and restarts the window on play', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(RATE_WINDOW_MS, {}, [50, 5]));
    expect(s.edgeTraffic.e1?.ratePerSec).toBe(100);
    s = reduceFrame(s, { ...frame(RATE_WINDOW_MS + 10, {}, [51, 5]), running: false });
    expect(s.edgeTraffic.e1).toEqual({ total: 51, ratePerSec: 0 });
    s = reduceFrame(s, frame(2 * RATE_WINDOW_MS + 10, {}, [101, 5]));
    expect(s.edgeTraffic.e1?.ratePerSec).toBe(100);
  });

  it('keeps back traffic (replies sent back along a call edge) apart, with its own rates on the same windows', () => {
    let s = reduceLoaded(loaded);
    s = reduceFrame(s, frame(100, {}, [10, 0], [], [4, 0]));
    expect(s.edgeBackTraffic.e1).toEqual({ total: 4, ratePerSec: 0 }); // window not complete yet
    s = reduceFrame(s, frame(RATE_WINDOW_MS, {}, [50, 5], [], [20, 0]));
    expect(s.edgeTraffic.e1).toEqual({ total: 50, ratePerSec: 100 });
    expect(s.edgeBackTraffic.e1).toEqual({ total: 20, ratePerSec: 40 });
    expect(s.edgeBackTraffic.e2).toEqual({ total: 0, ratePerSec: 0 });
    expect(s.edgeBackRates).toEqual({ e1: 40, e2: 0 });
    expect(s.edgeRates).toEqual({ e1: 100, e2: 10 });
    const quiet = s.edgeBackTraffic;
    s = reduceFrame(s, frame(2 * RATE_WINDOW_MS, {}, [150, 10], [], [20, 0]));
    expect(s.edgeBackTraffic.e1).toEqual({ total: 20, ratePerSec: 0 });
    expect(s.edgeBackRates.e1).toBe(0);
    expect(quiet.e1?.ratePerSec).toBe(40);
    // Paused: back rates drop to 0 with the forward ones; totals are kept.
    s = reduceFrame(s, frame(3 * RATE_WINDOW_MS, {}, [250, 10], [], [70, 0]));
    expect(s.edgeBackRates.e1).toBe(100);
    s = reduceFrame(s, { ...frame(3 * RATE_WINDOW_MS + 1, {}, [250, 10], [], [71, 0]), running: false });
    expect(s.edgeBackRates).toEqual({ e1: 0, e2: 0 });
    expect(s.edgeBackTraffic.e1?.total).toBe(71);
  });

  it('keeps edge objects identical while nothing changes', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(RATE_WINDOW_MS, {}, [5, 5]));
    const before = s.edgeTraffic;
    const beforeBack = s.edgeBackTraffic;
    s = reduceFrame(s, frame(RATE_WINDOW_MS, {}, [5, 5]));
    expect(s.edgeTraffic).toBe(before);
    expect(s.edgeBackTraffic).toBe(beforeBack);
  });

  it('accumulates samples and bumps the version only when some arrive', () => {
    let s = reduceFrame(reduceLoaded(loaded), frame(250, {}, [0, 0], [sample(250)]));
    expect(s.samples.map((x) => x.tMs)).toEqual([250]);
    const v = s.samplesVersion;
    s = reduceFrame(s, frame(300, {}, [0, 0]));
    expect(s.samplesVersion).toBe(v);
    s = reduceFrame(s, frame(500, {}, [0, 0], [sample(500)]));
    expect(s.samples.map((x) => x.tMs)).toEqual([250, 500]);
    expect(s.samplesVersion).toBe(v + 1);
  });

  it('bounds samples by thinning the older half', () => {
    const prev = Array.from({ length: 10 }, (_, i) => sample(i));
    const out = appendSamples(prev, [sample(10), sample(11)], 10);
    expect(out.length).toBeLessThanOrEqual(10);
    expect(out.map((x) => x.tMs)).toEqual([0, 2, 4, 6, 7, 8, 9, 10, 11]);
  });

  it('keeps fewer samples when each holds many node values', () => {
    expect(sampleBound(0)).toBe(MAX_SAMPLES);
    expect(sampleBound(8)).toBe(MAX_SAMPLES);
    expect(sampleBound(200 * 8)).toBe(Math.floor(MAX_SAMPLE_VALUES / 1600));
    expect(sampleBound(1e9)).toBe(MIN_SAMPLES);
  });

  it('starts over on load', () => {
    const s = reduceFrame(reduceLoaded(loaded), frame(100, { a: { in: 1 } }, [1, 1], [sample(100)]));
    const fresh = reduceLoaded(loaded);
    expect(fresh.samples).toEqual([]);
    expect(fresh.nodeLive).toEqual({});
    expect(s.samples).toHaveLength(1);
  });
});
