/**
 * Live telemetry from the simulation worker: per-node live figures, per-edge traffic and rates,
 * chart samples and the latest snapshot. Canvas nodes and edges select only their own slice;
 * a slice's object is replaced only when its figures change, so an unchanged node never re-renders.
 */
import { create } from 'zustand';
import type { LiveField } from '../../engine/api';
import { initialTelemetry, reduceFrame, reduceLoaded, type TelemetryState } from './telemetryReducers';
import type { FrameMessage, LoadedMessage } from '../../protocol';

export type { EdgeTraffic, TelemetryState } from './telemetryReducers';

export const useTelemetryStore = create<TelemetryState>()(() => initialTelemetry());

export function applyLoaded(msg: LoadedMessage): void {
  useTelemetryStore.setState(reduceLoaded(msg), true);
}

/** The run store calls this with coalesced frames (a dozen a second at most, see frameCoalescer). */
export function applyFrame(msg: FrameMessage): void {
  useTelemetryStore.setState((s) => reduceFrame(s, msg), true);
}

export function clearTelemetry(): void {
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
