import { useMemo } from 'react';
import { evaluateChecks } from '../../lessons/evaluate';
import type { LessonCheck } from '../../schema/lesson';
import { formatFigure, opText } from './format';
import { useRunView } from './lessonRun';

/**
 * The lesson's checks with their verdict on the run so far: ✓ pass or ✗ fail, the figure compared,
 * and "so far" until the run has finished (or a figure that only grows settled it), then final.
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
              {result ? `${formatFigure(result.value)} ${opText(check.op)} ${check.value}` : `${opText(check.op)} ${check.value}`}
            </span>
            <span className="lesson-check-state">
              {verdict === 'none' ? 'not run yet' : `${verdict}${result?.final ? '' : ' so far'}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
