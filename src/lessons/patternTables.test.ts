import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../engine/api';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES } from './patternFigures';
import { shownPatternTables } from './patternTables';

const fields = (figures: readonly { field: string }[]) => figures.map((f) => f.field);
const requester = (extra: Partial<NodeReport> = {}): NodeReport => ({
  kind: 'requester', mode: 'async', sent: 5, answered: 4, timeouts: 1, abandoned: 0, unsent: 0, late: 0, unmatched: 0, errors: 0, corruptReplies: 0,
  pending: 0, waiting: 0, repliesPerRequest: 1, rttMs: { count: 4, mean: 2, p50: 2, p95: 3, p99: 3, max: 3 }, ...extra,
});
const aggregator = (extra: Partial<NodeReport> = {}): NodeReport => ({
  kind: 'aggregator', in: 6, out: 2, open: 0, completedBySize: 2, completedByTimeout: 0, completedByGoodEnough: 0, late: 0,
  unmatched: 0, droppedWhileDown: 0, meanSize: 3, ...extra,
});
const quietConsumer: NodeReport = { kind: 'consumer', replies: 0, calls: 0, callTimeouts: 0, callErrors: 0, corruptRejected: 0, corruptProcessed: 0 };

describe('the pattern tables both summaries show', () => {
  it('leave a loss column out while every row has 0, so a plain run shows the figures it always shows', () => {
    const [requesters, aggregators] = shownPatternTables({ r: requester(), a: aggregator() });
    expect(fields(requesters!.columns)).toEqual(fields(REQUESTER_FIGURES.filter((f) => !f.onlyAbove0)));
    expect(fields(requesters!.columns)).not.toContain('abandoned');
    expect(fields(requesters!.columns)).toContain('timeouts');
    expect(fields(aggregators!.columns)).not.toContain('droppedWhileDown');
    expect(fields(aggregators!.columns)).not.toContain('unmatched');
  });

  it("show a loss column for the whole table once one row's figure is above 0", () => {
    const [requesters, aggregators] = shownPatternTables({
      calm: requester(), crashed: requester({ abandoned: 3, unsent: 4, unmatched: 1, errors: 2, corruptReplies: 1 }), a: aggregator({ unmatched: 1, droppedWhileDown: 7 }),
    });
    expect(fields(requesters!.columns)).toEqual(fields(REQUESTER_FIGURES));
    expect(requesters!.rows.map(([id]) => id)).toEqual(['calm', 'crashed']);
    expect(fields(aggregators!.columns)).toEqual(fields(AGGREGATOR_FIGURES));
  });

  it('list every requester and aggregator, even one with nothing above 0', () => {
    const calm = shownPatternTables({ r: requester({ sent: 0, answered: 0, timeouts: 0 }), a: aggregator({ in: 0, out: 0, completedBySize: 0 }) });
    expect(calm.map((t) => [t.id, t.rows.length])).toEqual([['requesters', 1], ['aggregators', 1]]);
  });

  it('list consumers, queues and exchanges only with a figure above 0, and only the columns above 0 where all are losses', () => {
    const tables = shownPatternTables({
      quiet: quietConsumer,
      svc: { ...quietConsumer, replies: 12, corruptRejected: 2 },
      plainQueue: { kind: 'queue', deduplicated: 0, invalidPublish: 0, refusedPublish: 0, refusedConsume: 0 },
      fifo: { kind: 'queue', deduplicated: 4, invalidPublish: 0, refusedPublish: 0, refusedConsume: 0 },
      p: { kind: 'producer', out: 5 },
    });
    expect(tables.map((t) => t.id)).toEqual(['responders', 'access']);
    expect(tables[0]!.rows.map(([id]) => id)).toEqual(['svc']);
    expect(fields(tables[0]!.columns)).toEqual(['replies', 'calls', 'corruptRejected']);
    expect(tables[1]!.rows.map(([id]) => id)).toEqual(['fifo']);
    expect(fields(tables[1]!.columns)).toEqual(['deduplicated']);
  });

  it('leave out a column no row reports, as the node table does: an exchange-only figure in a table of queues', () => {
    const queue: NodeReport = { kind: 'queue', refusedPublish: 2, refusedConsume: 0 };
    expect(fields(shownPatternTables({ queue })[0]!.columns)).toEqual(['refusedPublish']);
    const both = shownPatternTables({ queue, x: { kind: 'exchange', refused: 1 } });
    expect(fields(both[0]!.columns)).toEqual(['refusedPublish', 'refused']);
    const partial = shownPatternTables({ r: { kind: 'requester', mode: 'sync', sent: 1 } });
    expect(fields(partial[0]!.columns)).toEqual(['mode', 'sent']);
  });

  it('show nothing for a topology without pattern figures', () => {
    expect(shownPatternTables({ q: { kind: 'queue', in: 1 }, c: quietConsumer })).toEqual([]);
  });
});
