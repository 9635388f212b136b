import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { MetricSample } from '../../engine/api';
import { initialTelemetry, type TelemetryState } from '../run/telemetryReducers';
import {
  CHART_REDRAW_MS, CHART_SHARE, ChartPacer, MAX_CHART_REDRAW_MS, chartRedrawDelay, runCleared, samplesChanged, stoppedRunMoved, type ChartInput,
} from './chartPacer';

const sample = (tMs: number) => ({ tMs }) as MetricSample;
const NODES = ['a', 'b'];
const withSamples = (count: number, version = count, nodeIds: readonly string[] = NODES): ChartInput =>
  ({ samples: Array.from({ length: count }, (_, i) => sample(i * 100)), samplesVersion: version, nodeIds });

/** A telemetry store, a clock whose timers fire only when told, and every state the pacer drew. */
function harness(opts: { redrawCostMs?: number } = {}) {
  let costMs = opts.redrawCostMs ?? 0;
  let hidden = false;
  const store = createStore<TelemetryState>()(() => ({ ...initialTelemetry(), nodeIds: NODES }));
  let now = 0;
  let pending: { run: () => void; delayMs: number } | null = null;
  const drawn: TelemetryState[] = [];
  const pacer = new ChartPacer(store, (s) => drawn.push(s), {
    timers: {
      now: () => now,
      schedule: (run, delayMs) => { pending = { run, delayMs }; return 1; },
      cancel: () => { pending = null; },
      afterPaint: (run) => { now += costMs; run(); },
    },
    hidden: () => hidden,
  });
  /** A frame with samples, as reduceFrame leaves the store. */
  const addSamples = (count: number) => store.setState((s) => ({ ...withSamples(s.samples.length + count, s.samplesVersion + 1), nodeIds: s.nodeIds }));
  /** The next poll, when its time comes. */
  const poll = () => { const p = pending; pending = null; p?.run(); };
  const nextPollInMs = () => pending?.delayMs ?? null;
  return {
    pacer, drawn, addSamples, poll, nextPollInMs,
    setHidden: (h: boolean) => { hidden = h; },
    /** What each redraw from now on costs. */
    setCost: (ms: number) => { costMs = ms; },
    /** Another simulation loaded (new node ids), with `count` samples. */
    loadOther: (count: number) => store.setState((s) => ({ ...withSamples(count, s.samplesVersion + 1, ['c']) })),
    /** Reset or another document: telemetryStore.clearTelemetry. */
    clearRun: () => store.setState(initialTelemetry(), true),
    /** A frame of `count` new samples, then the poll that draws them: how long until the poll after it. */
    redraw: (count: number) => { addSamples(count); poll(); return nextPollInMs(); },
  };
}

describe('chart redraw pacing', () => {
  it('redraws every CHART_REDRAW_MS when cheap, spaced out when costly, within a bound', () => {
    expect(chartRedrawDelay(5)).toBe(CHART_REDRAW_MS);
    expect(chartRedrawDelay(120)).toBe(120 * CHART_SHARE);
    expect(chartRedrawDelay(10_000)).toBe(MAX_CHART_REDRAW_MS);
  });

  it('a poll redraws for new samples or another simulation, not for the same ones', () => {
    const shown = withSamples(3);
    expect(samplesChanged(shown, shown)).toBe(false);
    expect(samplesChanged(shown, withSamples(4))).toBe(true);
    expect(samplesChanged(shown, { ...shown, nodeIds: ['a', 'b'] })).toBe(true);
  });

  it('a stopped run is drawn at once when it stops and when it moves while stopped, never while running', () => {
    expect(stoppedRunMoved({ status: 'running', events: 10 }, { status: 'finished', events: 10 })).toBe(true);
    expect(stoppedRunMoved({ status: 'running', events: 10 }, { status: 'paused', events: 10 })).toBe(true);
    expect(stoppedRunMoved({ status: 'paused', events: 10 }, { status: 'paused', events: 12 })).toBe(true); // the pause's last frame, or a step
    expect(stoppedRunMoved({ status: 'paused', events: 12 }, { status: 'paused', events: 12 })).toBe(false);
    expect(stoppedRunMoved({ status: 'running', events: 10 }, { status: 'running', events: 20 })).toBe(false);
    expect(stoppedRunMoved({ status: 'paused', events: 12 }, { status: 'running', events: 12 })).toBe(false);
  });

  it('a run is cleared when the samples go from some to none, not while they stay empty or grow', () => {
    expect(runCleared(withSamples(3), withSamples(0, 0))).toBe(true);
    expect(runCleared(withSamples(0, 0), withSamples(0, 0, ['c']))).toBe(false); // the next simulation loaded
    expect(runCleared(withSamples(3), withSamples(5))).toBe(false);
  });
});

describe('chart pacer', () => {
  it('draws new samples only when the poll comes, then waits CHART_REDRAW_MS after a cheap redraw', () => {
    const h = harness();
    h.addSamples(2);
    h.addSamples(1);
    expect(h.drawn).toHaveLength(0);
    expect(h.nextPollInMs()).toBe(CHART_REDRAW_MS);
    h.poll();
    expect(h.drawn.map((s) => s.samples.length)).toEqual([3]);
    expect(h.nextPollInMs()).toBe(CHART_REDRAW_MS);
    h.poll();
    expect(h.drawn).toHaveLength(1); // nothing new
  });

  it('spaces polls out once redraws stay costly: after the second costly one, by the cheaper of the last two', () => {
    const h = harness({ redrawCostMs: 120 });
    expect(h.redraw(2)).toBe(CHART_REDRAW_MS); // the run's first redraw mounts the plot: no pace of its own
    expect(h.redraw(1)).toBe(chartRedrawDelay(120));
    h.setCost(200);
    expect(h.redraw(1)).toBe(chartRedrawDelay(120));
    expect(h.redraw(1)).toBe(chartRedrawDelay(200));
  });

  it('one costly redraw among cheap ones (the first, a garbage collection) does not hold the charts still', () => {
    const h = harness({ redrawCostMs: 400 });
    expect(h.redraw(2)).toBe(CHART_REDRAW_MS); // the first redraw of the run, as measured in the browser: mounting the plot
    h.setCost(10);
    expect(h.redraw(1)).toBe(CHART_REDRAW_MS);
    h.setCost(400); // a spike between cheap redraws
    expect(h.redraw(1)).toBe(CHART_REDRAW_MS);
  });

  it('after a cleared run or another simulation, the first redraw is a mount again, not a pace', () => {
    const h = harness({ redrawCostMs: 120 });
    h.redraw(2);
    expect(h.redraw(1)).toBe(chartRedrawDelay(120));
    h.clearRun();
    expect(h.redraw(2)).toBe(CHART_REDRAW_MS);
    expect(h.redraw(1)).toBe(chartRedrawDelay(120));
    h.loadOther(3);
    h.poll();
    expect(h.nextPollInMs()).toBe(CHART_REDRAW_MS);
  });

  it('draws a cleared run at once, between polls, and keeps its throttle for what follows', () => {
    const h = harness({ redrawCostMs: 120 });
    h.addSamples(5);
    h.poll();
    const spacing = h.nextPollInMs();
    h.clearRun();
    expect(h.drawn.map((s) => s.samples.length)).toEqual([5, 0]);
    expect(h.nextPollInMs()).toBe(spacing); // the pending poll stays as it was: no extra redraws
    h.addSamples(1);
    expect(h.drawn).toHaveLength(2);
  });

  it('a hidden page skips polls, but a cleared run still goes at once', () => {
    const h = harness();
    h.addSamples(2);
    h.poll();
    h.setHidden(true);
    h.addSamples(1);
    h.poll();
    expect(h.drawn.map((s) => s.samples.length)).toEqual([2]);
    expect(h.nextPollInMs()).toBe(CHART_REDRAW_MS);
    h.clearRun();
    expect(h.drawn.map((s) => s.samples.length)).toEqual([2, 0]);
  });

  it('draws nothing once stopped, and leaves no poll behind', () => {
    const h = harness();
    h.addSamples(2);
    h.poll();
    h.pacer.stop();
    expect(h.nextPollInMs()).toBeNull();
    h.clearRun();
    expect(h.drawn).toHaveLength(1);
  });

  it('draws what a stopped run ends on at once, and only if it is new', () => {
    const h = harness({ redrawCostMs: 120 });
    h.addSamples(2);
    h.poll();
    const spacing = h.nextPollInMs();
    h.addSamples(3);
    h.pacer.runStopped();
    expect(h.drawn.map((s) => s.samples.length)).toEqual([2, 5]);
    expect(h.nextPollInMs()).toBe(spacing); // no extra poll
    h.pacer.runStopped();
    expect(h.drawn).toHaveLength(2); // nothing new since
  });
});
