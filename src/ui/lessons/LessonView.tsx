import { CheckList } from './CheckList';
import { ExperimentSteps } from './ExperimentSteps';
import { useLessonStore, type OpenLesson } from './lessonStore';
import { shareLesson } from './shareLesson';
import { TeacherRunNote } from './TeacherRunNote';

/** One open lesson: what it is about, what to watch, the experiment and the checks on the run. */
export function LessonView({ open }: { open: OpenLesson }) {
  const { lesson } = open;
  return (
    <div className="lesson-view" data-testid="lesson-view" data-lesson={lesson.id}>
      <div className="lesson-toolbar">
        <button type="button" className="btn" data-testid="lesson-back" onClick={() => useLessonStore.getState().showList()}>← All lessons</button>
        <h3 className="lesson-title" data-testid="lesson-title">{lesson.title}</h3>
        <span className="muted">{lesson.topic}</span>
        <button type="button" className="btn" data-testid="lesson-share" onClick={() => void shareLesson(open)}
          title={open.source.kind === 'builtin' ? 'Copy a link that opens this lesson' : 'Copy a link that carries this whole lesson'}>Share lesson</button>
        <button type="button" className="btn" data-testid="lesson-close" onClick={() => useLessonStore.getState().close()}
          title="Close the lesson (the document stays)">Close</button>
      </div>
      <div className="lesson-columns">
        <section className="lesson-about">
          <h4>About</h4>
          <p>{lesson.summary}</p>
          {lesson.watch.length > 0 && (<>
            <h4>What to watch</h4>
            <ul className="lesson-watch">{lesson.watch.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </>)}
        </section>
        <section className="lesson-experiment">
          <h4>Experiment</h4>
          {open.teacherRun && <TeacherRunNote run={open.teacherRun} />}
          <ExperimentSteps steps={lesson.experiment} />
        </section>
        <section className="lesson-checks-section">
          <h4>Checks</h4>
          <CheckList checks={lesson.checks} />
        </section>
      </div>
    </div>
  );
}
