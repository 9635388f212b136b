import type { RunShareChoice } from './dialogStore';

export type ShareChoice = 'written' | 'run';

/**
 * The lesson as written, or with the teacher's run: the two links a lesson with faults added to it can be shared as.
 * The run's faults are listed, so the teacher sees what the students will replay before sending it.
 */
export function ShareRunChoice({ run, choice, onChoose }: { run: RunShareChoice; choice: ShareChoice; onChoose: (c: ShareChoice) => void }) {
  return (
    <fieldset className="share-choice" data-testid="share-choice">
      <legend>What the link opens</legend>
      <label>
        <input type="radio" name="share-choice" checked={choice === 'written'} onChange={() => onChoose('written')} data-testid="share-choice-written" />
        <span><b>The lesson as written</b>: its scenario and seed; students press Do it themselves.</span>
      </label>
      <label>
        <input type="radio" name="share-choice" checked={choice === 'run'} onChange={() => onChoose('run')} data-testid="share-choice-run" />
        <span>
          <b>The lesson with my run</b>: seed {run.seed} and the faults I added, at the times they happened:
          <ul className="share-run-faults" data-testid="share-run-faults">{run.faults.map((f, i) => <li key={i}>{f}</li>)}</ul>
        </span>
      </label>
      {run.edited && (
        <p className="share-run-warning" data-testid="share-run-edited">
          Your canvas has other edits (a setting, a node, an edge or the duration): the link does not carry them, so the students run the
          lesson's scenario with your seed and faults, and their figures may differ from yours.
        </p>
      )}
    </fieldset>
  );
}
