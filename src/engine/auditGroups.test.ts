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

describe('competing consumers as a group (EIP Competing Consumers, A4): each loss counted once', () => {
  // A crashed queue loses its transient messages (A1.12): they were on their way to all three workers, so each worker's
  // row counts all of them, but the group lost each once.
  const crashed = (ackMode: 'manual' | 'auto', extraFaults: Record<string, unknown>[] = []) => run(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 200 }, count: 1000 } },
    { id: 'q', kind: 'queue' },
    ...['w1', 'w2', 'w3'].map((id) => ({ id, kind: 'consumer' as const, config: { ackMode, prefetch: 5, serviceTimeMs: { type: 'constant' as const, value: 20 } } })),
  ], ['p>q', 'q>w1', 'q>w2', 'q>w3'], {
    durationMs: 20_000,
    faults: [{ atMs: 2000, target: 'q', type: 'crash', durationMs: 1000 }, ...extraFaults] as never,
  }));

  it('a queue crash: the group lost what its workers lost, once; each worker row shows it all', () => {
    const snap = crashed('manual');
    const audit = snap.audit!;
    expect(audit.competing).toHaveLength(1);
    const group = audit.competing[0]!;
    expect(group).toMatchObject({ consumers: ['w1', 'w2', 'w3'], queues: ['q'], duplicates: 0, guarantee: 'at-most-once' });
    expect(group.lost).toBeGreaterThan(0);
    // Only the shared queue lost anything: every worker is charged with all of it, the group once.
    for (const w of ['w1', 'w2', 'w3']) expect(audit.consumers[w]!.lost).toBe(group.lost);
    // Every message of the run was processed by one worker or lost to the group (the producer's count is done).
    expect(group.processed).toBe(audit.consumers.w1!.processed + audit.consumers.w2!.processed + audit.consumers.w3!.processed);
    expect(group.processed + group.lost).toBe(snap.messages.produced);
  });

  it('a loss at one worker (auto-ack crash) is the group\'s too, and only that worker\'s row shows it', () => {
    const snap = crashed('auto', [{ atMs: 5000, target: 'w2', type: 'crash', durationMs: 1000 }]);
    const audit = snap.audit!;
    const atWorker = snap.messages.droppedByReason.lostAfterAutoAck ?? 0;
    expect(atWorker).toBeGreaterThan(0);
    const { w1, w2, w3 } = audit.consumers;
    expect(w3!.lost).toBe(w1!.lost);
    expect(w2!.lost).toBe(w1!.lost + atWorker);
    expect(audit.competing[0]!.lost).toBe(w2!.lost);
    expect(audit.competing[0]!.processed + audit.competing[0]!.lost).toBe(snap.messages.produced);
  });

  it('lone consumers and push subscribers form no competing group', () => {
    const snap = run(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: 40 } },
      { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q1', kind: 'queue' }, { id: 'q2', kind: 'queue' }, { id: 'c1', kind: 'consumer' }, { id: 'c2', kind: 'consumer' },
    ], ['p>x', 'x>q1', 'x>q2', 'q1>c1', 'q2>c2'], { durationMs: 10_000 }));
    expect(snap.audit!.competing).toEqual([]);
  });

  it('a message processed by two workers of the group is one duplicate of the group', () => {
    // A2.1: the visibility timeout ends while the first receiver still works on it: the other receives it too.
    const snap = run(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: 40 } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 200 } },
      ...['c1', 'c2'].map((id) => ({ id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 10, serviceTimeMs: { type: 'constant' as const, value: 300 } } })),
    ], ['p>q', 'q>c1', 'q>c2'], { durationMs: 20_000 }));
    const group = snap.audit!.competing[0]!;
    expect(group.duplicates).toBe(snap.audit!.duplicates);
    expect(group.duplicates).toBeGreaterThan(0);
    expect(group).toMatchObject({ lost: 0, guarantee: 'at-least-once' });
    const { c1, c2 } = snap.audit!.consumers;
    // Distinct messages processed by either: no fewer than either processed, no more than both did.
    expect(group.processed).toBeGreaterThanOrEqual(Math.max(c1!.processed, c2!.processed));
    expect(group.processed).toBeLessThanOrEqual(c1!.processed + c2!.processed);
  });
});
