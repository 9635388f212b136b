import type { NodeReport } from '../engine';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES, reportFigure, type PatternFigure } from '../lessons';
import { columns, formatNumber, type Align } from './format';

/**
 * A kind whose figures do not fit the counter columns of the node table gets a table of its own, with the
 * columns the app's Summary shows too (src/lessons/patternFigures.ts).
 */
interface KindTable { kind: string; title: string; figures: readonly PatternFigure[] }

const TABLES: KindTable[] = [
  { kind: 'requester', title: 'Requesters (EIP Request-Reply: round trip = request sent → reply matched)', figures: REQUESTER_FIGURES },
  { kind: 'aggregator', title: 'Aggregators (EIP Aggregator: completed by size, timeout or a good-enough reply)', figures: AGGREGATOR_FIGURES },
];

/** A report figure as a table cell (`rttMs.p95` reads a statistic of the summary); blank when not reported. */
function cell(node: NodeReport, field: string): string {
  const value = reportFigure(node, field);
  if (typeof value === 'number') return formatNumber(value, 2);
  return typeof value === 'string' ? value : '';
}

/** One table per pattern kind present in the report. */
export function patternLines(nodes: Record<string, NodeReport>): string[] {
  const out: string[] = [];
  for (const table of TABLES) {
    const rows = Object.entries(nodes).filter(([, n]) => n.kind === table.kind);
    if (rows.length === 0) continue;
    const header = [table.kind, ...table.figures.map((f) => f.label)];
    const body = rows.map(([id, n]) => [id, ...table.figures.map((f) => cell(n, f.field))]);
    const align: Align[] = ['left', ...table.figures.map((): Align => 'right')];
    out.push('', table.title, ...columns([header, ...body], align));
  }
  return out;
}
