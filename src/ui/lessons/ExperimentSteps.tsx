import type { Fault } from '../../schema';
import type { ExperimentStep } from '../../schema/lesson';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from '../run/runStore';
import { doStep, stepStillDone } from './experimentStep';
import { describeFault } from './format';
import { useLessonStore } from './lessonStore';

/** The guided experiment, in order; a step with a fault has a "Do it" button that makes it happen. */
export function ExperimentSteps({ steps }: { steps: readonly ExperimentStep[] }) {
  if (steps.length === 0) return <p className="muted">This lesson has no experiment: watch the run.</p>;
  return (
    <ol className="lesson-steps" data-testid="lesson-steps">
      {steps.map((step, i) => (
        <li key={i} data-testid={`lesson-step-${i}`}>
          <span>{step.text}</span>
          {step.fault && <StepDoIt index={i} fault={step.fault} />}
        </li>
      ))}
    </ol>
  );
}

/**
 * A step's "Do it" button, or once done its status (when, and until when): the lesson panel and the presenter's
 * steps bar both show this one, over the one lesson store, so a step done in either reads done in both.
 */
export function StepDoIt({ index, fault }: { index: number; fault: Fault }) {
  const done = useLessonStore((s) => s.done[index]);
  const stillDone = useDocumentStore((s) => stepStillDone(done, fault, s.scenario.faults));
  const broken = useRunStore((s) => s.status === 'error');
  if (done && stillDone) return <span className="lesson-step-done" data-testid={`lesson-step-done-${index}`} title={`✓ ${done.text}`}>✓ {done.text}</span>;
  const onClick = () => {
    const what = doStep(fault, useRunStore.getState());
    if (what !== null) useLessonStore.getState().markDone(index, what);
  };
  return (
    <button type="button" className="btn btn-primary lesson-do" data-testid={`lesson-do-${index}`} disabled={broken} onClick={onClick}
      title={`${describeFault(fault)}. Before Play it is scheduled at that time; during the run it happens now.`}>
      Do it
    </button>
  );
}
