import { parseLesson } from '../../schema/parseLesson';
import type { LessonEntry } from './lessonCatalog';

const modules = import.meta.glob('/lessons/*.json', { eager: true, import: 'default' });

/** Every `lessons/*.json`, parsed like a teacher's own file; a broken one keeps its errors. */
export const BUILTIN_LESSONS: LessonEntry[] = Object.entries(modules).map(([path, json]): LessonEntry => {
  const file = path.split('/').pop() ?? path;
  const result = parseLesson(json);
  return result.ok ? { file, ok: true, lesson: result.lesson } : { file, ok: false, errors: result.errors };
});
