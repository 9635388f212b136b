import type { DropReason, Snapshot } from '../engine/api';
import type { CHECK_DROP_REASONS, LessonCheck } from '../schema';
import { compare, settledWhileRising } from './compare';
import { figureOf } from './figures';
import type { Peaks } from './peaks';

/** What a check is evaluated on: a run so far (live in the app) or a finished one (CLI, tests). */
export interface RunView {
  /** The run has reached its end: every verdict is final. */
  finished: boolean;
  timeMs: number;
  snapshot: Snapshot;
  peaks: Peaks;
}

export interface CheckResult {
  verdict: 'pass' | 'fail';
  /** The figure compared; null when it is missing (the verdict is then fail, and `detail` says why). */
  value: number | null;
  /** The verdict can no longer change: the run finished, or a figure that only grows settled it. */
  final: boolean;
  /** A sentence for the panel: what was compared with what, or why nothing could be. */
  detail: string;
}

/** The schema's list of drop reasons a check may name must be exactly the engine's DropReason. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const dropReasonsMatch: Same<(typeof CHECK_DROP_REASONS)[number], DropReason> = true;
void dropReasonsMatch;

export function evaluateCheck(check: LessonCheck, view: RunView): CheckResult {
  const figure = figureOf(check, view.snapshot, view.peaks);
  if (!figure.ok) return { verdict: 'fail', value: null, final: view.finished, detail: figure.detail };
  const pass = compare(figure.value, check.op, check.value);
  const final = view.finished || (figure.rising && settledWhileRising(figure.value, check.op, check.value));
  return {
    verdict: pass ? 'pass' : 'fail',
    value: figure.value,
    final,
    detail: `${figure.what} = ${round(figure.value)}, ${pass ? 'meets' : 'fails'} ${check.op} ${check.value}${final ? '' : ' (so far)'}`,
  };
}

export interface EvaluatedCheck { check: LessonCheck; result: CheckResult }

/** Every check of a lesson, in the lesson's order. */
export function evaluateChecks(lesson: { checks: readonly LessonCheck[] }, view: RunView): EvaluatedCheck[] {
  return lesson.checks.map((check) => ({ check, result: evaluateCheck(check, view) }));
}

/** Verdicts by check id, the shape of a lesson's `expect`. */
export function verdictsOf(evaluated: readonly EvaluatedCheck[]): Record<string, 'pass' | 'fail'> {
  return Object.fromEntries(evaluated.map((e) => [e.check.id, e.result.verdict]));
}

function round(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}
