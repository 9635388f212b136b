/**
 * Opening a lesson: its scenario becomes the document through the same path as an example (undoable,
 * autosaved), the run is reset with the lesson's seed, and the panel shows it. Files, links and the
 * built-in list all come here, and each refused input keeps the current document. A link with the teacher's run opens
 * the lesson with that run's seed and faults as the document instead of the lesson's scenario as written.
 */
import { showScenarioErrors } from '../dialogs/dialogStore';
import { loadScenario, readParsedFile } from '../documents/loadDocument';
import type { LessonLink } from '../documents/shareLink';
import { useRunStore } from '../run/runStore';
import type { Scenario } from '../../schema';
import { parseLessonText, type ParsedLesson } from '../../schema/parseLesson';
import { BUILTIN_LESSONS } from './builtinLessons';
import { findLesson } from './lessonCatalog';
import { useLessonStore, type LessonSource } from './lessonStore';
import { addedFaults, scenarioWithRun, stepsDoneByTeacher } from './teacherRun';

export function openLesson(lesson: ParsedLesson, source: LessonSource, origin: string, run?: Scenario): void {
  const scenario = run ?? lesson.scenario;
  loadScenario(scenario, origin);
  // Every student runs the same scenario with the same seed, whatever seed they typed before.
  useRunStore.getState().prepare(scenario.seed);
  if (!run) { useLessonStore.getState().setOpen({ lesson, source }); return; }
  const faults = addedFaults(lesson.scenario.faults, run.faults);
  useLessonStore.getState().setOpen({ lesson, source, teacherRun: { seed: run.seed, faults } }, stepsDoneByTeacher(lesson, faults));
}

export function openBuiltinLesson(lesson: ParsedLesson): void {
  openLesson(lesson, { kind: 'builtin' }, `the lesson “${lesson.title}”`);
}

/** A teacher's own lesson file, through parseLesson like the built-in ones. */
export async function openLessonFile(file: File): Promise<void> {
  const result = await readParsedFile(file, 'lesson', parseLessonText);
  if (result) openLesson(result.lesson, { kind: 'own', name: file.name }, file.name);
}

/**
 * A lesson share link (`#lesson=<id>`, `#lesson-data=…`, or either with the teacher's run, `#lesson-run=…`); a bad one
 * shows why and keeps the document. A run goes through parseScenario with the lesson's scenario before anything opens.
 */
export function openLessonLink(link: LessonLink): void {
  const found = lessonOfLink(link);
  if (!found) return;
  if (!link.run) { openLesson(found.lesson, found.source, 'a lesson link'); return; }
  const run = scenarioWithRun(found.lesson, link.run);
  if (run.ok) openLesson(found.lesson, found.source, 'a lesson link with the teacher’s run', run.scenario);
  else showScenarioErrors('This lesson link holds an invalid run', 'The current document was kept. Problems with the run’s seed and faults:', run.errors);
}

/** The lesson a link names or carries, or null once its errors are shown. */
function lessonOfLink(link: LessonLink): { lesson: ParsedLesson; source: LessonSource } | null {
  if (link.kind === 'builtin') {
    const lesson = findLesson(BUILTIN_LESSONS, link.id);
    if (lesson) return { lesson, source: { kind: 'builtin' } };
    const known = BUILTIN_LESSONS.flatMap((e) => (e.ok ? [e.lesson.id] : [])).join(', ');
    showScenarioErrors('This lesson link names no lesson', 'The current document was kept.',
      [{ code: 'unknown_lesson', path: '', message: `there is no built-in lesson "${link.id}"; the lessons are: ${known || 'none'}` }]);
    return null;
  }
  if (link.result.ok) return { lesson: link.result.lesson, source: { kind: 'own', name: link.result.lesson.title } };
  showScenarioErrors('This lesson link holds an invalid lesson', 'The current document was kept. Problems:', link.result.errors);
  return null;
}
