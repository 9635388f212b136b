/**
 * Which pattern tables the app's Summary and the CLI's text summary show, which nodes get a row and which
 * columns are shown: one rule for both, so they show the same rows and columns. Each side adds its own titles.
 */
import type { NodeReport } from '../engine/api';
import { reportFigure } from './figures';
import { ACCESS_FIGURES, AGGREGATOR_FIGURES, REQUESTER_FIGURES, RESPONDER_FIGURES, type PatternFigure } from './patternFigures';

export type PatternTableId = 'requesters' | 'aggregators' | 'responders' | 'access';

/** One pattern table: the node kinds it lists and the figures it can show. */
export interface PatternTableSpec {
  id: PatternTableId;
  kinds: readonly string[];
  figures: readonly PatternFigure[];
  /** Every node of these kinds has a row, or only one with a figure above 0 (a plain consumer or queue has none). */
  rows: 'every' | 'above0';
}

export const PATTERN_TABLES: readonly PatternTableSpec[] = [
  { id: 'requesters', kinds: ['requester'], figures: REQUESTER_FIGURES, rows: 'every' },
  { id: 'aggregators', kinds: ['aggregator'], figures: AGGREGATOR_FIGURES, rows: 'every' },
  { id: 'responders', kinds: ['consumer'], figures: RESPONDER_FIGURES, rows: 'above0' },
  { id: 'access', kinds: ['queue', 'exchange'], figures: ACCESS_FIGURES, rows: 'above0' },
];

/** A table to show: its columns (figures) and its rows (node id and report), in the report's node order. */
export interface ShownPatternTable {
  id: PatternTableId;
  columns: readonly PatternFigure[];
  rows: [id: string, report: NodeReport][];
}

const above0 = (report: NodeReport, field: string): boolean => {
  const value = reportFigure(report, field);
  return typeof value === 'number' && value > 0;
};

function shown(spec: PatternTableSpec, nodes: Readonly<Record<string, NodeReport>>): ShownPatternTable {
  const rows = Object.entries(nodes)
    .filter(([, r]) => spec.kinds.includes(r.kind))
    .filter(([, r]) => spec.rows === 'every' || spec.figures.some((f) => above0(r, f.field)));
  // As in the CLI's node table, a figure no row reports is no column (a queue's table has no exchange's `refused`).
  const columns = spec.figures.filter((f) => rows.some(([, r]) => (f.onlyAbove0 ? above0(r, f.field) : reportFigure(r, f.field) !== undefined)));
  return { id: spec.id, columns, rows };
}

/** The pattern tables with at least one row, each with the columns it shows. */
export function shownPatternTables(nodes: Readonly<Record<string, NodeReport>>): ShownPatternTable[] {
  return PATTERN_TABLES.map((spec) => shown(spec, nodes)).filter((t) => t.rows.length > 0);
}
