import type { NodeReport } from '../engine';
import { reportFigure, shownPatternTables } from '../lessons';
import { columns, formatNumber, type Align } from './format';

/**
 * A pattern's figures do not fit the counter columns of the node table, so each pattern gets a table of its
 * own, with the rows, columns and title the app's Summary shows too (src/lessons/patternTables.ts).
 */

/** A report figure as a table cell (`rttMs.p95` reads a statistic of the summary); blank when not reported. */
function cell(node: NodeReport, field: string): string {
  const value = reportFigure(node, field);
  if (typeof value === 'number') return formatNumber(value, 2);
  return typeof value === 'string' ? value : '';
}

/** The first header: the kind a table lists, or `node` when it lists several. */
const firstHeader = (rows: [string, NodeReport][]): string => {
  const kinds = new Set(rows.map(([, n]) => n.kind));
  return kinds.size === 1 ? [...kinds][0]! : 'node';
};

/** One table per pattern with something to show. */
export function patternLines(nodes: Record<string, NodeReport>): string[] {
  return shownPatternTables(nodes).flatMap((table) => {
    const header = [firstHeader(table.rows), ...table.columns.map((f) => f.label)];
    const body = table.rows.map(([id, n]) => [id, ...table.columns.map((f) => cell(n, f.field))]);
    const align: Align[] = ['left', ...table.columns.map((): Align => 'right')];
    return ['', `${table.title} (${table.about})`, ...columns([header, ...body], align)];
  });
}
