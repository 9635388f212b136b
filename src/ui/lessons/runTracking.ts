/**
 * Follows the run for the lesson checks: folds every sample into peaks exactly once, keeps the latest
 * snapshot. Pure (no React, no store), fed with successive telemetry states.
 *
 * Why not per frame: the run store coalesces frames (several worker frames become one update, their
 * samples concatenated), and the telemetry store thins its oldest samples when it grows large. Samples
 * are ordered by time, so "the tail newer than the last one folded" is exactly the new ones, whatever
 * was merged or thinned before it.
 */
import type { MetricSample, Snapshot } from '../../engine/api';
import { updatePeaks, type Peaks } from '../../lessons/peaks';

/** What the tracker reads of the telemetry state (a subset, so tests build it by hand). */
export interface TelemetryView {
  nodeIds: readonly string[];
  samples: readonly MetricSample[];
  samplesVersion: number;
  snapshot: Snapshot | null;
  timeMs: number;
}

export class RunTracker {
  peaks: Peaks = {};
  snapshot: Snapshot | null = null;
  timeMs = 0;
  /** Bumped on every change, for cheap React subscriptions. */
  version = 0;
  private lastSampleMs = -Infinity;
  /** The nodes of the simulation the run belongs to (as the worker loaded them). */
  nodeIds: readonly string[] = [];
  private samplesVersion = 0;

  /** Takes the new telemetry state; true when anything the checks read changed. */
  update(t: TelemetryView): boolean {
    // A new simulation (Reset, a new document) starts with new node ids or an emptied sample list.
    const restarted = t.nodeIds !== this.nodeIds || t.samplesVersion < this.samplesVersion;
    if (restarted) this.clear(t.nodeIds);
    const fresh = newSamples(t.samples, this.lastSampleMs);
    if (fresh.length > 0) {
      updatePeaks(this.peaks, fresh, this.nodeIds);
      this.lastSampleMs = fresh.at(-1)!.tMs;
    }
    const changed = restarted || fresh.length > 0 || t.snapshot !== this.snapshot || t.timeMs !== this.timeMs;
    this.samplesVersion = t.samplesVersion;
    this.snapshot = t.snapshot;
    this.timeMs = t.timeMs;
    if (changed) this.version++;
    return changed;
  }

  private clear(nodeIds: readonly string[]): void {
    this.peaks = {};
    this.lastSampleMs = -Infinity;
    this.nodeIds = nodeIds;
  }
}

/**
 * Whether a run of `runNodeIds` is a run of the document on the canvas: the same nodes. The run keeps the
 * last simulation until Play or Reset loads the document again, so after New, an example or another file
 * (or a node added or deleted) the checks would otherwise judge the old topology's run.
 */
export function runMatchesDocument(runNodeIds: readonly string[], documentNodeIds: readonly string[]): boolean {
  if (runNodeIds.length !== documentNodeIds.length) return false;
  const ids = new Set(documentNodeIds);
  return runNodeIds.every((id) => ids.has(id));
}

/** The samples after `afterMs`: a tail of the time-ordered list, found from its end. */
export function newSamples(samples: readonly MetricSample[], afterMs: number): readonly MetricSample[] {
  let i = samples.length;
  while (i > 0 && samples[i - 1]!.tMs > afterMs) i--;
  return i === samples.length ? [] : samples.slice(i);
}
