/**
 * A lesson link with the teacher's run: `#lesson-run=<lz-string>` of `{ lesson, seed, faults }`, where `lesson` is a
 * built-in lesson's id or a teacher's own lesson whole (as the plain lesson links carry them), and `seed` and `faults`
 * are the run's. Decoding only checks the envelope: the lesson goes through parseLesson, and the run, once the lesson
 * is known, through parseScenario with the lesson's scenario (teacherRun.ts), like every other way in.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { ScenarioError } from '../../schema';
import { parseLesson, type ParsedLesson } from '../../schema/parseLesson';
import type { TeacherRun } from '../lessons/teacherRun';
import type { LessonLink } from './shareLink';

const PREFIX = '#lesson-run=';

export function encodeLessonRunHash(lesson: ParsedLesson, builtin: boolean, run: TeacherRun): string {
  const payload = { lesson: builtin ? lesson.id : lesson, seed: run.seed, faults: run.faults };
  return PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));
}

export function lessonRunShareUrl(lesson: ParsedLesson, builtin: boolean, run: TeacherRun, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}${encodeLessonRunHash(lesson, builtin, run)}`;
}

const damaged = (path: string, why: string): LessonLink =>
  ({ kind: 'data', result: { ok: false, errors: [{ code: 'bad_link', path, message: `the link is damaged: ${why}` }] } });

/** null when the hash is no run link; a damaged one becomes errors (the caller shows them and keeps the document). */
export function decodeLessonRunHash(hash: string): LessonLink | null {
  if (!hash.startsWith(PREFIX)) return null;
  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  if (!text) return damaged('', 'its lesson and run could not be decompressed (was it cut short when copied?)');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return damaged('', 'its lesson and run are not valid JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return damaged('', 'it holds no lesson and run');
  const { lesson, seed, faults } = payload as Record<string, unknown>;
  const missing: ScenarioError[] = [
    ...(seed === undefined ? [{ code: 'bad_link', path: 'seed', message: 'the link is damaged: the run has no seed' }] : []),
    ...(!Array.isArray(faults) ? [{ code: 'bad_link', path: 'faults', message: 'the link is damaged: the run has no list of faults' }] : []),
  ];
  if (missing.length > 0) return { kind: 'data', result: { ok: false, errors: missing } };
  const run = { seed, faults };
  if (typeof lesson === 'string') return { kind: 'builtin', id: lesson, run };
  if (typeof lesson !== 'object' || lesson === null) return damaged('lesson', 'it names no lesson');
  return { kind: 'data', result: parseLesson(lesson), run };
}
