import type { ExperimentStep } from '../../schema/lesson';
import { StepDoIt } from '../lessons/ExperimentSteps';
import { faultFigure, faultName, faultWhen } from '../lessons/format';

/**
 * The open lesson's steps that make something happen, in the strip under the canvas (above the checks, or above the
 * chart when the checks fill the strip: presenter.css): the step's number (as the lesson panel numbers it), its fault
 * in a few words, and the panel's own "Do it" button or status (StepDoIt), so the teacher does the experiment without
 * leaving the presenter. A step's full text is the teacher's to say: it is the step's tooltip, not the room's reading
 * (at projector type it would take the room the canvas needs). Nothing when no step has a fault.
 */
export function PresenterSteps({ steps }: { steps: readonly ExperimentStep[] }) {
  const doable = steps.flatMap((step, index) => (step.fault ? [{ step, index, fault: step.fault }] : []));
  if (doable.length === 0) return null;
  return (
    <ol className="presenter-steps" data-testid="presenter-steps" aria-label="Experiment">
      {doable.map(({ step, index, fault }) => (
        <li key={index} className="presenter-step" data-testid={`presenter-step-${index}`} title={step.text}>
          <span className="presenter-step-number">{index + 1}</span>
          <span className="presenter-step-fault">
            {/* Stacked (five or six checks), a step shows its name alone: its figure goes with its times (presenter.css). */}
            {faultName(fault)}<span className="presenter-step-when">{withSpace(faultFigure(fault))} {faultWhen(fault)}</span>
          </span>
          {/* Stacked, the space between the name and Do it, which goes at a line's start (presenter.css); a row (flex) ignores it. */}
          {' '}<StepDoIt index={index} fault={fault} />
        </li>
      ))}
    </ol>
  );
}

const withSpace = (figure: string | null): string => (figure === null ? '' : ` ${figure}`);
