/**
 * A lesson "with the teacher's run": the seed and the fault timeline of the teacher's document (the faults pressed
 * with Do it and those triggered live, recorded with the time they happened), so that every student who opens the
 * link replays the run the teacher showed: same seed, same faults at the same times, same figures, same verdicts.
 * Pure: the link itself is in documents/lessonRunLink.ts, the opening in openLesson.ts.
 */
import { parseScenario, type Fault, type ParseResult, type Scenario } from '../../schema';
import type { ParsedLesson } from '../../schema/parseLesson';
import { faultKey, runKey } from '../run/runKey';
import type { StepDone } from './experimentStep';
import { describeFault, faultSpan, faultWhat, formatSeconds } from './format';

/** What a run link carries besides the lesson: the run's seed and its whole fault timeline, in order. */
export interface TeacherRun { seed: number; faults: Fault[] }

/** A run link's run as read from the link, not yet checked: parseScenario checks it with the lesson's scenario. */
export interface RawTeacherRun { seed: unknown; faults: unknown }

/** What sharing can offer beside the lesson as written; `edited`: the canvas differs from the lesson in more than faults. */
export interface RunOffer { run: TeacherRun; added: Fault[]; edited: boolean }

/** A fault as a string whatever the order of its fields; `loose` leaves out when it happened and whether it was live. */
const keyOf = (f: Fault, loose = false): string => faultKey(loose ? { ...f, atMs: undefined, live: undefined } : f);

/** The faults of `run` that `lesson` does not have (counting repeats), in the run's order: what the teacher added. */
export function addedFaults(lesson: readonly Fault[], run: readonly Fault[]): Fault[] {
  const left = lesson.map((f) => keyOf(f));
  return run.filter((f) => {
    const i = left.indexOf(keyOf(f));
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

/** The run sharing can offer: null when the document adds no fault to the lesson's own timeline (nothing to carry). */
export function runOffer(lesson: ParsedLesson, document: Scenario, seed: number): RunOffer | null {
  const added = addedFaults(lesson.scenario.faults, document.faults);
  if (added.length === 0) return null;
  const edited = runKey({ ...document, faults: [] }) !== runKey({ ...lesson.scenario, faults: [] });
  return { run: { seed, faults: document.faults }, added, edited };
}

/**
 * The lesson's scenario with a link's seed and fault timeline, through parseScenario like every way in: a fault on a
 * node the lesson does not have, a time past the end or a seed out of range is refused with its path.
 */
export function scenarioWithRun(lesson: ParsedLesson, run: RawTeacherRun): ParseResult {
  return parseScenario({ ...lesson.scenario, seed: run.seed, faults: run.faults });
}

/** One teacher's fault in words, for the student: "crash worker-2 at 12.4 s (live), for 5 s". */
export function describeTeacherFault(f: Fault): string {
  const span = faultSpan(f);
  return `${faultWhat(f)} at ${formatSeconds(f.atMs)}${f.live ? ' (done live)' : ''}${span === null ? '' : `, ${span}`}`;
}

/** What a teacher's run says when it adds no fault to the lesson's own. */
export const NONE_ADDED = 'none besides the lesson’s own';

/** A teacher's faults on one line, for the presenter's strip: "crash worker-2 at 12 s, for 4 s · slow worker-1 ×3 at 6 s, for 3 s". */
export function teacherFaultsLine(faults: readonly Fault[]): string {
  return faults.length === 0 ? NONE_ADDED : faults.map(describeFault).join(' · ');
}

/** The whole of a teacher's run, a fault a line: the tooltip of a line that may be cut. */
export function teacherRunTitle(run: TeacherRun): string {
  const head = `Your teacher’s faults (seed ${run.seed}), in the fault timeline`;
  return run.faults.length === 0 ? `${head}: ${NONE_ADDED}` : [`${head}:`, ...run.faults.map((f) => `• ${describeTeacherFault(f)}`)].join('\n');
}

/**
 * The experiment steps the teacher's faults carried out, each marked done for the student so Do it does not add the
 * fault a second time: a step matches a fault of its type, target and parameters, at whatever time it was done.
 */
export function stepsDoneByTeacher(lesson: ParsedLesson, added: readonly Fault[]): Record<number, StepDone> {
  const done: Record<number, StepDone> = {};
  for (const fault of added) {
    const step = lesson.experiment.findIndex((s, i) => !done[i] && s.fault !== undefined && keyOf(s.fault, true) === keyOf(fault, true));
    if (step < 0) continue;
    const how = fault.live ? 'done live by your teacher' : 'scheduled by your teacher';
    done[step] = { text: `${how} at ${formatSeconds(fault.atMs)}: in this run`, scheduled: true, fault };
  }
  return done;
}
