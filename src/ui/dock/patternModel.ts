/**
 * The Summary's pattern tables, as plain data: requesters (A4 Request-Reply), aggregators (A4 Aggregator),
 * responders and integrity at consumers, and refusals and deduplication at queues and exchanges (A2.3,
 * permissions). The wide node table has every field too; these pick the few that tell the story. Pure.
 */
import type { NodeReport, Snapshot } from '../../engine/api';
import { reportFigure } from '../../lessons/figures';
import type { PatternFigure } from '../../lessons/patternFigures';
import { shownPatternTables, type PatternTableId } from '../../lessons/patternTables';

/** A figure is a number, or a word such as a requester's mode. */
export type PatternValue = number | string;
export interface PatternRow { id: string; label: string; kind: string; values: Record<string, PatternValue> }
export interface PatternTable { id: PatternTableId; title: string; columns: readonly PatternFigure[]; rows: PatternRow[] }

// The tables, their rows, columns and titles are the CLI's too (src/lessons/patternTables.ts).

function rowOf(id: string, report: NodeReport, columns: readonly PatternFigure[], labels: Readonly<Record<string, string>>): PatternRow {
  const values: Record<string, PatternValue> = {};
  for (const c of columns) {
    const v = reportFigure(report, c.field);
    // A figure this engine does not report (yet) is NaN, shown as a dash, never as a false 0.
    values[c.field] = typeof v === 'number' || typeof v === 'string' ? v : NaN;
  }
  return { id, label: labels[id] || id, kind: report.kind, values };
}

/**
 * The tables with at least one row: every requester and aggregator; consumers, queues and exchanges
 * only once one of their pattern figures is above 0, so a plain topology shows none of this. A loss
 * column (a crash's abandoned requests, say) only once some row's figure is above 0.
 */
export function patternTables(snapshot: Snapshot, labels: Readonly<Record<string, string>> = {}): PatternTable[] {
  return shownPatternTables(snapshot.nodes).map(({ id, title, columns, rows }) => ({
    id, title, columns, rows: rows.map(([nodeId, r]) => rowOf(nodeId, r, columns, labels)),
  }));
}
