/**
 * Lessons: evaluating a lesson's checks on a run, and the report figures both summaries name. Pure, so the
 * UI, the CLI and tests share it.
 */
export * from './evaluate';
export * from './experiment';
export * from './peaks';
export type { Figure } from './figures';
export { reportFigure } from './figures';
export * from './patternFigures';
export * from './patternTables';
