/**
 * Pacing arithmetic for the worker, pure so it can be tested without a worker or a clock.
 *
 * At speed s (simulated ms per wall ms) the simulated clock advances s × the wall time since the last
 * tick, never past the scenario's end. A tick's wall gap is capped, so a throttled background tab does
 * not come back and try to catch up minutes at once. At 'max' the target is the end of the run and
 * the wall budget per tick (~22 ms) is what limits the work.
 */
import type { Speed } from '../protocol';

/** Wall ms between frames (~30 per second). */
export const FRAME_INTERVAL_MS = 33;
/** Wall ms of engine work per tick; leaves time in a 33 ms frame to post the frame and read messages. */
export const WORK_BUDGET_MS = 22;
/** The largest wall gap a tick accounts for. */
export const MAX_WALL_GAP_MS = 250;
/** Wall ms between full snapshots while running. */
export const SNAPSHOT_INTERVAL_MS = 250;

export const MIN_CHUNK_EVENTS = 64;
export const MAX_CHUNK_EVENTS = 1_000_000;
/** Aim for each runUntil chunk to take about this long, so the budget check is fine-grained. */
export const CHUNK_TARGET_MS = 4;

/** The simulated time to run to in this tick. */
export function paceTarget(simNowMs: number, wallGapMs: number, speed: Speed, durationMs: number): number {
  if (speed === 'max') return durationMs;
  const gap = Math.min(Math.max(wallGapMs, 0), MAX_WALL_GAP_MS);
  return Math.min(durationMs, simNowMs + speed * gap);
}

/** Next chunk size (events per runUntil call) from how long the last chunk took. */
export function nextChunkEvents(lastChunk: number, lastEvents: number, lastWallMs: number): number {
  if (lastEvents < lastChunk) return lastChunk; // the chunk ended on time, not on its event cap: no signal
  const perEventMs = lastWallMs > 0 ? lastWallMs / lastEvents : 0;
  const ideal = perEventMs > 0 ? CHUNK_TARGET_MS / perEventMs : lastChunk * 2;
  const bounded = Math.min(ideal, lastChunk * 2); // grow gently, shrink at once
  return Math.round(Math.min(MAX_CHUNK_EVENTS, Math.max(MIN_CHUNK_EVENTS, bounded)));
}

/** How long to wait before the next tick, given how long this one took. */
export function tickDelay(tickWallMs: number): number {
  return Math.max(0, FRAME_INTERVAL_MS - tickWallMs);
}

/** Whether a full snapshot is due in a running frame. */
export function snapshotDue(lastSnapshotWallMs: number, nowWallMs: number): boolean {
  return nowWallMs - lastSnapshotWallMs >= SNAPSHOT_INTERVAL_MS;
}

/** The speed actually achieved: simulated ms per wall ms over the tick. */
export function achievedSpeed(simAdvancedMs: number, wallGapMs: number): number {
  return wallGapMs > 0 ? simAdvancedMs / wallGapMs : 0;
}
