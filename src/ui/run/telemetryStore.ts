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

/**
 * Shown edge rates (labels, token counts) refresh at most this often while running: a label that
 * changes more often cannot be read, and every change re-renders the edge and re-plans the tokens.
 */
export const RATE_LABEL_MS = 1000;
let ratesShownAt = -Infinity;

export function applyLoaded(msg: LoadedMessage): void {
  ratesShownAt = -Infinity;
  useTelemetryStore.setState(reduceLoaded(msg), true);
}

/** The run store calls this with coalesced frames (5 a second at most, see frameCoalescer). */
export function applyFrame(msg: FrameMessage): void {
  const now = performance.now();
  // Stopping shows at once (rates drop to 0, tokens stop); the first busy frame too.
  const show = !msg.running || now - ratesShownAt >= RATE_LABEL_MS;
  if (show) ratesShownAt = msg.running ? now : -Infinity;
  useTelemetryStore.setState((s) => reduceFrame(s, msg, show), true);
}

export function clearTelemetry(): void {
  ratesShownAt = -Infinity;
  useTelemetryStore.setState(initialTelemetry(), true);
}

/** This node's live figures, or null before a simulation is loaded. Re-renders only when they change. */
export function useNodeLive(nodeId: string): Record<LiveField, number> | null {
  return useTelemetryStore((s) => s.nodeLive[nodeId] ?? null);
}

/** The edge's shown rate, messages per simulated second (refreshed about once a second while running). */
export function useEdgeRate(edgeId: string): number {
  return useTelemetryStore((s) => s.edgeRates[edgeId] ?? 0);
}

/** The shown rate of replies sent back along the edge (a direct call's), messages per simulated second. */
export function useEdgeBackRate(edgeId: string): number {
  return useTelemetryStore((s) => s.edgeBackRates[edgeId] ?? 0);
}

/** Messages that entered this edge so far, and the recent rate per simulated second. */
export function useEdgeTraffic(edgeId: string): { total: number; ratePerSec: number } | null {
  return useTelemetryStore((s) => s.edgeTraffic[edgeId] ?? null);
}

/** Messages this edge's link failed to carry so far (a partition, a lossy link); 0 before a run. */
export function useEdgeLost(edgeId: string): number {
  return useTelemetryStore((s) => s.edgeLost[edgeId] ?? 0);
}
