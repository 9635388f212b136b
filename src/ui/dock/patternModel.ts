/**
 * The Summary's pattern tables, as plain data: requesters (A4 Request-Reply), aggregators (A4 Aggregator),
 * responders and integrity at consumers, and refusals and deduplication at queues and exchanges (A2.3,
 * permissions). The wide node table has every field too; these pick the few that tell the story. Pure.
 */
import type { NodeReport, Snapshot } from '../../engine/api';
import { flattenNode } from './summaryModel';

export interface PatternColumn { key: string; label: string; title: string }
export interface PatternRow { id: string; label: string; kind: string; values: Record<string, number> }
export interface PatternTable { id: string; title: string; columns: readonly PatternColumn[]; rows: PatternRow[] }

const col = (key: string, label: string, title: string): PatternColumn => ({ key, label, title });

const REQUESTER: readonly PatternColumn[] = [
  col('sent', 'sent', 'Requests sent'),
  col('answered', 'answered', 'Requests that got all their expected replies in time'),
  col('timeouts', 'timeouts', 'Requests whose replies did not all come within the timeout'),
  col('late', 'late', 'Replies after their request timed out: discarded (A4)'),
  col('unmatched', 'unmatched', 'Replies whose correlation id matches no request (A4)'),
  col('errors', 'errors', 'Error replies (a failed synchronous call downstream)'),
  col('corruptReplies', 'corrupt', 'Replies whose checksum did not match: discarded unmatched, so their request times out'),
  col('pending', 'pending', 'Requests awaiting replies now'),
  col('rttMs.p50', 'RTT p50 (ms)', 'Round trip, request sent → answered, ms'),
  col('rttMs.p95', 'RTT p95 (ms)', 'Round trip, request sent → answered, ms'),
  col('rttMs.p99', 'RTT p99 (ms)', 'Round trip, request sent → answered, ms'),
];

const AGGREGATOR: readonly PatternColumn[] = [
  col('in', 'replies in', 'Replies taken'),
  col('out', 'aggregates', 'Aggregates sent on'),
  col('open', 'open', 'Groups waiting to complete'),
  col('completedBySize', 'by size', 'Groups completed when the completion size was reached'),
  col('completedByTimeout', 'by timeout', 'Groups completed by the inactivity timeout, with what had come'),
  col('completedByGoodEnough', 'good enough', 'Groups completed early by a good-enough reply'),
  col('late', 'late', 'Replies after their group completed: discarded'),
  col('meanSize', 'mean size', 'Mean replies per aggregate'),
];

const CONSUMER: readonly PatternColumn[] = [
  col('replies', 'replies', 'Replies sent to Return Addresses (A4)'),
  col('calls', 'calls', 'Synchronous calls made downstream'),
  col('callTimeouts', 'call timeouts', 'Calls whose reply did not come in time: the message failed'),
  col('callErrors', 'call errors', 'Calls answered with an error: the message failed'),
  col('corruptRejected', 'corrupt rejected', 'Damaged messages its checksum check rejected'),
  col('corruptProcessed', 'corrupt processed', 'Damaged messages processed as if sound (no checksum check)'),
];

const BROKER_SIDE: readonly PatternColumn[] = [
  col('deduplicated', 'deduplicated', 'SQS FIFO sends with a deduplication id seen within the window (A2.3)'),
  col('invalidPublish', 'invalid FIFO sends', 'SQS FIFO sends without a group id or deduplication id (A2.3)'),
  col('refusedPublish', 'refused publish', 'Publishes refused for permission (403 ACCESS_REFUSED)'),
  col('refusedConsume', 'refused consume', 'Consumes refused for permission (403 ACCESS_REFUSED)'),
  col('refused', 'refused', 'Publishes to the exchange refused for permission (403 ACCESS_REFUSED)'),
];

function rowOf(id: string, report: NodeReport, columns: readonly PatternColumn[], labels: Readonly<Record<string, string>>): PatternRow {
  const flat = flattenNode(report);
  const values: Record<string, number> = {};
  for (const c of columns) {
    const v = flat[c.key];
    // A figure this engine does not report (yet) is NaN, shown as a dash, never as a false 0.
    values[c.key] = typeof v === 'number' ? v : NaN;
  }
  return { id, label: labels[id] || id, kind: report.kind, values };
}

const anyAbove0 = (row: PatternRow) => Object.values(row.values).some((v) => v > 0);

/**
 * The tables with at least one row: every requester and aggregator; consumers, queues and exchanges
 * only once one of their pattern figures is above 0, so a plain topology shows none of this.
 */
export function patternTables(snapshot: Snapshot, labels: Readonly<Record<string, string>> = {}): PatternTable[] {
  const rows = (kinds: readonly string[], columns: readonly PatternColumn[]) => Object.entries(snapshot.nodes)
    .filter(([, r]) => kinds.includes(r.kind))
    .map(([id, r]) => rowOf(id, r, columns, labels));
  const tables: PatternTable[] = [
    { id: 'requesters', title: 'Requesters', columns: REQUESTER, rows: rows(['requester'], REQUESTER) },
    { id: 'aggregators', title: 'Aggregators', columns: AGGREGATOR, rows: rows(['aggregator'], AGGREGATOR) },
    { id: 'responders', title: 'Responders and integrity', columns: CONSUMER, rows: rows(['consumer'], CONSUMER).filter(anyAbove0) },
    { id: 'access', title: 'Deduplication and permissions', columns: BROKER_SIDE, rows: rows(['queue', 'exchange'], BROKER_SIDE).filter(anyAbove0) },
  ];
  return tables.filter((t) => t.rows.length > 0);
}
