/** What `npm run lesson` prints: a table of the checks with their verdicts, or one JSON object. */
import type { ParsedLesson } from '../schema';
import { columns, formatNumber } from './format';
import type { LessonRun } from './lesson';

export function lessonTable(lesson: ParsedLesson, run: LessonRun, experiment: boolean): string {
  const header = ['check', 'value', 'verdict', 'expected', ''];
  const rows = run.evaluated.map(({ check, result }) => {
    const expected = run.expected[check.id] ?? '–';
    return [check.label, result.value === null ? '–' : formatNumber(result.value), result.verdict, expected, expected === result.verdict ? '' : '✗ differs'];
  });
  const summary = run.matches ? '✓ every verdict is as expected' : `✗ ${run.evaluated.filter((e) => run.expected[e.check.id] !== e.result.verdict).length} verdict(s) differ from expect`;
  return [
    `Lesson: ${lesson.title} (${experiment ? 'with the experiment\'s faults' : 'baseline'})`,
    `${formatNumber(run.snapshot.timeMs / 1000)} simulated seconds · seed ${run.snapshot.seed}`,
    '',
    ...columns([header, ...rows], ['left', 'right', 'left', 'left', 'left']),
    ...run.evaluated.filter((e) => e.result.value === null).map((e) => `  ${e.check.id}: ${e.result.detail}`),
    '',
    summary,
  ].join('\n') + '\n';
}

export function lessonJson(lesson: ParsedLesson, run: LessonRun, experiment: boolean): string {
  return JSON.stringify({
    lesson: lesson.id,
    run: experiment ? 'experiment' : 'baseline',
    simulatedSeconds: run.snapshot.timeMs / 1000,
    matches: run.matches,
    checks: run.evaluated.map(({ check, result }) => ({
      id: check.id, label: check.label, value: result.value, verdict: result.verdict, expected: run.expected[check.id] ?? null, detail: result.detail,
    })),
  }, null, 2) + '\n';
}
