import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../../engine/api';
import { columnKey, nodeGroups } from './nodeGroups';

const report = (r: Record<string, unknown>) => r as unknown as NodeReport;
const noLatency = { count: 0, mean: NaN, p50: 0, p95: 0, p99: 0, max: 0 };

const nodes = {
  w1: report({ kind: 'consumer', ackMode: 'manual', in: 5, out: 0, acked: 5, nacked: 0, ackFailed: 0, busy: 1, polls: 0, latencyMs: noLatency }),
  api: report({ kind: 'producer', out: 7, down: 0, confirmed: 0 }),
  q1: report({ kind: 'queue', flavor: 'classic', in: 7, out: 5, ready: 2, maxReady: 3, lostOnOutage: 0, lostBeforeConfirm: 0 }),
  q2: report({ kind: 'queue', flavor: 'quorum', in: 0, out: 0, ready: 0, maxReady: 0, lostOnOutage: 0, lostBeforeConfirm: 4 }),
  w2: report({ kind: 'consumer', ackMode: 'auto', in: 2, out: 0, acked: 2, nacked: 1, ackFailed: 0, busy: 0, polls: 0, latencyMs: noLatency }),
};

describe('the Nodes table grouped by kind', () => {
  it('has one group per kind, in the palette order, its rows in the report order', () => {
    const groups = nodeGroups(nodes);
    expect(groups.map((g) => g.kind)).toEqual(['producer', 'queue', 'consumer']);
    expect(groups[2]!.rows.map((r) => r.id)).toEqual(['w1', 'w2']);
  });

  it("shows only the fields the kind reports, in the shared figures' order, less those at 0, empty or NaN on every row", () => {
    const [producer, queue, consumer] = nodeGroups(nodes);
    expect(producer!.columns).toEqual(['out']);
    expect(producer!.zero).toEqual(['confirmed', 'down']);
    // A loss above 0 on one row is a column for the group, the other loss at 0 everywhere is not.
    expect(queue!.columns).toEqual(['flavor', 'in', 'out', 'ready', 'maxReady', 'lostBeforeConfirm']);
    expect(queue!.zero).toEqual(['lostOnOutage']);
    expect(consumer!.columns).toEqual(['ackMode', 'in', 'acked', 'nacked', 'busy']);
    expect(consumer!.zero).toContain('latencyMs.mean');
    expect(consumer!.zero).toContain('ackFailed');
  });

  it('every figure above 0 has its cell, and the kind is the group, not a column', () => {
    for (const group of nodeGroups(nodes)) {
      expect(group.columns).not.toContain('kind');
      for (const row of group.rows) {
        for (const [field, v] of Object.entries(row.values)) {
          if (field !== 'kind' && v !== 0 && !Number.isNaN(v)) expect(group.columns, `${row.id}.${field}`).toContain(field);
        }
      }
    }
  });

  it('keeps a column shown earlier at 0, so a queue draining does not make the table jump', () => {
    const queue = nodeGroups(nodes, new Set([columnKey('queue', 'lostOnOutage')]))[1]!;
    expect(queue.columns).toContain('lostOnOutage');
    expect(queue.zero).toEqual([]);
  });
});
