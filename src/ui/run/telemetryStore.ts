/**
 * Live telemetry from the simulation worker: per-node live figures, per-edge traffic and rates,
 * chart samples and the latest snapshot. Canvas nodes and edges select only their own slice;
 * a slice's object is replaced only when its figures change, so an unchanged node never re-renders.
 */
import { create } from 'zustand';
import type { LiveField } from '../../engine/api';
import { initialTelemetry, reduceFrame, reduceLoaded, type TelemetryState } from './telemetryReducers';
import type { FrameMessage, LoadedMessage } from '../../protocol';
import { FrameCoalescer } from './frameCoalescer';

export type { EdgeTraffic, TelemetryState } from './telemetryReducers';

export const useTelemetryStore = create<TelemetryState>()(() => initialTelemetry());

const coalescer = new FrameCoalescer((frame) => useTelemetryStore.setState((s) => reduceFrame(s, frame), true), {
  now: () => performance.now(),
  schedule: (run, ms) => setTimeout(run, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

export function applyLoaded(msg: LoadedMessage): void {
  coalescer.clear();
  useTelemetryStore.setState(reduceLoaded(msg), true);
}

/** Frames reach the store at most every LIVE_REFRESH_MS while running; at once when the run stops. */
export function applyFrame(msg: FrameMessage): void {
  coalescer.push(msg);
}

export function clearTelemetry(): void {
  coalescer.clear();
  useTelemetryStore.setState(initialTelemetry(), true);
}

/** This node's live figures, or null before a simulation is loaded. Re-renders only when they change. */
export function useNodeLive(nodeId: string): Record<LiveField, number> | null {
  return useTelemetryStore((s) => s.nodeLive[nodeId] ?? null);
}

/** Messages that entered this edge so far, and the recent rate per simulated second. */
export function useEdgeTraffic(edgeId: string): { total: number; ratePerSec: number } | null {
  return useTelemetryStore((s) => s.edgeTraffic[edgeId] ?? null);
}
