import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { scenarioOf } from './testSupport';

const run = (s: ReturnType<typeof scenarioOf>) => { const sim = createSimulation(s); sim.runUntil(s.durationMs); return sim.snapshot(); };

describe('the audit counts duplicates across competing consumers', () => {
  // A2.1: a message whose visibility timeout ends while a consumer still works on it is received again,
  // by the other consumer here: each processes it once, the queue's messages are processed twice.
  const sqs = (visibilityTimeoutMs: number) => scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: 40 } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs } },
    ...['c1', 'c2'].map((id) => ({ id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, serviceTimeMs: { type: 'constant' as const, value: 300 } } })),
  ], ['p>q', 'q>c1', 'q>c2'], { durationMs: 20_000 });

  it('a message processed once by each of two consumers of one queue is a duplicate for both', () => {
    const snap = run(sqs(200));
    const { c1, c2 } = snap.audit!.consumers;
    expect(snap.audit!.duplicates).toBeGreaterThan(0);
    expect(c1!.duplicates + c2!.duplicates).toBeGreaterThanOrEqual(snap.audit!.duplicates);
    expect(c1!.guarantee).toBe('at-least-once');
    expect(c2!.guarantee).toBe('at-least-once');
  });

  it('no duplicate when the visibility timeout outlasts the processing', () => {
    const snap = run(sqs(5_000));
    expect(snap.audit!.duplicates).toBe(0);
    expect(snap.audit!.consumers.c1!.guarantee).toBe('exactly-once');
  });

  it('copies of one message in two queues (pub/sub) processed once each are no duplicate', () => {
    const snap = run(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: 40 } },
      { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q1', kind: 'queue' }, { id: 'q2', kind: 'queue' }, { id: 'c1', kind: 'consumer' }, { id: 'c2', kind: 'consumer' },
    ], ['p>x', 'x>q1', 'x>q2', 'q1>c1', 'q2>c2'], { durationMs: 10_000 }));
    expect(snap.nodes.c1!.acked).toBe(40);
    expect(snap.nodes.c2!.acked).toBe(40);
    expect(snap.audit!.duplicates).toBe(0);
  });
});

describe('the audit does not count as lost what was discarded on purpose', () => {
  it('late replies reached their requester: dropped, but no loss', () => {
    const snap = run(scenarioOf([
      { id: 'r', kind: 'requester', config: { arrival: { type: 'constant', ratePerSec: 10 }, count: 20, timeoutMs: 50 } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 80 } } },
    ], ['r>q', 'q>c', 'c>r'], { durationMs: 10_000 }));
    const late = snap.messages.droppedByReason.lateReply ?? 0;
    expect(late).toBeGreaterThan(0);
    expect(snap.audit!.lostByReason.lateReply).toBeUndefined();
    expect(snap.audit!.lost).toBe(snap.messages.dropped - late);
  });
});
