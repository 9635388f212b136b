import type { LessonCheck } from '../schema';
import type { NodeReport, Snapshot } from '../engine/api';
import type { Peaks } from './peaks';

/** The figure a check compares: a number and whether it can only grow, or why it is missing. */
export type Figure = { ok: true; value: number; rising: boolean; what: string } | { ok: false; detail: string };

/** Running totals of the report's `messages`: they count events, so they never go down. */
const RISING_TOTALS = new Set(['produced', 'acked', 'dropped', 'retried']);
/**
 * Node report counters that count events (never go down). Other node figures (ready, unacked, open,
 * pending, utilisation…) are states that go up and down, so their verdict is final only at the end.
 */
const RISING_NODE_FIELDS = new Set(['in', 'out', 'acked', 'nacked', 'redelivered', 'dropped', 'expired', 'sent',
  'answered', 'timeouts', 'late', 'unmatched', 'replies', 'calls', 'callTimeouts', 'callErrors', 'corruptRejected',
  'corruptProcessed', 'refused', 'refusedPublish', 'refusedConsume', 'deduplicated', 'invalidPublish',
  'completedBySize', 'completedByTimeout', 'completedByGoodEnough', 'maxReady', 'toInvalid', 'polls', 'emptyPolls',
  'failed', 'duplicates', 'ackFailed', 'callReplies', 'confirmed', 'retries', 'lateConfirms', 'lostOnOutage', 'lostBeforeConfirm',
  'rejectedPublishes', 'consumerTimeouts', 'requeuedOnChannelClose', 'connectionFailures', 'settlementsLost', 'crashes', 'downMs', 'deadLettered', 'discarded', 'staleDeletes', 'lateDeletes', 'toAlternate', 'errors', 'corruptReplies',
  'abandoned', 'unsent', 'droppedWhileDown', 'lostGroups', 'lostReplies']);

const found = (value: number, rising: boolean, what: string): Figure => ({ ok: true, value, rising, what });
const missing = (detail: string): Figure => ({ ok: false, detail });

export function figureOf(check: LessonCheck, snapshot: Snapshot, peaks: Peaks): Figure {
  switch (check.type) {
    case 'total':
      return found(snapshot.messages[check.field], RISING_TOTALS.has(check.field), `messages ${check.field}`);
    case 'dropped':
      return found(snapshot.messages.droppedByReason[check.reason] ?? 0, true, `dropped (${check.reason})`);
    case 'node':
      return nodeFigure(snapshot, check.node, check.field);
    case 'peak': {
      if (!(check.node in snapshot.nodes)) return missing(`no node "${check.node}" in this run`);
      const peak = peaks[check.node]?.[check.field];
      // Before the first sample nothing has happened yet: every sampled figure starts at 0.
      return found(peak ?? 0, true, `peak ${check.node} ${check.field}${peak === undefined ? ' (no sample yet)' : ''}`);
    }
    case 'latency': {
      const s = snapshot.latencyMs;
      if (s.count === 0) return missing('no message has completed yet, so there is no latency');
      return found(s[check.stat], check.stat === 'max', `latency ${check.stat} ms`);
    }
    case 'audit': {
      if (!snapshot.audit) return missing('this run keeps no delivery-guarantee audit');
      return found(snapshot.audit[check.field], false, `audit ${check.field}`);
    }
  }
}

/** `field` or `field.key` (a latency summary's statistic, a record's entry) of a node's report. */
function nodeFigure(snapshot: Snapshot, nodeId: string, field: string): Figure {
  const node = snapshot.nodes[nodeId];
  if (!node) return missing(`no node "${nodeId}" in this run`);
  const v = reportFigure(node, field);
  if (typeof v !== 'number') return missing(`node "${nodeId}" (${node.kind}) reports no number "${field}"`);
  return found(v, RISING_NODE_FIELDS.has(field), `${nodeId} ${field}`);
}

/**
 * A figure of a node's report by name: `field`, or `field.key` inside a latency summary or a record
 * (`rttMs.p95`, `droppedByReason.expired`); undefined when the node reports no such figure.
 */
export function reportFigure(node: NodeReport, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return node[field];
  const top = node[field.slice(0, dot)];
  return typeof top === 'object' && top !== null ? (top as Record<string, unknown>)[field.slice(dot + 1)] : undefined;
}
