import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type FrameMessage } from '../../protocol';
import type { MetricSample, Snapshot } from '../../engine/api';
import { FrameCoalescer, LIVE_REFRESH_MS, MAX_REFRESH_MS, RENDER_SHARE, mergeFrames, refreshInterval } from './frameCoalescer';

const sample = (tMs: number) => ({ tMs }) as MetricSample;
const frame = (timeMs: number, over: Partial<FrameMessage> = {}): FrameMessage => ({
  v: PROTOCOL_VERSION, type: 'frame', timeMs, events: timeMs, running: true, finished: false,
  live: new Float64Array(0), edgeTraffic: new Float64Array(0), edgeBackTraffic: new Float64Array(0), edgeLost: new Float64Array(0), samples: [sample(timeMs)], ...over,
});

function harness(renderCostMs = 0) {
  let now = 0;
  let pending: (() => void) | null = null;
  const applied: FrameMessage[] = [];
  const c = new FrameCoalescer((f) => applied.push(f), {
    now: () => now,
    schedule: (run) => { pending = run; return 1; },
    cancel: () => { pending = null; },
    afterPaint: (run) => { now += renderCostMs; run(); },
  });
  return { c, applied, advance: (ms: number) => { now += ms; }, fire: () => { const p = pending; pending = null; p?.(); }, hasPending: () => pending !== null };
}

describe('frame coalescer', () => {
  it('applies the first frame at once, then at most every LIVE_REFRESH_MS', () => {
    const h = harness();
    h.c.push(frame(10));
    expect(h.applied.map((f) => f.timeMs)).toEqual([10]);
    h.advance(30); h.c.push(frame(20));
    h.advance(30); h.c.push(frame(30));
    expect(h.applied).toHaveLength(1);
    expect(h.hasPending()).toBe(true);
    h.advance(LIVE_REFRESH_MS - 60); h.fire();
    expect(h.applied.map((f) => f.timeMs)).toEqual([10, 30]);
    expect(h.applied[1]?.samples.map((s) => s.tMs)).toEqual([20, 30]);
  });

  it('applies a frame that stops the run at once, with everything pending', () => {
    const h = harness();
    h.c.push(frame(10));
    h.advance(5); h.c.push(frame(20));
    h.advance(5); h.c.push(frame(21, { running: false }));
    expect(h.applied.map((f) => f.timeMs)).toEqual([10, 21]);
    expect(h.applied[1]?.samples.map((s) => s.tMs)).toEqual([20, 21]);
    expect(h.hasPending()).toBe(false);
  });

  it('drops pending frames on clear', () => {
    const h = harness();
    h.c.push(frame(10));
    h.c.push(frame(20));
    h.c.clear();
    h.fire();
    h.c.flush();
    expect(h.applied.map((f) => f.timeMs)).toEqual([10]);
  });

  it('refreshes less often when rendering an update is expensive', () => {
    expect(refreshInterval(1)).toBe(LIVE_REFRESH_MS);
    expect(refreshInterval(50)).toBe(50 * RENDER_SHARE);
    expect(refreshInterval(10_000)).toBe(MAX_REFRESH_MS);
    const h = harness(100);
    h.c.push(frame(10));
    expect(h.c.interval).toBe(100 * RENDER_SHARE);
    h.advance(100 * RENDER_SHARE - 110); h.c.push(frame(20));
    expect(h.applied).toHaveLength(1);
    h.advance(20); h.c.push(frame(30));
    expect(h.applied.map((f) => f.timeMs)).toEqual([10, 30]);
  });

  it('keeps the newest snapshot when merging', () => {
    const snap = { timeMs: 1 } as Snapshot;
    expect(mergeFrames(frame(1, { snapshot: snap }), frame(2)).snapshot).toBe(snap);
    const newer = { timeMs: 2 } as Snapshot;
    expect(mergeFrames(frame(1, { snapshot: snap }), frame(2, { snapshot: newer })).snapshot).toBe(newer);
  });
});
