import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../schema';
import { decodeLessonRunHash, encodeLessonRunHash } from '../documents/lessonRunLink';
import { decodeLessonHash, type LessonLink } from '../documents/shareLink';
import { stepStillDone } from './experimentStep';
import { addedFaults, runOffer, scenarioWithRun, stepsDoneByTeacher, type RawTeacherRun } from './teacherRun';
import { testLesson } from './testLesson';

const lesson = testLesson();
const stepFault = lesson.experiment[0]!.fault!;
/** Do it pressed during the run, as the engine recorded it: the step's fault at the time it happened, live. */
const doneLive: Fault = { ...stepFault, atMs: 7340, live: true };
/** A fault from the canvas's fault menu, not a step's. */
const menuFault: Fault = { type: 'slow', target: 'worker-1', atMs: 12_000, durationMs: 3000, factor: 3, live: true };
const teacherDoc = { ...lesson.scenario, faults: [doneLive, menuFault] };

/** A link's run, parsed with the lesson's scenario as opening it does; throws with the errors when refused. */
function openedRun(link: LessonLink | null) {
  if (!link?.run) throw new Error('no run in the link');
  const parsed = scenarioWithRun(lesson, link.run as RawTeacherRun);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return parsed.scenario;
}

const errorsOf = (link: LessonLink | null) => (link?.kind === 'data' && !link.result.ok ? link.result.errors : []);

describe('the teacher\'s run', () => {
  it('is the faults the document adds to the lesson\'s, counting repeats, in the run\'s order', () => {
    const own: Fault = { type: 'crash', target: 'orders', atMs: 1000, durationMs: 500 };
    expect(addedFaults([own], [own, menuFault, doneLive, menuFault])).toEqual([menuFault, doneLive, menuFault]);
    expect(addedFaults([own, own], [own])).toEqual([]);
  });

  it('is offered only when the document adds faults, and says when the canvas has other edits', () => {
    expect(runOffer(lesson, lesson.scenario, 3)).toBeNull();
    expect(runOffer(lesson, teacherDoc, 9)).toEqual({ run: { seed: 9, faults: [doneLive, menuFault] }, added: [doneLive, menuFault], edited: false });
    const moved = { ...teacherDoc, nodes: teacherDoc.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: 0 } })) };
    expect(runOffer(lesson, moved, 9)?.edited).toBe(false); // a move changes nothing the run does
    const slower = { ...teacherDoc, durationMs: 10_000 };
    expect(runOffer(lesson, slower, 9)?.edited).toBe(true);
  });

  it('marks the step the teacher did live as done, at the time it happened, while the timeline has it', () => {
    const done = stepsDoneByTeacher(lesson, [menuFault, doneLive]);
    expect(Object.keys(done)).toEqual(['0']);
    expect(done[0]!.text).toBe('done live by your teacher at 7.34 s: in this run');
    expect(stepStillDone(done[0], stepFault, [doneLive])).toBe(true);
    expect(stepStillDone(done[0], stepFault, [menuFault])).toBe(false); // Undo took it out: Do it comes back
  });
});

describe('lesson links with the teacher\'s run', () => {
  it('a built-in lesson travels by id with its run, and opens on the same seed and faults', () => {
    const run = { seed: 9, faults: teacherDoc.faults };
    const link = decodeLessonRunHash(encodeLessonRunHash(lesson, true, run));
    expect(link).toMatchObject({ kind: 'builtin', id: lesson.id });
    const scenario = openedRun(link);
    expect(scenario.seed).toBe(9);
    expect(scenario.faults).toEqual([doneLive, menuFault]);
    expect({ ...scenario, seed: lesson.scenario.seed, faults: [] }).toEqual({ ...lesson.scenario, faults: [] });
  });

  it('stays short for a built-in lesson: the run, not the lesson, is in it', () => {
    const hash = encodeLessonRunHash(lesson, true, { seed: 9, faults: teacherDoc.faults });
    const whole = encodeLessonRunHash(lesson, false, { seed: 9, faults: teacherDoc.faults });
    expect(hash.length).toBeLessThan(250);
    expect(hash.length * 3).toBeLessThan(whole.length);
  });

  it('a teacher\'s own lesson travels whole and parses back to the same lesson', () => {
    const link = decodeLessonRunHash(encodeLessonRunHash(lesson, false, { seed: 4, faults: [menuFault] }));
    if (link?.kind !== 'data' || !link.result.ok) throw new Error('the lesson did not parse back');
    expect(link.result.lesson).toEqual(lesson);
    expect(openedRun(link).faults).toEqual([menuFault]);
  });

  it('a damaged link becomes errors, and other links are not run links', () => {
    expect(errorsOf(decodeLessonRunHash('#lesson-run=%%%not-lz'))[0]?.code).toBe('bad_link');
    expect(errorsOf(decodeLessonRunHash(`#lesson-run=${compressToEncodedURIComponent('{"lesson":')}`))[0]?.message).toMatch(/not valid JSON/);
    expect(errorsOf(decodeLessonRunHash(`#lesson-run=${compressToEncodedURIComponent('[1]')}`))[0]?.code).toBe('bad_link');
    const noRun = errorsOf(decodeLessonRunHash(`#lesson-run=${compressToEncodedURIComponent('{"lesson":"x","faults":{}}')}`));
    expect(noRun.map((e) => e.path)).toEqual(['seed', 'faults']);
    expect(errorsOf(decodeLessonRunHash(`#lesson-run=${compressToEncodedURIComponent('{"lesson":7,"seed":1,"faults":[]}')}`))[0]?.path).toBe('lesson');
    expect(decodeLessonRunHash('#lesson=poison-dead-letter')).toBeNull();
    expect(decodeLessonHash(encodeLessonRunHash(lesson, true, { seed: 1, faults: [] }))).toBeNull();
  });

  it('a tampered lesson or run is refused with its path by parseLesson or parseScenario', () => {
    const badLesson = decodeLessonRunHash(encodeLessonRunHash({ ...lesson, checks: [] } as never, false, { seed: 1, faults: [] }));
    expect(errorsOf(badLesson).some((e) => e.path.startsWith('checks'))).toBe(true);
    const ghost = { ...menuFault, target: 'no-such-node' };
    const refused = (run: RawTeacherRun) => {
      const result = scenarioWithRun(lesson, run);
      return result.ok ? [] : result.errors.map((e) => e.path);
    };
    expect(refused({ seed: 1, faults: [ghost] })).toContain('faults[0].target');
    expect(refused({ seed: -5, faults: [] })).toContain('seed');
    expect(refused({ seed: 1, faults: [{ ...menuFault, type: 'explode' }] }).some((p) => p.startsWith('faults[0]'))).toBe(true);
  });
});
