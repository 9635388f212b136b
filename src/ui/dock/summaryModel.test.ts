import { describe, expect, it } from 'vitest';
import type { MessageTotals, NodeReport } from '../../engine/api';
import { balance, flattenNode, formatNumber } from './summaryModel';

const totals = (over: Partial<MessageTotals> = {}): MessageTotals => ({
  produced: 10, published: 8, routedCopies: 1, forwarded: 1, retried: 0, acked: 5, queued: 2, inFlight: 1, deadLettered: 1, dropped: 1,
  droppedByReason: { unroutable: 1 }, ...over,
});

describe('summary model', () => {
  it('checks that the totals add up', () => {
    expect(balance(totals())).toEqual({ sourcesOk: true, outcomesOk: true, dropsOk: true, accounted: 10 });
    expect(balance(totals({ acked: 4 })).outcomesOk).toBe(false);
    expect(balance(totals({ published: 9 })).sourcesOk).toBe(false);
    expect(balance(totals({ published: 7, retried: 1 })).sourcesOk).toBe(true);
    expect(balance(totals({ droppedByReason: {} })).dropsOk).toBe(false);
  });

  it('flattens latency summaries and records into columns', () => {
    const node = { kind: 'queue', in: 3, latencyMs: { count: 1, mean: 2, p50: 2, p95: 2, p99: 2, max: 2 }, droppedByReason: { rejected: 4 } } as NodeReport;
    expect(flattenNode(node)).toEqual({
      kind: 'queue', in: 3, 'latencyMs.count': 1, 'latencyMs.mean': 2, 'latencyMs.p50': 2, 'latencyMs.p95': 2, 'latencyMs.p99': 2, 'latencyMs.max': 2,
      'droppedByReason.rejected': 4,
    });
  });

  it('formats numbers for people', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(NaN)).toBe('—');
  });
});
