/**
 * The Summary's pattern tables, as plain data: requesters (A4 Request-Reply), aggregators (A4 Aggregator),
 * responders and integrity at consumers, and refusals and deduplication at queues and exchanges (A2.3,
 * permissions). The wide node table has every field too; these pick the few that tell the story. Pure.
 */
import type { NodeReport, Snapshot } from '../../engine/api';
import { reportFigure } from '../../lessons/figures';
import { AGGREGATOR_FIGURES, patternFigure as col, REQUESTER_FIGURES, type PatternFigure } from '../../lessons/patternFigures';

/** A figure is a number, or a word such as a requester's mode. */
export type PatternValue = number | string;
export interface PatternRow { id: string; label: string; kind: string; values: Record<string, PatternValue> }
export interface PatternTable { id: string; title: string; columns: readonly PatternFigure[]; rows: PatternRow[] }

// Requesters and aggregators show the columns of the CLI's tables (src/lessons/patternFigures.ts); the CLI
// has no tables for responders and broker-side figures, so their columns are the Summary's own.

const CONSUMER: readonly PatternFigure[] = [
  col('replies', 'replies', 'Replies sent to Return Addresses (A4)'),
  col('calls', 'calls', 'Synchronous calls made downstream'),
  col('callTimeouts', 'call timeouts', 'Calls whose reply did not come in time: the message failed'),
  col('callErrors', 'call errors', 'Calls answered with an error: the message failed'),
  col('corruptRejected', 'corrupt rejected', 'Damaged messages its checksum check rejected'),
  col('corruptProcessed', 'corrupt processed', 'Damaged messages processed as if sound (no checksum check)'),
];

const BROKER_SIDE: readonly PatternFigure[] = [
  col('deduplicated', 'deduplicated', 'SQS FIFO sends with a deduplication id seen within the window (A2.3)'),
  col('invalidPublish', 'invalid FIFO sends', 'SQS FIFO sends without a group id or deduplication id (A2.3)'),
  col('refusedPublish', 'refused publish', 'Publishes refused for permission (403 ACCESS_REFUSED)'),
  col('refusedConsume', 'refused consume', 'Consumes refused for permission (403 ACCESS_REFUSED)'),
  col('refused', 'refused', 'Publishes to the exchange refused for permission (403 ACCESS_REFUSED)'),
];

function rowOf(id: string, report: NodeReport, columns: readonly PatternFigure[], labels: Readonly<Record<string, string>>): PatternRow {
  const values: Record<string, PatternValue> = {};
  for (const c of columns) {
    const v = reportFigure(report, c.field);
    // A figure this engine does not report (yet) is NaN, shown as a dash, never as a false 0.
    values[c.field] = typeof v === 'number' || typeof v === 'string' ? v : NaN;
  }
  return { id, label: labels[id] || id, kind: report.kind, values };
}

const anyAbove0 = (row: PatternRow) => Object.values(row.values).some((v) => typeof v === 'number' && v > 0);

/**
 * The tables with at least one row: every requester and aggregator; consumers, queues and exchanges
 * only once one of their pattern figures is above 0, so a plain topology shows none of this.
 */
export function patternTables(snapshot: Snapshot, labels: Readonly<Record<string, string>> = {}): PatternTable[] {
  const rows = (kinds: readonly string[], columns: readonly PatternFigure[]) => Object.entries(snapshot.nodes)
    .filter(([, r]) => kinds.includes(r.kind))
    .map(([id, r]) => rowOf(id, r, columns, labels));
  const tables: PatternTable[] = [
    { id: 'requesters', title: 'Requesters', columns: REQUESTER_FIGURES, rows: rows(['requester'], REQUESTER_FIGURES) },
    { id: 'aggregators', title: 'Aggregators', columns: AGGREGATOR_FIGURES, rows: rows(['aggregator'], AGGREGATOR_FIGURES) },
    { id: 'responders', title: 'Responders and integrity', columns: CONSUMER, rows: rows(['consumer'], CONSUMER).filter(anyAbove0) },
    { id: 'access', title: 'Deduplication and permissions', columns: BROKER_SIDE, rows: rows(['queue', 'exchange'], BROKER_SIDE).filter(anyAbove0) },
  ];
  return tables.filter((t) => t.rows.length > 0);
}
