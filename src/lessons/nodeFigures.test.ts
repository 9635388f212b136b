import { describe, expect, it } from 'vitest';
import { COUNTER_FIGURES, isNamedNodeField, nodeFieldOrder, nodeFigure } from './nodeFigures';

describe('node figures', () => {
  it('orders fields: kind, its variant, the counters as a message passes them, losses, the rest, then unknown fields by name', () => {
    const fields = ['zeta', 'queueWaitMs.p50', 'lostOnOutage', 'acked', 'alpha', 'flavor', 'in', 'kind', 'expired', 'out'];
    expect(nodeFieldOrder(fields)).toEqual(['kind', 'flavor', 'in', 'out', 'acked', 'lostOnOutage', 'expired', 'queueWaitMs.p50', 'alpha', 'zeta']);
  });

  it('keeps each field once', () => {
    expect(nodeFieldOrder(['in', 'in', 'kind'])).toEqual(['kind', 'in']);
  });

  it('names the counters as the CLI table heads them', () => {
    expect(COUNTER_FIGURES.map((f) => f.label)).toEqual(['in', 'out', 'acked', 'nacked', 'redeliv', 'dropped', 'ready', 'max ready', 'unacked', 'busy', 'buffered', 'util']);
  });

  it('names a latency field with its statistic and unit', () => {
    expect(nodeFigure('queueWaitMs.p99')).toMatchObject({ label: 'wait p99 (ms)', explanation: expect.stringContaining('enqueue → delivery') });
    expect(nodeFigure('latencyMs.count').label).toBe('latency count');
  });

  it('names a drop reason after the reason, and spells out a field it does not know', () => {
    expect(nodeFigure('droppedByReason.unroutable').label).toBe('dropped: unroutable');
    expect(isNamedNodeField('droppedByReason.unroutable')).toBe(true);
    expect(nodeFigure('someNewCounter')).toEqual({ field: 'someNewCounter', label: 'some new counter', explanation: 'someNewCounter' });
    expect(isNamedNodeField('someNewCounter')).toBe(false);
  });

  it('tells a consumer\'s nacks from a closed channel\'s requeues (A1.4)', () => {
    expect(nodeFigure('requeuedOnChannelClose')).toMatchObject({ label: 'requeued on close', explanation: expect.stringMatching(/channel closed.*no consumer nacked them/) });
    expect(nodeFigure('nacked').explanation).toMatch(/by the consumer/);
  });

  it('tells the two outage losses apart in their explanations (A1.6, A1.13)', () => {
    expect(nodeFigure('lostOnOutage').explanation).toMatch(/nobody will send them again/);
    expect(nodeFigure('lostBeforeConfirm').explanation).toMatch(/never told they were safe/);
  });
});
