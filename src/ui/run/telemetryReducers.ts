/**
 * Pure reducers from worker messages to telemetry state (no React, testable in Node).
 *
 * Edge rate: the traffic delta between two frames divided by the SIMULATED time between them,
 * i.e. messages per simulated second. It matches the producers' configured rates whatever the
 * speed (at 10× a 100 msg/s producer still shows 100/s). While the run is paused or finished nothing
 * flows, so rates are 0 (and animations that follow them stop); totals are kept.
 */
import type { LiveField, MetricSample, SampleField, Snapshot } from '../../engine/api';
import type { FrameMessage, LoadedMessage } from '../../protocol';

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
/** Rates are computed over at least this much simulated time, so tiny frames do not make them jumpy. */
export const RATE_WINDOW_MS = 500;

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
  /** Edge totals and time at the start of the current rate window. */
  rateBase: { timeMs: number; totals: Float64Array };
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
    rateBase: { timeMs: 0, totals: new Float64Array(0) },
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
    rateBase: { timeMs: 0, totals: new Float64Array(msg.edgeIds.length) },
  };
}

/**
 * `showRates`: refresh every shown edge rate (`edgeRates`) from this frame; otherwise only edges that
 * start or stop flowing change (so tokens appear at once on an edge that just got busy).
 */
export function reduceFrame(s: TelemetryState, msg: FrameMessage, showRates = true): TelemetryState {
  const nodeLive = reduceLive(s.nodeLive, s.nodeIds, s.liveFields, msg.live);
  const { edgeTraffic, rateBase } = reduceEdges(s, msg);
  const edgeRates = reduceShownRates(s.edgeRates, s.edgeIds, edgeTraffic, showRates);
  const bound = sampleBound(s.nodeIds.length * s.sampleFields.length);
  const samples = msg.samples.length > 0 ? appendSamples(s.samples, msg.samples, bound) : s.samples;
  return {
    ...s,
    nodeLive,
    edgeTraffic,
    edgeRates,
    rateBase,
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

function reduceEdges(s: TelemetryState, msg: FrameMessage): Pick<TelemetryState, 'edgeTraffic' | 'rateBase'> {
  const base = s.rateBase.totals.length === msg.edgeTraffic.length ? s.rateBase : { timeMs: 0, totals: new Float64Array(msg.edgeTraffic.length) };
  const dtMs = msg.timeMs - base.timeMs;
  const stopped = !msg.running;
  const windowDone = !stopped && dtMs >= RATE_WINDOW_MS;
  const goneBack = dtMs < 0;
  let changed = false;
  const next: Record<string, EdgeTraffic> = {};
  for (const [i, id] of s.edgeIds.entries()) {
    const total = msg.edgeTraffic[i] ?? 0;
    const old = s.edgeTraffic[id];
    const ratePerSec = windowDone ? ((total - (base.totals[i] ?? 0)) * 1000) / dtMs : goneBack || stopped ? 0 : old?.ratePerSec ?? 0;
    if (old && old.total === total && old.ratePerSec === ratePerSec) { next[id] = old; continue; }
    next[id] = { total, ratePerSec };
    changed = true;
  }
  const rateBase = windowDone || goneBack || stopped ? { timeMs: msg.timeMs, totals: msg.edgeTraffic.slice() } : base;
  return { edgeTraffic: changed ? next : s.edgeTraffic, rateBase };
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

/** Appends samples, thinning the oldest half when the bound is exceeded so memory stays bounded. */
export function appendSamples(prev: MetricSample[], incoming: MetricSample[], max = MAX_SAMPLES): MetricSample[] {
  const all = prev.concat(incoming);
  if (all.length <= max) return all;
  const half = Math.floor(all.length / 2);
  const thinned: MetricSample[] = [];
  for (let i = 0; i < half; i += 2) thinned.push(all[i] as MetricSample);
  return thinned.concat(all.slice(half));
}
