import type { ScenarioError } from '../../schema';
import type { ParsedLesson } from '../../schema/parseLesson';

/** One lesson file as the panel lists it: parsed, or refused with its errors (shown, never hidden). */
export type LessonEntry =
  | { file: string; ok: true; lesson: ParsedLesson }
  | { file: string; ok: false; errors: ScenarioError[] };

export interface LessonGroup { topic: string; entries: LessonEntry[] }

/** A broken file has no topic of its own: it is listed under this one, at the end. */
export const BROKEN_TOPIC = 'Lessons that cannot be opened';

/**
 * The entries grouped by `topic` (groups in the order of their first lesson), each sorted by `order`,
 * then title; broken files last, so a teacher sees at once which file needs fixing.
 */
export function groupLessons(entries: readonly LessonEntry[]): LessonGroup[] {
  const ok = entries.filter((e): e is Extract<LessonEntry, { ok: true }> => e.ok)
    .sort((a, b) => a.lesson.order - b.lesson.order || a.lesson.title.localeCompare(b.lesson.title));
  const groups = new Map<string, LessonEntry[]>();
  for (const e of ok) {
    const list = groups.get(e.lesson.topic) ?? [];
    list.push(e);
    groups.set(e.lesson.topic, list);
  }
  const result = [...groups].map(([topic, list]) => ({ topic, entries: list }));
  const broken = entries.filter((e) => !e.ok).sort((a, b) => a.file.localeCompare(b.file));
  return broken.length > 0 ? [...result, { topic: BROKEN_TOPIC, entries: broken }] : result;
}

/** The built-in lesson with this id, if it parsed. */
export function findLesson(entries: readonly LessonEntry[], id: string): ParsedLesson | null {
  for (const e of entries) if (e.ok && e.lesson.id === id) return e.lesson;
  return null;
}
