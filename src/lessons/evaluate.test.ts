import { describe, expect, it } from 'vitest';
import type { CheckOp, LessonCheck } from '../schema';
import { evaluateCheck, evaluateChecks, verdictsOf } from './evaluate';
import { testView } from './testRunView';

const base = { id: 'c', label: 'a check' };
const total = (field: 'dropped' | 'queued' | 'acked', op: CheckOp, value: number): LessonCheck => ({ ...base, type: 'total', field, op, value });
const peak = (op: CheckOp, value: number, node = 'orders'): LessonCheck => ({ ...base, type: 'peak', node, field: 'ready', op, value });

describe('evaluateCheck compares', () => {
  // The test snapshot has dropped = 2.
  it.each([
    ['<', 3, 'pass'], ['<', 2, 'fail'], ['<=', 2, 'pass'], ['<=', 1, 'fail'], ['==', 2, 'pass'], ['==', 0, 'fail'],
    ['>=', 2, 'pass'], ['>=', 3, 'fail'], ['>', 1, 'pass'], ['>', 2, 'fail'], ['!=', 0, 'pass'], ['!=', 2, 'fail'],
  ] as const)('dropped %s %d: %s', (op, value, verdict) => {
    const r = evaluateCheck(total('dropped', op, value), testView());
    expect(r.verdict).toBe(verdict);
    expect(r.value).toBe(2);
  });
});

describe('evaluateCheck reads each check type', () => {
  it('total: a message total', () => {
    expect(evaluateCheck(total('queued', '==', 6), testView()).verdict).toBe('pass');
  });

  it('dropped: one reason, 0 when that reason never happened', () => {
    const link: LessonCheck = { ...base, type: 'dropped', reason: 'linkLoss', op: '==', value: 2 };
    const expired: LessonCheck = { ...base, type: 'dropped', reason: 'expired', op: '==', value: 0 };
    expect(evaluateCheck(link, testView())).toMatchObject({ verdict: 'pass', value: 2 });
    expect(evaluateCheck(expired, testView())).toMatchObject({ verdict: 'pass', value: 0 });
  });

  it('node: a report figure, and a statistic of a latency summary with a dot', () => {
    const timeouts: LessonCheck = { ...base, type: 'node', node: 'client', field: 'timeouts', op: '==', value: 0 };
    const rtt: LessonCheck = { ...base, type: 'node', node: 'client', field: 'rttMs.p95', op: '<', value: 50 };
    expect(evaluateCheck(timeouts, testView())).toMatchObject({ verdict: 'fail', value: 3 });
    expect(evaluateCheck(rtt, testView())).toMatchObject({ verdict: 'pass', value: 30 });
  });

  it('peak: the highest sampled value so far', () => {
    expect(evaluateCheck(peak('<', 50), testView())).toMatchObject({ verdict: 'pass', value: 30 });
    expect(evaluateCheck(peak('<', 30), testView())).toMatchObject({ verdict: 'fail', value: 30 });
  });

  it('peak: 0 before the first sample of an existing node', () => {
    const r = evaluateCheck(peak('<', 50), testView({ peaks: {} }));
    expect(r).toMatchObject({ verdict: 'pass', value: 0 });
    expect(r.detail).toContain('no sample yet');
  });

  it('latency: a statistic of the end-to-end latency', () => {
    const latencyMs = { count: 10, mean: 20, p50: 15, p95: 60, p99: 80, max: 90 };
    const check: LessonCheck = { ...base, type: 'latency', stat: 'p95', op: '<', value: 50 };
    expect(evaluateCheck(check, testView({ snapshot: { latencyMs } }))).toMatchObject({ verdict: 'fail', value: 60 });
  });

  it('audit: a delivery-guarantee figure', () => {
    const audit = { produced: 100, deliveredOnce: 90, deliveredMoreThanOnce: 4, duplicates: 3, lost: 0, lostByReason: {}, droppedAfterProcessing: 0, deadLettered: 0, outOfOrder: 0, consumers: {}, competing: [], faults: [] };
    const check: LessonCheck = { ...base, type: 'audit', field: 'duplicates', op: '==', value: 0 };
    expect(evaluateCheck(check, testView({ snapshot: { audit } }))).toMatchObject({ verdict: 'fail', value: 3 });
  });
});

describe('evaluateCheck with a missing figure fails and says why', () => {
  it.each<[string, LessonCheck, string]>([
    ['an unknown node', { ...base, type: 'node', node: 'nope', field: 'in', op: '>=', value: 0 }, 'no node "nope"'],
    ['a field the node does not report', { ...base, type: 'node', node: 'orders', field: 'timeouts', op: '>=', value: 0 }, 'reports no number "timeouts"'],
    ['a statistic of a figure that is not a summary', { ...base, type: 'node', node: 'orders', field: 'ready.p95', op: '>=', value: 0 }, 'reports no number "ready.p95"'],
    ['a peak of an unknown node', peak('>=', 0, 'nope'), 'no node "nope"'],
    ['latency before anything completed', { ...base, type: 'latency', stat: 'p50', op: '>=', value: 0 }, 'no message has completed'],
    ['an audit on a run without one', { ...base, type: 'audit', field: 'lost', op: '>=', value: 0 }, 'no delivery-guarantee audit'],
  ])('%s', (_what, check, detail) => {
    const r = evaluateCheck(check, testView());
    expect(r.verdict).toBe('fail');
    expect(r.value).toBeNull();
    expect(r.detail).toContain(detail);
  });
});

describe('evaluateCheck says when a verdict is final', () => {
  it('every verdict is final once the run finished', () => {
    expect(evaluateCheck(total('queued', '==', 6), testView({ finished: true })).final).toBe(true);
    expect(evaluateCheck({ ...base, type: 'node', node: 'nope', field: 'in', op: '>=', value: 0 }, testView({ finished: true })).final).toBe(true);
  });

  it('a figure that goes up and down is not final before the end', () => {
    expect(evaluateCheck(total('queued', '<', 10), testView()).final).toBe(false);
    expect(evaluateCheck(total('queued', '>', 10), testView()).final).toBe(false);
  });

  it('a peak over a < limit is a final fail; under it, a pass so far', () => {
    expect(evaluateCheck(peak('<', 20), testView())).toMatchObject({ verdict: 'fail', final: true });
    const sofar = evaluateCheck(peak('<', 50), testView());
    expect(sofar).toMatchObject({ verdict: 'pass', final: false });
    expect(sofar.detail).toContain('so far');
  });

  it('a running total that reached a >= limit is a final pass', () => {
    expect(evaluateCheck(total('acked', '>=', 90), testView())).toMatchObject({ verdict: 'pass', final: true });
    expect(evaluateCheck(total('acked', '>=', 91), testView())).toMatchObject({ verdict: 'fail', final: false });
  });

  it('"no message lost" fails for good at the first drop; == settles only past the limit', () => {
    expect(evaluateCheck(total('dropped', '==', 0), testView())).toMatchObject({ verdict: 'fail', final: true });
    expect(evaluateCheck(total('dropped', '==', 2), testView())).toMatchObject({ verdict: 'pass', final: false });
  });

  it('a node counter settles, a node state does not', () => {
    const timeouts: LessonCheck = { ...base, type: 'node', node: 'client', field: 'timeouts', op: '==', value: 0 };
    const pending: LessonCheck = { ...base, type: 'node', node: 'client', field: 'pending', op: '==', value: 0 };
    expect(evaluateCheck(timeouts, testView()).final).toBe(true);
    expect(evaluateCheck(pending, testView()).final).toBe(false);
  });

  it('a queue\'s outage losses are counters: "none lost" fails for good at the first', () => {
    const snapshot = { nodes: { orders: { kind: 'queue', lostOnOutage: 0, lostBeforeConfirm: 1 } } };
    const check = (field: string): LessonCheck => ({ ...base, type: 'node', node: 'orders', field, op: '==', value: 0 });
    expect(evaluateCheck(check('lostBeforeConfirm'), testView({ snapshot }))).toMatchObject({ verdict: 'fail', final: true });
    expect(evaluateCheck(check('lostOnOutage'), testView({ snapshot }))).toMatchObject({ verdict: 'pass', final: false });
  });
});

describe('a closed channel\'s requeues (A1.4) and a publisher\'s connection failures (A1.6) are counters', () => {
  it.each([['orders', 'queue', 'requeuedOnChannelClose'], ['api', 'producer', 'connectionFailures']])('%s %s', (node, kind, field) => {
    const snapshot = { nodes: { [node]: { kind, [field]: 1 } } };
    const check: LessonCheck = { ...base, type: 'node', node, field, op: '==', value: 0 };
    expect(evaluateCheck(check, testView({ snapshot }))).toMatchObject({ verdict: 'fail', final: true });
  });
});

describe('what a crash loses is counted, never undone: "none lost" fails for good at the first', () => {
  it.each([
    ['requester', 'abandoned'], ['aggregator', 'droppedWhileDown'], ['aggregator', 'lostGroups'], ['aggregator', 'lostReplies'],
    ['requester', 'errors'], ['requester', 'corruptReplies'], ['queue', 'deadLettered'], ['queue', 'staleDeletes'], ['queue', 'lateDeletes'], ['exchange', 'toAlternate'],
  ])('%s %s', (kind, field) => {
    const snapshot = { nodes: { n: { kind, [field]: 1 } } };
    expect(evaluateCheck({ ...base, type: 'node', node: 'n', field, op: '==', value: 0 }, testView({ snapshot }))).toMatchObject({ verdict: 'fail', final: true });
  });
});

describe('evaluateChecks', () => {
  it('evaluates every check in order, and verdictsOf keys them by id', () => {
    const checks = [{ ...total('dropped', '==', 0), id: 'a' }, { ...peak('<', 50), id: 'b' }];
    const evaluated = evaluateChecks({ checks }, testView());
    expect(evaluated.map((e) => e.check.id)).toEqual(['a', 'b']);
    expect(verdictsOf(evaluated)).toEqual({ a: 'fail', b: 'pass' });
  });
});
