import { describe, expect, it } from 'vitest';
import type { NodeReport, Snapshot } from '../../engine/api';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES } from '../../lessons/patternFigures';
import { auditView } from './auditModel';
import { patternTables } from './patternModel';
import { DROP_REASONS } from './summaryModel';

const rtt = { count: 40, mean: 12, p50: 10, p95: 30, p99: 45, max: 50 };
const snapshot = (nodes: Record<string, NodeReport>) => ({ nodes } as unknown as Snapshot);

describe('pattern tables of the Summary', () => {
  it('shows every requester with the requester figures the CLI shows too; an unreported figure is NaN, not 0', () => {
    const [t] = patternTables(snapshot({
      r1: { kind: 'requester', mode: 'async', sent: 50, answered: 40, timeouts: 3, abandoned: 0, unsent: 0, late: 2, unmatched: 1, errors: 0, corruptReplies: 2, pending: 7, waiting: 4, replies: 43, repliesPerRequest: 1.05, rttMs: rtt },
      r2: { kind: 'requester', mode: 'sync', sent: 1 },
    }), { r1: 'Checkout' });
    expect(t!.id).toBe('requesters');
    // abandoned, unsent and errors are 0: loss columns, shown once some requester's figure is above 0
    expect(t!.columns).toEqual(REQUESTER_FIGURES.filter((f) => f.field !== 'abandoned' && f.field !== 'unsent' && f.field !== 'errors'));
    expect(t!.rows[0]).toEqual({ id: 'r1', label: 'Checkout', kind: 'requester', values: {
      mode: 'async', sent: 50, answered: 40, timeouts: 3, late: 2, unmatched: 1, corruptReplies: 2, pending: 7, waiting: 4, repliesPerRequest: 1.05,
      'rttMs.p50': 10, 'rttMs.p95': 30, 'rttMs.p99': 45,
    } });
    expect(t!.rows[1]!.label).toBe('r2');
    expect(t!.rows[1]!.values.answered).toBeNaN();
  });

  it('shows aggregators by completion rule, and leaves out consumers, queues and exchanges with nothing to say', () => {
    const tables = patternTables(snapshot({
      a: { kind: 'aggregator', in: 9, out: 3, open: 1, completedBySize: 2, completedByTimeout: 1, completedByGoodEnough: 0, late: 1, unmatched: 0, droppedWhileDown: 0, meanSize: 3 },
      quiet: { kind: 'consumer', replies: 0, calls: 0, callTimeouts: 0, callErrors: 0, corruptRejected: 0, corruptProcessed: 0 },
      plainQueue: { kind: 'queue', in: 5, deduplicated: 0, refusedPublish: 0 },
      p: { kind: 'producer', out: 5 },
    }));
    expect(tables.map((t) => t.id)).toEqual(['aggregators']);
    expect(tables[0]!.columns).toEqual(AGGREGATOR_FIGURES.filter((f) => !f.onlyAbove0));
    expect(tables[0]!.rows[0]!.values).toMatchObject({ completedBySize: 2, completedByTimeout: 1, completedByGoodEnough: 0, late: 1, meanSize: 3 });
  });

  it('shows responders, deduplication and refusals once they are above 0', () => {
    const tables = patternTables(snapshot({
      svc: { kind: 'consumer', replies: 12, calls: 0, callTimeouts: 0, callErrors: 0, corruptRejected: 2, corruptProcessed: 0 },
      fifo: { kind: 'queue', deduplicated: 4, invalidPublish: 0, refusedPublish: 1, refusedConsume: 0 },
      x: { kind: 'exchange', refused: 3 },
    }));
    expect(tables.map((t) => t.id)).toEqual(['responders', 'access']);
    expect(tables[0]!.rows[0]!.values).toMatchObject({ replies: 12, corruptRejected: 2 });
    expect(tables[1]!.rows.map((r) => [r.id, r.values.deduplicated, r.values.refused])).toEqual([['fifo', 4, NaN], ['x', NaN, 3]]);
  });

  it("shows a crash's losses as columns of their own once they are above 0", () => {
    const [requesters, aggregators] = patternTables(snapshot({
      r: { kind: 'requester', mode: 'sync', sent: 9, abandoned: 2 },
      a: { kind: 'aggregator', in: 9, unmatched: 0, droppedWhileDown: 5 },
    }));
    expect(requesters!.rows[0]!.values).toMatchObject({ sent: 9, abandoned: 2 });
    expect(aggregators!.columns.map((c) => c.label)).toEqual(['replies in', 'dropped while down']);
    expect(aggregators!.rows[0]!.values).toEqual({ in: 9, droppedWhileDown: 5 });
  });
});

describe('the new drop reasons in words', () => {
  const reasons = ['lateReply', 'unmatchedReply', 'deduplicated', 'invalidFifoPublish', 'accessRefused', 'corrupt', 'callFailed'];
  it('have a long form in the Summary and a short label in the Audit', () => {
    const lostByReason = Object.fromEntries(reasons.map((r, i) => [r, i + 1]));
    const view = auditView({ produced: 0, deliveredOnce: 0, deliveredMoreThanOnce: 0, duplicates: 0, lost: 28, lostByReason, droppedAfterProcessing: 0, deadLettered: 0, outOfOrder: 0, consumers: {}, competing: [], faults: [] });
    for (const loss of view.losses) {
      expect(loss.label).not.toBe(loss.reason);
      expect(loss.detail).toBe(DROP_REASONS[loss.reason]);
    }
    expect(view.losses.map((l) => l.reason)).toEqual([...reasons].reverse());
    expect(view.losses.find((l) => l.reason === 'accessRefused')!.label).toContain('403');
  });
});
