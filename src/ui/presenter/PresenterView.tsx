import { useRef } from 'react';
import { Canvas } from '../canvas/Canvas';
import { useDocumentStore } from '../document/documentStore';
import { CheckList } from '../lessons/CheckList';
import { useLessonStore } from '../lessons/lessonStore';
import { Toasts } from '../notify/Toasts';
import { RunControls } from '../run/RunControls';
import { PresenterChart } from './PresenterChart';
import { PresenterSteps } from './PresenterSteps';
import { PresenterTeacherRun } from './PresenterTeacherRun';
import { usePresenterStore } from './presenterStore';
import { usePresenterScale } from './usePresenterScale';
import { useRefitOnResize } from './useRefitOnResize';
import './presenter.css';

/**
 * A tighter fit than the editor's (no minimap to keep clear), zooming further in: the nodes' names and
 * figures are what the room must read. Fitting sees only the nodes: the room above and below is for a
 * reply looping around them (replyPath.ts) and its label.
 */
const PRESENTER_FIT = { padding: { top: '60px', left: '28px', right: '28px', bottom: '60px' }, maxZoom: 1.8 } as const;
const FIT_PADDING = { x: 28 + 28, y: 60 + 60 };

/**
 * For a projector: the canvas, one chart, the run controls, the lesson's steps to do and its checks, in large type
 * (and, for a lesson opened with the teacher's run, that the run has the teacher's faults).
 * Nothing to edit: the palette, inspector and dock are gone (P or Esc brings them back).
 */
export function PresenterView() {
  const lesson = useLessonStore((s) => s.open?.lesson ?? null);
  const teacherRun = useLessonStore((s) => s.open?.teacherRun ?? null);
  const name = useDocumentStore((s) => s.scenario.name);
  const canvasBox = useRef<HTMLElement>(null);
  useRefitOnResize(canvasBox);
  const scale = usePresenterScale(canvasBox, FIT_PADDING, PRESENTER_FIT.maxZoom);
  return (
    <div className="presenter" data-testid="presenter" style={scale}>
      <header className="presenter-top">
        <h1 className="presenter-title" title={lesson?.title ?? name}>{lesson?.title ?? name}</h1>
        <RunControls />
        <button type="button" className="btn presenter-leave" data-testid="presenter-leave" onClick={() => usePresenterStore.getState().leave()}
          title="Back to the editor (Esc or P)">Leave (Esc)</button>
      </header>
      <main className="presenter-canvas" ref={canvasBox} data-testid="presenter-canvas">
        <Canvas fit={PRESENTER_FIT} controlsAt="top-right" />
        <Toasts />
      </main>
      <section className="presenter-bottom">
        {teacherRun && <PresenterTeacherRun run={teacherRun} />}
        <PresenterChart chart={lesson?.chart ?? null} />
        {lesson && <PresenterSteps steps={lesson.experiment} />}
        {lesson && (
          <div className="presenter-checks">
            <CheckList checks={lesson.checks} large />
          </div>
        )}
      </section>
    </div>
  );
}
