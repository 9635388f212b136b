/**
 * The run as the lesson checks see it: one RunTracker fed by the telemetry store (every sample, see
 * runTracking.ts) and the run status. Tracking starts with the app, not with the panel, so a lesson whose
 * panel is hidden behind another dock tab still sees every sample of the run.
 */
import { create } from 'zustand';
import type { RunView } from '../../lessons/evaluate';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from '../run/runStore';
import { useTelemetryStore } from '../run/telemetryStore';
import { RunTracker, runMatchesDocument } from './runTracking';

/** `ofDocument`: the run is of the document on the canvas (see runMatchesDocument). */
interface LessonRunState { version: number; finished: boolean; ofDocument: boolean }

const tracker = new RunTracker();
export const useLessonRunStore = create<LessonRunState>()(() => ({ version: 0, finished: false, ofDocument: false }));

/** Subscribes the tracker to the telemetry, run and document stores; returns the unsubscribe. */
export function startLessonTracking(): () => void {
  const publish = () => useLessonRunStore.setState({
    version: tracker.version,
    finished: useRunStore.getState().status === 'finished',
    ofDocument: runMatchesDocument(tracker.nodeIds, useDocumentStore.getState().scenario.nodes.map((n) => n.id)),
  });
  tracker.update(useTelemetryStore.getState());
  publish();
  const offTelemetry = useTelemetryStore.subscribe((s) => { if (tracker.update(s)) publish(); });
  const offRun = useRunStore.subscribe((s, prev) => { if (s.status !== prev.status) publish(); });
  const offDocument = useDocumentStore.subscribe((s, prev) => { if (s.scenario.nodes !== prev.scenario.nodes) publish(); });
  return () => { offTelemetry(); offRun(); offDocument(); };
}

/**
 * The RunView of the current run, or null before anything ran (no report yet, or the report of a freshly
 * loaded simulation at t = 0) or when the run is not of the document on the canvas: a check then says
 * "not run yet" rather than judging an empty run or another topology's.
 */
export function currentRunView(finished: boolean, ofDocument: boolean): RunView | null {
  if (!ofDocument || !tracker.snapshot || tracker.timeMs === 0) return null;
  return { finished, timeMs: tracker.timeMs, snapshot: tracker.snapshot, peaks: tracker.peaks };
}

/** Re-renders when the run view changes; the caller evaluates checks from it. */
export function useRunView(): RunView | null {
  const version = useLessonRunStore((s) => s.version);
  const finished = useLessonRunStore((s) => s.finished);
  const ofDocument = useLessonRunStore((s) => s.ofDocument);
  // The version is what makes a new view: the tracker's fields are replaced, not mutated, except peaks.
  void version;
  return currentRunView(finished, ofDocument);
}
