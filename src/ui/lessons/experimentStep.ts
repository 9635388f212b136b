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

/** Carries out the plan; returns what happened, for the step's "done" line, or null when refused. */
export function doStep(fault: Fault, run: StepRun): string | null {
  const plan = planStep(fault, run);
  if (plan.kind === 'refuse') { notify(`Cannot do this step now: ${plan.reason}`, 'error'); return null; }
  if (plan.kind === 'inject') { run.injectFault(plan.fault); return 'done live'; }
  const recorded = recordFault(plan.fault);
  if (!recorded.ok) { notify(`The step's fault could not be scheduled: ${recorded.errors.map((e) => e.message).join('; ')}`, 'error'); return null; }
  // A loaded simulation has the old timeline: reload it, still at t = 0.
  if (run.loaded) run.reset();
  return `scheduled at ${formatSeconds(plan.fault.atMs)}`;
}
