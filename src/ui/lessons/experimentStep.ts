/**
 * "Do it" on an experiment step. During a run the step's fault is injected live through the run store
 * (the live-fault path of the fault menus), so it happens now and is recorded into the timeline for
 * replay. Before the run has started it is scheduled at the step's `atMs` instead: exactly what the
 * lesson's `expect.experiment` verdicts were computed with (withExperimentFaults), so a class that
 * presses "Do it" and then Play sees the verdicts the author saw.
 */
import type { Fault } from '../../schema';
import { recordFault } from '../faults/faultTimeline';
import { notify } from '../notify/notifyStore';
import { formatSeconds } from './format';

export type StepPlan =
  | { kind: 'schedule'; fault: Fault }
  | { kind: 'inject'; fault: Fault }
  | { kind: 'refuse'; reason: string };

/** What "Do it" does given the run's state. Pure. */
export function planStep(fault: Fault, run: { status: string; timeMs: number }): StepPlan {
  if (run.status === 'finished') return { kind: 'refuse', reason: 'the run has finished: press Reset, then Do it, then Play' };
  if (run.status === 'error') return { kind: 'refuse', reason: 'the run stopped with an error: restart it first' };
  if (run.status !== 'running' && run.timeMs === 0) return { kind: 'schedule', fault };
  // The engine takes a live fault's atMs as "now" and returns the time it really happened.
  return { kind: 'inject', fault: { ...fault, atMs: 0 } };
}

export interface StepRun {
  status: string;
  timeMs: number;
  loaded: boolean;
  reset(): void;
  injectFault(fault: Fault): void;
}

/**
 * What a step did: its "done" line, and whether it only put its fault in the timeline (Undo can take it out).
 * `fault`: the fault the timeline holds for it when that is not the step's own (a teacher's, done live at another time).
 */
export interface StepDone { text: string; scheduled: boolean; fault?: Fault }

/** Carries out the plan; returns what happened, for the step's "done" line, or null when refused. */
export function doStep(fault: Fault, run: StepRun): StepDone | null {
  const plan = planStep(fault, run);
  if (plan.kind === 'refuse') { notify(`Cannot do this step now: ${plan.reason}`, 'error'); return null; }
  if (plan.kind === 'inject') { run.injectFault(plan.fault); return { text: liveText(fault, run.timeMs), scheduled: false }; }
  const recorded = recordFault(plan.fault);
  if (!recorded.ok) { notify(`The step's fault could not be scheduled: ${recorded.errors.map((e) => e.message).join('; ')}`, 'error'); return null; }
  // A loaded simulation has the old timeline: reload it, still at t = 0.
  if (run.loaded) run.reset();
  return { text: `scheduled at ${formatSeconds(plan.fault.atMs)}`, scheduled: true };
}

/**
 * Whether a done step still reads done. A scheduled step is done while the document's timeline has its
 * fault: once Undo (or the timeline editor) takes it out, Do it comes back rather than claiming a fault
 * the next run will not have. A live step stays done: its fault is recorded only when the engine reports
 * it, and the button must not come back meanwhile (a second press would inject it twice).
 */
export function stepStillDone(done: StepDone | undefined, fault: Fault, timeline: readonly Fault[]): boolean {
  if (!done) return false;
  return !done.scheduled || timeline.some((f) => sameFault(f, done.fault ?? fault));
}

function sameFault(a: Fault, b: Fault): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * A step done live happens now, not at the time the lesson's text gives it: say when, and until when, so the times
 * later steps name ("when it comes back at 20 s") can be read against it.
 */
export function liveText(fault: Fault, nowMs: number): string {
  const until = fault.durationMs !== undefined ? `, until ${formatSeconds(nowMs + fault.durationMs)}` : '';
  return `done live at ${formatSeconds(nowMs)}${until} (the lesson times it at ${formatSeconds(fault.atMs)})`;
}
