import type { OpenLesson } from '../lessons/lessonStore';
import { teacherFaultsLine, teacherRunTitle } from '../lessons/teacherRun';

/**
 * The lesson panel's "This run includes your teacher's faults" (TeacherRunNote) for the room: one line atop the strip,
 * so a class watching the projector knows the run is not the lesson as written. The line may be cut at the screen's
 * edge; its tooltip has every fault, and when it was done live.
 */
export function PresenterTeacherRun({ run }: { run: NonNullable<OpenLesson['teacherRun']> }) {
  return (
    <p className="presenter-teacher-run" data-testid="presenter-teacher-run" title={teacherRunTitle(run)}>
      <b>Includes your teacher’s faults</b> (seed {run.seed}): {teacherFaultsLine(run.faults)}
    </p>
  );
}
