import type { OpenLesson } from './lessonStore';
import { describeTeacherFault, NONE_ADDED } from './teacherRun';

/**
 * For a student who opened a link with the teacher's run: this run is not the lesson as written, it has the teacher's
 * seed and faults, already in the document's timeline. Said above the experiment, whose steps it may have done.
 */
export function TeacherRunNote({ run }: { run: NonNullable<OpenLesson['teacherRun']> }) {
  return (
    <div className="lesson-teacher-run" data-testid="lesson-teacher-run">
      <b>This run includes your teacher’s faults</b> (seed {run.seed}); they are in the fault timeline, so Play gives the run
      your teacher showed:
      {run.faults.length > 0
        ? <ul>{run.faults.map((f, i) => <li key={i}>{describeTeacherFault(f)}</li>)}</ul>
        : <span> {NONE_ADDED}.</span>}
    </div>
  );
}
