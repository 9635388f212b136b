import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../engine/api';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES } from './patternFigures';
import { shownPatternTables } from './patternTables';

const fields = (figures: readonly { field: string }[]) => figures.map((f) => f.field);
const requester = (extra: Partial<NodeReport> = {}): NodeReport => ({
  kind: 'requester', mode: 'async', sent: 5, answered: 4, timeouts: 1, late: 0, unmatched: 0, errors: 0, corruptReplies: 0,
  pending: 0, repliesPerRequest: 1, rttMs: { count: 4, mean: 2, p50: 2, p95: 3, p99: 3, max: 3 }, ...extra,
});
const aggregator = (extra: Partial<NodeReport> = {}): NodeReport => ({
  kind: 'aggregator', in: 6, out: 2, open: 0, completedBySize: 2, completedByTimeout: 0, completedByGoodEnough: 0, late: 0,
  meanSize: 3, ...extra,
});
const quietConsumer: NodeReport = { kind: 'consumer', replies: 0, calls: 0, callTimeouts: 0, callErrors: 0, corruptRejected: 0, corruptProcessed: 0 };

describe('the pattern tables both summaries show', () => {
  it('list every requester and aggregator, but consumers, queues and exchanges only with a figure above 0', () => {
    const tables = shownPatternTables({
      quiet: quietConsumer,
      svc: { ...quietConsumer, replies: 12, corruptRejected: 2 },
      plainQueue: { kind: 'queue', deduplicated: 0, invalidPublish: 0, refusedPublish: 0, refusedConsume: 0 },
      fifo: { kind: 'queue', deduplicated: 4, invalidPublish: 0, refusedPublish: 0, refusedConsume: 0 },
      p: { kind: 'producer', out: 5 },
    });
    expect(tables.map((t) => t.id)).toEqual(['responders', 'access']);
    expect(tables[0]!.rows.map(([id]) => id)).toEqual(['svc']);
    expect(tables[1]!.rows.map(([id]) => id)).toEqual(['fifo']);
    const calm = shownPatternTables({ r: requester({ sent: 0, answered: 0 }), a: aggregator({ in: 0 }) });
    expect(calm.map((t) => [t.id, t.rows.length])).toEqual([['requesters', 1], ['aggregators', 1]]);
    expect(fields(calm[0]!.columns)).toEqual(fields(REQUESTER_FIGURES));
    expect(fields(calm[1]!.columns)).toEqual(fields(AGGREGATOR_FIGURES));
  });

  it('leave out a column no row reports, as the node table does: an exchange-only figure in a table of queues', () => {
    const queue: NodeReport = { kind: 'queue', refusedPublish: 2, refusedConsume: 0 };
    expect(fields(shownPatternTables({ queue })[0]!.columns)).toEqual(['refusedPublish', 'refusedConsume']);
    const both = shownPatternTables({ queue, x: { kind: 'exchange', refused: 1 } });
    expect(fields(both[0]!.columns)).toEqual(['refusedPublish', 'refusedConsume', 'refused']);
    const partial = shownPatternTables({ r: { kind: 'requester', mode: 'sync', sent: 1 } });
    expect(fields(partial[0]!.columns)).toEqual(['mode', 'sent']);
  });

  it('show nothing for a topology without pattern figures', () => {
    expect(shownPatternTables({ q: { kind: 'queue', in: 1 }, c: quietConsumer })).toEqual([]);
  });
});
