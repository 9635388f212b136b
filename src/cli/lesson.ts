/**
 * `npm run lesson -- <lesson.json> [--experiment] [--json]`: runs a lesson headless and compares the
 * verdicts of its checks with the lesson's `expect`. runLesson is what the lesson tests use.
 */
import { createSimulation, type EngineError, type Snapshot } from '../engine';
import { evaluateChecks, updatePeaks, withExperimentFaults, type EvaluatedCheck, type Peaks } from '../lessons';
import { formatError, parseLessonText, type ParsedLesson } from '../schema';
import type { ReadResult } from './io';
import { LESSON_HELP, LESSON_USAGE, parseLessonArgs } from './lessonArgs';
import { lessonJson, lessonTable } from './lessonReport';

/** The lesson runner's exit codes (docs/lessons.md): 3 means the verdicts differ, so an engine error is 4 (npm run sim uses 3 for it). */
export const LESSON_EXIT = { ok: 0, invalidLesson: 1, badArguments: 2, verdictsDiffer: 3, engineError: 4 } as const;
export type LessonExitCode = (typeof LESSON_EXIT)[keyof typeof LESSON_EXIT];

export interface LessonRun {
  snapshot: Snapshot;
  peaks: Peaks;
  evaluated: EvaluatedCheck[];
  /** Check id → the verdict `expect` gives for this run (baseline or experiment). */
  expected: Record<string, 'pass' | 'fail'>;
  matches: boolean;
}

/** Simulated time per runUntil slice, in samples: the engine keeps at most 4096 untaken samples. */
const SAMPLES_PER_SLICE = 1000;

/** Runs the lesson's scenario (with its experiment faults if asked) to the end, sampling, and evaluates. */
export function runLesson(lesson: ParsedLesson, options: { experiment: boolean }): { ok: true; run: LessonRun } | { ok: false; error: EngineError } {
  const scenario = options.experiment ? withExperimentFaults(lesson) : lesson.scenario;
  const simulation = createSimulation(scenario, { sampling: true });
  const peaks: Peaks = {};
  const slice = scenario.metrics.sampleIntervalMs * SAMPLES_PER_SLICE;
  for (let t = Math.min(slice, scenario.durationMs); ; t = Math.min(t + slice, scenario.durationMs)) {
    const result = simulation.runUntil(t);
    if (result.error) return { ok: false, error: result.error };
    updatePeaks(peaks, simulation.takeSamples(), simulation.nodeIds);
    if (t >= scenario.durationMs) break;
  }
  const snapshot = simulation.snapshot();
  const evaluated = evaluateChecks(lesson, { finished: true, timeMs: snapshot.timeMs, snapshot, peaks });
  const expected = (options.experiment ? lesson.expect.experiment : lesson.expect.baseline) ?? {};
  const matches = evaluated.every((e) => expected[e.check.id] === e.result.verdict);
  return { ok: true, run: { snapshot, peaks, evaluated, expected, matches } };
}

/** What the lesson CLI needs from the outside world, so tests can run it in-process. */
export interface LessonIo {
  readFile(path: string): ReadResult;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** parse arguments → read → parseLessonText → run → verdicts. Returns the exit code. */
export function runLessonCli(argv: readonly string[], io: LessonIo): LessonExitCode {
  const args = parseLessonArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.message}\n${LESSON_USAGE}\n`);
    return LESSON_EXIT.badArguments;
  }
  if (args.value.help) {
    io.stdout(`${LESSON_HELP}\n`);
    return LESSON_EXIT.ok;
  }
  const { file, experiment, json } = args.value;
  const read = io.readFile(file);
  if (!read.ok) {
    io.stderr(`${read.error.message}\n`);
    return LESSON_EXIT.invalidLesson;
  }
  const parsed = parseLessonText(read.text);
  if (!parsed.ok) {
    io.stderr(`${file}: invalid lesson (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'})\n`);
    io.stderr(parsed.errors.map((e) => `${formatError(e)}\n`).join(''));
    return LESSON_EXIT.invalidLesson;
  }
  if (experiment && parsed.lesson.expect.experiment === undefined) {
    io.stderr(`error: --experiment: lesson "${parsed.lesson.id}" has no experiment fault to replay\n${LESSON_USAGE}\n`);
    return LESSON_EXIT.badArguments;
  }
  const outcome = runLesson(parsed.lesson, { experiment });
  if (!outcome.ok) {
    io.stderr(`engine error (${outcome.error.code}): ${outcome.error.message}\n`);
    return LESSON_EXIT.engineError;
  }
  io.stdout(json ? lessonJson(parsed.lesson, outcome.run, experiment) : lessonTable(parsed.lesson, outcome.run, experiment));
  return outcome.run.matches ? LESSON_EXIT.ok : LESSON_EXIT.verdictsDiffer;
}
