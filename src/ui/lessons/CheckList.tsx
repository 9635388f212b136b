import { useMemo } from 'react';
import { evaluateChecks } from '../../lessons/evaluate';
import type { LessonCheck } from '../../schema/lesson';
import { CHECK_STATE_TEXTS, checkStateText, formatFigure, opText } from './format';
import { useRunView } from './lessonRun';

/**
 * The lesson's checks with their verdict on the run so far: ✓ pass or ✗ fail, the figure compared,
 * and "so far" until the run has finished (or a figure that only grows settled it), then final.
 * `large` (the presenter's strip): the figure's value and the state keep the same room in every state, so a
 * verdict never rewraps a label: the strip would change height and the canvas above it refit (a jump).
 */
export function CheckList({ checks, large = false }: { checks: readonly LessonCheck[]; large?: boolean }) {
  const view = useRunView();
  const evaluated = useMemo(() => (view ? evaluateChecks({ checks }, view) : null), [checks, view]);
  return (
    <ul className={large ? 'lesson-checks lesson-checks-large' : 'lesson-checks'} data-testid="lesson-checks">
      {checks.map((check, i) => {
        const result = evaluated?.[i]?.result ?? null;
        const verdict = result?.verdict ?? 'none';
        return (
          <li key={check.id} className={`lesson-check lesson-check-${verdict}`} data-testid={`lesson-check-${check.id}`}
            data-verdict={verdict} data-final={result ? String(result.final) : 'false'} title={result?.detail ?? 'Press Play: the check is evaluated on the run.'}>
            <span className="lesson-check-mark" aria-hidden>{verdict === 'pass' ? '✓' : verdict === 'fail' ? '✗' : '·'}</span>
            <span className="lesson-check-label">{check.label}</span>
            <span className="lesson-check-figure">
              <span className="lesson-check-value">{result ? formatFigure(result.value) : ''}</span> {opText(check.op)} {check.value}
            </span>
            <span className="lesson-check-state">
              <span>{checkStateText(verdict, result?.final ?? false)}</span>
              {/* Room for the widest state text, drawn from an attribute: invisible, and not part of the line's text. */}
              {large && CHECK_STATE_TEXTS.map((text) => <span key={text} className="lesson-check-room" data-room={text} aria-hidden />)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
