import { LessonList } from './LessonList';
import { LessonView } from './LessonView';
import { useLessonStore } from './lessonStore';
import './lessons.css';

/** The Lessons dock tab: the list, or the open lesson. */
export function LessonsPanel() {
  const open = useLessonStore((s) => s.open);
  const view = useLessonStore((s) => s.view);
  return (
    <div className="lessons-panel" data-testid="lessons-panel">
      {open && view === 'lesson' ? <LessonView open={open} /> : <LessonList />}
    </div>
  );
}
