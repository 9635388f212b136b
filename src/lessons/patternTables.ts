/**
 * Which pattern tables the app's Summary and the CLI's text summary show, which nodes get a row and which
 * columns are shown, under which title: one rule for both, so they show the same tables.
 */
import type { NodeReport } from '../engine/api';
import { reportFigure } from './figures';
import { ACCESS_FIGURES, AGGREGATOR_FIGURES, REQUESTER_FIGURES, RESPONDER_FIGURES, type PatternFigure } from './patternFigures';

export type PatternTableId = 'requesters' | 'aggregators' | 'responders' | 'access';

/** One pattern table: its title, the node kinds it lists and the figures it can show. */
export interface PatternTableSpec {
  id: PatternTableId;
  /** The table's name, as the Summary heads it. */
  title: string;
  /** What it is about, in words: the CLI prints it after the title, where no tooltip can say it. */
  about: string;
  kinds: readonly string[];
  figures: readonly PatternFigure[];
  /** Every node of these kinds has a row, or only one with a figure above 0 (a plain consumer or queue has none). */
  rows: 'every' | 'above0';
}

export const PATTERN_TABLES: readonly PatternTableSpec[] = [
  { id: 'requesters', title: 'Requesters', about: 'EIP Request-Reply: round trip = request sent → reply matched', kinds: ['requester'], figures: REQUESTER_FIGURES, rows: 'every' },
  { id: 'aggregators', title: 'Aggregators', about: 'EIP Aggregator: completed by size, timeout or a good-enough reply', kinds: ['aggregator'], figures: AGGREGATOR_FIGURES, rows: 'every' },
  { id: 'responders', title: 'Responders and integrity', about: 'replies to a Return Address, synchronous calls, checksums', kinds: ['consumer'], figures: RESPONDER_FIGURES, rows: 'above0' },
  { id: 'access', title: 'Deduplication and permissions', about: 'SQS FIFO deduplication, 403 ACCESS_REFUSED', kinds: ['queue', 'exchange'], figures: ACCESS_FIGURES, rows: 'above0' },
];

/** A table to show: its columns (figures) and its rows (node id and report), in the report's node order. */
export interface ShownPatternTable {
  id: PatternTableId;
  title: string;
  about: string;
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
  return { id: spec.id, title: spec.title, about: spec.about, columns, rows };
}

/** The pattern tables with at least one row, each with the columns it shows. */
export function shownPatternTables(nodes: Readonly<Record<string, NodeReport>>): ShownPatternTable[] {
  return PATTERN_TABLES.map((spec) => shown(spec, nodes)).filter((t) => t.rows.length > 0);
}
