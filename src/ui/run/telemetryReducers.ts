/**
 * Pure reducers from worker messages to telemetry state (no React, testable in Node).
 *
 * Edge rate: the traffic delta between two frames divided by the SIMULATED time between them,
 * i.e. messages per simulated second. It matches the producers' configured rates whatever the
 * speed (at 10× a 100 msg/s producer still shows 100/s). While the run is paused or finished nothing
 * flows, so rates are 0 (and animations that follow them stop); totals are kept.
 * Back traffic (replies sent back along a call edge, target → source) has its own totals and rates, on the
 * same windows, so the canvas can draw replies going backwards.
 */
import type { LiveField, MetricSample, SampleField, Snapshot } from '../../engine/api';
import type { FrameMessage, LoadedMessage } from '../../protocol';
import { edgeRate, emptyBase, nextBases, RATE_WINDOW_MS, type RateBase } from './rateWindows';

export interface EdgeTraffic { total: number; ratePerSec: number }

/** Keep at most this many samples; older ones are thinned (every other one dropped) when exceeded. */
export const MAX_SAMPLES = 20_000;
export const MIN_SAMPLES = 500;
/** ...and at most this many per-node values in all (8 bytes each: 4M values = 32 MB). */
export const MAX_SAMPLE_VALUES = 4_000_000;

export function sampleBound(valuesPerSample: number): number {
  if (valuesPerSample <= 0) return MAX_SAMPLES;
  return Math.max(MIN_SAMPLES, Math.min(MAX_SAMPLES, Math.floor(MAX_SAMPLE_VALUES / valuesPerSample)));
}
export { RATE_WINDOW_MS } from './rateWindows';

export interface TelemetryState {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  /** Field order of the live array, as announced by the worker (the UI does not import the engine). */
  liveFields: readonly LiveField[];
  sampleFields: readonly SampleField[];
  nodeLive: Record<string, Record<LiveField, number>>;
  edgeTraffic: Record<string, EdgeTraffic>;
  /**
   * The edge rates the canvas shows (labels, tokens): `edgeTraffic` rates, refreshed less often (the
   * store decides when, see telemetryStore), so an edge re-renders about once a second at most.
   */
  edgeRates: Record<string, number>;
  /** Messages sent back along each edge (a direct call's replies, A4), target → source: totals and rates. */
  edgeBackTraffic: Record<string, EdgeTraffic>;
  /** The back rates the canvas shows, refreshed with `edgeRates`. */
  edgeBackRates: Record<string, number>;
  /**
   * The edges whose shown rate (`edgeRates`) has been above 0 in this run: the presenter keeps their label's rate in
   * its place while they are idle (labelContent.ts). Only grows during a run, so an edge re-renders once for it.
   */
  edgeWasBusy: Readonly<Record<string, true>>;
  /** Messages each edge's link failed to carry so far (a partition, a lossy link): the canvas's lost badge. */
  edgeLost: Record<string, number>;
  /** Edge totals (forward and back) at the starts of the recent rate windows, oldest first (rateWindows.ts). */
  rateBases: readonly RateBase[];
  samples: MetricSample[];
  /** Bumped whenever samples change, for cheap chart throttling. */
  samplesVersion: number;
  snapshot: Snapshot | null;
  timeMs: number;
  events: number;
}


export function initialTelemetry(): TelemetryState {
  return {
    nodeIds: [], edgeIds: [], liveFields: [], sampleFields: [], nodeLive: {}, edgeTraffic: {}, edgeRates: {},
    edgeBackTraffic: {}, edgeBackRates: {}, edgeWasBusy: {}, edgeLost: {}, rateBases: [emptyBase(0)],
    samples: [], samplesVersion: 0, snapshot: null, timeMs: 0, events: 0,
  };
}

export function reduceLoaded(msg: LoadedMessage): TelemetryState {
  return {
    ...initialTelemetry(),
    nodeIds: msg.nodeIds,
    edgeIds: msg.edgeIds,
    liveFields: msg.liveFields as readonly LiveField[],
    sampleFields: msg.sampleFields as readonly SampleField[],
    rateBases: [emptyBase(msg.edgeIds.length)],
  };
}

/**
 * `showRates`: refresh every shown edge rate (`edgeRates`) from this frame; otherwise only edges that
 * start or stop flowing change (so tokens appear at once on an edge that just got busy).
 */
export function reduceFrame(s: TelemetryState, msg: FrameMessage, showRates = true): TelemetryState {
  const nodeLive = reduceLive(s.nodeLive, s.nodeIds, s.liveFields, msg.live);
  const { edgeTraffic, edgeBackTraffic, rateBases } = reduceEdges(s, msg);
  const edgeRates = reduceShownRates(s.edgeRates, s.edgeIds, edgeTraffic, showRates);
  const edgeBackRates = reduceShownRates(s.edgeBackRates, s.edgeIds, edgeBackTraffic, showRates);
  const bound = sampleBound(s.nodeIds.length * s.sampleFields.length);
  const samples = msg.samples.length > 0 ? appendSamples(s.samples, msg.samples, bound) : s.samples;
  return {
    ...s,
    nodeLive,
    edgeTraffic,
    edgeRates,
    edgeBackTraffic,
    edgeBackRates,
    edgeWasBusy: reduceWasBusy(s.edgeWasBusy, edgeRates),
    edgeLost: reduceEdgeLost(s.edgeLost, s.edgeIds, msg.edgeLost),
    rateBases,
    samples,
    samplesVersion: samples === s.samples ? s.samplesVersion : s.samplesVersion + 1,
    snapshot: msg.snapshot ?? s.snapshot,
    timeMs: msg.timeMs,
    events: msg.events,
  };
}

/** Per-node records; a node keeps its previous object when none of its figures changed. */
export function reduceLive(prev: TelemetryState['nodeLive'], nodeIds: readonly string[], fields: readonly LiveField[],
  live: Float64Array): TelemetryState['nodeLive'] {
  const stride = fields.length;
  let changed = false;
  const next: TelemetryState['nodeLive'] = {};
  for (const [i, id] of nodeIds.entries()) {
    const old = prev[id];
    if (old && sameFigures(old, fields, live, i * stride)) { next[id] = old; continue; }
    next[id] = toRecord(fields, live, i * stride);
    changed = true;
  }
  return changed || Object.keys(prev).length !== nodeIds.length ? next : prev;
}

function sameFigures(rec: Record<LiveField, number>, fields: readonly LiveField[], live: Float64Array, offset: number): boolean {
  for (const [f, field] of fields.entries()) {
    if (!Object.is(rec[field], live[offset + f])) return false;
  }
  return true;
}

function toRecord(fields: readonly LiveField[], live: Float64Array, offset: number): Record<LiveField, number> {
  const rec = {} as Record<LiveField, number>;
  for (const [f, field] of fields.entries()) rec[field] = live[offset + f] ?? NaN;
  return rec;
}

function reduceEdges(s: TelemetryState, msg: FrameMessage): Pick<TelemetryState, 'edgeTraffic' | 'edgeBackTraffic' | 'rateBases'> {
  const n = msg.edgeTraffic.length;
  const fits = (b: RateBase) => b.totals.length === n && b.backTotals.length === n;
  const bases = s.rateBases.length > 0 && s.rateBases.every(fits) ? s.rateBases : [emptyBase(n)];
  const dtMs = msg.timeMs - bases[bases.length - 1]!.timeMs;
  const stopped = !msg.running;
  const window: RateWindow = { done: !stopped && dtMs >= RATE_WINDOW_MS, zero: dtMs < 0 || stopped };
  const rate = (back: boolean) => (i: number, total: number) => edgeRate(total, msg.timeMs, bases, i, back);
  const edgeTraffic = reduceTraffic(s.edgeTraffic, s.edgeIds, msg.edgeTraffic, rate(false), window);
  const edgeBackTraffic = reduceTraffic(s.edgeBackTraffic, s.edgeIds, msg.edgeBackTraffic, rate(true), window);
  const here = (): RateBase => ({ timeMs: msg.timeMs, totals: msg.edgeTraffic.slice(), backTotals: msg.edgeBackTraffic.slice() });
  const rateBases = window.zero ? [here()] : window.done ? nextBases(bases, here()) : bases;
  return { edgeTraffic, edgeBackTraffic, rateBases };
}

/** The rate window this frame falls in: complete (rates are recomputed), or zero (paused, or time went back). */
interface RateWindow { done: boolean; zero: boolean }

/** Per-edge totals and rates (`rateOf` edge i having sent `total`) from one cumulative array; keeps the previous object when nothing changed. */
function reduceTraffic(prev: Record<string, EdgeTraffic>, edgeIds: readonly string[], totals: Float64Array,
  rateOf: (i: number, total: number) => number, w: RateWindow): Record<string, EdgeTraffic> {
  let changed = false;
  const next: Record<string, EdgeTraffic> = {};
  for (const [i, id] of edgeIds.entries()) {
    const total = totals[i] ?? 0;
    const old = prev[id];
    const ratePerSec = w.done ? rateOf(i, total) : w.zero ? 0 : old?.ratePerSec ?? 0;
    if (old && old.total === total && old.ratePerSec === ratePerSec) { next[id] = old; continue; }
    next[id] = { total, ratePerSec };
    changed = true;
  }
  return changed ? next : prev;
}

/** Per-edge losses; keeps the previous object when none changed, so an edge's badge re-renders only on a new loss. */
export function reduceEdgeLost(prev: Record<string, number>, edgeIds: readonly string[], lost: Float64Array): Record<string, number> {
  let changed = Object.keys(prev).length !== edgeIds.length;
  const next: Record<string, number> = {};
  for (const [i, id] of edgeIds.entries()) {
    next[id] = lost[i] ?? 0;
    if (prev[id] !== next[id]) changed = true;
  }
  return changed ? next : prev;
}

/**
 * Shown rates from `traffic`: all of them when `all`, else only those that go from 0 to flowing or
 * back. Keeps the previous object when nothing changed.
 */
export function reduceShownRates(prev: Record<string, number>, edgeIds: readonly string[],
  traffic: Record<string, EdgeTraffic>, all = true): Record<string, number> {
  let changed = Object.keys(prev).length !== edgeIds.length;
  const next: Record<string, number> = {};
  for (const id of edgeIds) {
    const r = traffic[id]?.ratePerSec ?? 0;
    const old = prev[id] ?? 0;
    next[id] = all || (old > 0) !== (r > 0) ? r : old;
    if (prev[id] !== next[id]) changed = true;
  }
  return changed ? next : prev;
}

/** `prev` with the edges whose shown rate is above 0 in `rates` added; the same object when none is new. */
export function reduceWasBusy(prev: Readonly<Record<string, true>>, rates: Record<string, number>): Readonly<Record<string, true>> {
  let next: Record<string, true> | null = null;
  for (const [id, r] of Object.entries(rates)) {
    if (r > 0 && !prev[id]) (next ??= { ...prev })[id] = true;
  }
  return next ?? prev;
}

/** Appends samples, thinning the oldest half when the bound is exceeded so memory stays bounded. */
export function appendSamples(prev: MetricSample[], incoming: MetricSample[], max = MAX_SAMPLES): MetricSample[] {
  const all = prev.concat(incoming);
  if (all.length <= max) return all;
  const half = Math.floor(all.length / 2);
  const thinned: MetricSample[] = [];
  for (let i = 0; i < half; i += 2) thinned.push(all[i] as MetricSample);
  return thinned.concat(all.slice(half));
}
