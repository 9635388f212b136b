/**
 * Opening a lesson: its scenario becomes the document through the same path as an example (undoable,
 * autosaved), the run is reset with the lesson's seed, and the panel shows it. Files, links and the
 * built-in list all come here, and each refused input keeps the current document.
 */
import { showScenarioErrors } from '../dialogs/dialogStore';
import { loadScenario, readParsedFile } from '../documents/loadDocument';
import type { LessonLink } from '../documents/shareLink';
import { useRunStore } from '../run/runStore';
import { parseLessonText, type ParsedLesson } from '../../schema/parseLesson';
import { BUILTIN_LESSONS } from './builtinLessons';
import { findLesson } from './lessonCatalog';
import { useLessonStore, type LessonSource } from './lessonStore';

export function openLesson(lesson: ParsedLesson, source: LessonSource, origin: string): void {
  loadScenario(lesson.scenario, origin);
  // Every student runs the same scenario with the same seed, whatever seed they typed before.
  useRunStore.getState().prepare(lesson.scenario.seed);
  useLessonStore.getState().setOpen({ lesson, source });
}

export function openBuiltinLesson(lesson: ParsedLesson): void {
  openLesson(lesson, { kind: 'builtin' }, `the lesson “${lesson.title}”`);
}

/** A teacher's own lesson file, through parseLesson like the built-in ones. */
export async function openLessonFile(file: File): Promise<void> {
  const result = await readParsedFile(file, 'lesson', parseLessonText);
  if (result) openLesson(result.lesson, { kind: 'own', name: file.name }, file.name);
}

/** A lesson share link (`#lesson=<id>` or `#lesson-data=…`); a bad one shows why and keeps the document. */
export function openLessonLink(link: LessonLink): void {
  if (link.kind === 'builtin') {
    const lesson = findLesson(BUILTIN_LESSONS, link.id);
    if (lesson) { openLesson(lesson, { kind: 'builtin' }, 'a lesson link'); return; }
    const known = BUILTIN_LESSONS.flatMap((e) => (e.ok ? [e.lesson.id] : [])).join(', ');
    showScenarioErrors('This lesson link names no lesson', 'The current document was kept.',
      [{ code: 'unknown_lesson', path: '', message: `there is no built-in lesson "${link.id}"; the lessons are: ${known || 'none'}` }]);
    return;
  }
  if (link.result.ok) openLesson(link.result.lesson, { kind: 'own', name: link.result.lesson.title }, 'a lesson link');
  else showScenarioErrors('This lesson link holds an invalid lesson', 'The current document was kept. Problems:', link.result.errors);
}
