import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../engine';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES } from '../lessons';
import { patternLines } from './patternTable';

/** A table's header cells: columns are two or more spaces apart, a label has single spaces at most. */
const headerCells = (lines: string[], kind: string) => lines.find((l) => l.trim().startsWith(`${kind} `))!.trim().split(/ {2,}/);

const summary = (p50: number) => ({ count: 3, mean: p50, p50, p95: p50 * 2, p99: p50 * 3, max: p50 * 4 });

describe('the pattern tables of the text summary', () => {
  it('lists requesters with their counts and round-trip percentiles', () => {
    const nodes: Record<string, NodeReport> = {
      client: { kind: 'requester', mode: 'sync', sent: 10, answered: 8, timeouts: 2, abandoned: 0, late: 1, unmatched: 0, errors: 0, corruptReplies: 1, pending: 0, waiting: 3, repliesPerRequest: 0.8, rttMs: summary(12.5) },
      q: { kind: 'queue', in: 10 },
    };
    const lines = patternLines(nodes);
    expect(lines.some((l) => l.startsWith('Requesters'))).toBe(true);
    // unmatched, errors and abandoned are 0: loss columns, left out; corrupt is 1
    const shown = REQUESTER_FIGURES.filter((f) => !f.onlyAbove0 || f.field === 'corruptReplies');
    expect(headerCells(lines, 'requester')).toEqual(['requester', ...shown.map((f) => f.label)]);
    const row = lines.find((l) => l.trim().startsWith('client'))!;
    expect(row.trim().split(/\s+/)).toEqual(['client', 'sync', '10', '8', '2', '1', '1', '0', '3', '0.8', '12.5', '25', '37.5']);
    expect(lines.some((l) => l.startsWith('Aggregators'))).toBe(false);
  });

  it('lists aggregators by completion rule, and nothing when no pattern node is there', () => {
    const nodes: Record<string, NodeReport> = { agg: { kind: 'aggregator', in: 9, out: 3, open: 0, completedBySize: 2, completedByTimeout: 1, completedByGoodEnough: 0, late: 1, unmatched: 0, droppedWhileDown: 0, meanSize: 3 } };
    expect(headerCells(patternLines(nodes), 'aggregator')).toEqual(['aggregator', ...AGGREGATOR_FIGURES.filter((f) => !f.onlyAbove0).map((f) => f.label)]);
    const row = patternLines(nodes).find((l) => l.trim().startsWith('agg '))!;
    expect(row.trim().split(/\s+/)).toEqual(['agg', '9', '3', '0', '2', '1', '0', '1', '3']);
    expect(patternLines({ q: { kind: 'queue', in: 1 } })).toEqual([]);
  });

  it("shows a crash's losses once they are above 0: a requester's abandoned requests, an aggregator's unmatched and dropped replies", () => {
    const nodes: Record<string, NodeReport> = {
      client: { kind: 'requester', mode: 'async', sent: 10, timeouts: 2, abandoned: 3 },
      agg: { kind: 'aggregator', in: 9, late: 1, unmatched: 4, droppedWhileDown: 6 },
    };
    const lines = patternLines(nodes);
    expect(headerCells(lines, 'requester')).toEqual(['requester', 'mode', 'sent', 'timeouts', 'abandoned']);
    expect(lines.find((l) => l.trim().startsWith('client'))!.trim().split(/\s+/)).toEqual(['client', 'async', '10', '2', '3']);
    expect(headerCells(lines, 'aggregator')).toEqual(['aggregator', 'replies in', 'late', 'unmatched', 'dropped while down']);
    expect(lines.find((l) => l.trim().startsWith('agg '))!.trim().split(/\s+/)).toEqual(['agg', '9', '1', '4', '6']);
  });

  it('lists responders and the queues and exchanges that refused or deduplicated something, under the kind or `node`', () => {
    const nodes: Record<string, NodeReport> = {
      plain: { kind: 'consumer', replies: 0, calls: 0, callTimeouts: 0, callErrors: 0, corruptRejected: 0, corruptProcessed: 0 },
      svc: { kind: 'consumer', replies: 12, calls: 12, callTimeouts: 2, callErrors: 0, corruptRejected: 0, corruptProcessed: 0 },
      x: { kind: 'exchange', refused: 5 },
      orders: { kind: 'queue', deduplicated: 0, invalidPublish: 0, refusedPublish: 0, refusedConsume: 7 },
    };
    const lines = patternLines(nodes);
    expect(lines.filter((l) => /^[A-Z]/.test(l)).map((l) => l.split(' (')[0])).toEqual(['Responders and integrity', 'Deduplication and permissions']);
    expect(headerCells(lines, 'consumer')).toEqual(['consumer', 'replies', 'calls', 'call timeouts']);
    expect(lines.some((l) => l.trim().startsWith('plain'))).toBe(false);
    expect(lines.find((l) => l.trim().startsWith('svc'))!.trim().split(/\s+/)).toEqual(['svc', '12', '12', '2']);
    expect(headerCells(lines, 'node')).toEqual(['node', 'refused consume', 'refused']);
    expect(lines.find((l) => l.trim().startsWith('x '))!).toMatch(/^\s+x\s+5$/);
    expect(lines.find((l) => l.trim().startsWith('orders'))!.trim().split(/\s+/)).toEqual(['orders', '7']);
  });
});
