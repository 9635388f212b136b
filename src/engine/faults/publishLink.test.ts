import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.6: the broker acks or nacks each publish it received; it nacks only on an internal queue error or a
 * reject-publish queue at its limit. A publish lost on the publisher's link never reached the broker, so no
 * confirm of either kind comes back: the publisher fails it itself once it notices its dead connection,
 * LINK_RETURN_MS (1 s) after the loss (connectionFailures), or earlier when its retry timeout gives up on it
 * first; the same behind a lossy link as behind a partition.
 */
describe('A1.6: a publish lost on its way to the broker is neither acked nor nacked', () => {
  // Three publishes at 1, 101 and 201 ms; the fault covers only the second (50–150 ms).
  const run = (type: 'linkLoss' | 'partition', retry: boolean, untilMs = 1000) => {
    const fault = type === 'linkLoss' ? { probability: 1 } : {};
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 100), confirms: { window: 10 }, ...(retry ? { retry: { timeoutMs: 300, maxAttempts: 2 } } : {}) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], [{ id: 'pq', source: 'p', target: 'q', config: {} }, 'q>c'],
    { durationMs: 3000, faults: [{ atMs: 50, target: 'pq', type, durationMs: 100, ...fault }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(untilMs);
    return sim.snapshot();
  };

  for (const type of ['linkLoss', 'partition'] as const) {
    it(`${type}: the lost publish stays unconfirmed (no nack) until the publisher notices its dead connection, 1 s after the loss`, () => {
      const before = run(type, false, 1100);
      expect(before.nodes.p).toMatchObject({ confirmed: 2, nacked: 0, unconfirmed: 1, connectionFailures: 0 });
      expect(before.messages.droppedByReason).toEqual({ [type]: 1 });
      const after = run(type, false, 1101);
      expect(after.nodes.p).toMatchObject({ confirmed: 2, nacked: 0, unconfirmed: 0, connectionFailures: 1 });
      expect(after.messages.droppedByReason).toEqual({ [type]: 1 });
    });

    it(`${type}: with retries, the publisher times out (at 101 + 300 ms) and publishes it again; nothing is lost for the consumer`, () => {
      const snap = run(type, true);
      expect(snap.nodes.p).toMatchObject({ confirmed: 3, nacked: 0, unconfirmed: 0, timeouts: 1, retries: 1 });
      expect(snap.audit!.consumers.c).toMatchObject({ processed: 3, lost: 0, duplicates: 0, guarantee: 'exactly-once' });
      // The dead connection noticed after the timeout fails nothing more, and is no late confirm.
      expect(run(type, true, 3000).nodes.p).toMatchObject({ confirmed: 3, connectionFailures: 0, lateConfirms: 0, retries: 1 });
    });
  }

  it('the audit: with confirms the publisher knows the publish was never confirmed, so it breaks no consumer\'s guarantee; without, it does', () => {
    const withConfirms = run('linkLoss', false);
    expect(withConfirms.audit).toMatchObject({ lost: 1, lostByReason: { linkLoss: 1 } });
    expect(withConfirms.audit!.consumers.c).toMatchObject({ processed: 2, lost: 0, guarantee: 'exactly-once' });
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 100) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], [{ id: 'pq', source: 'p', target: 'q', config: {} }, 'q>c'],
    { durationMs: 1000, faults: [{ atMs: 50, target: 'pq', type: 'linkLoss', probability: 1, durationMs: 100 }] });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    expect(sim.snapshot().audit!.consumers.c).toMatchObject({ processed: 2, lost: 1, guarantee: 'at-most-once' });
  });
});

/**
 * A publisher with confirms and no retry behind a long partition: each publish the partition takes fails 1 s after it
 * was sent (LINK_RETURN_MS), which frees its slot of the confirm window. It used to wait for ever, so once the partition
 * had taken the whole window the producer never published again, even after the partition ended.
 */
describe('A1.6: a partition on the publisher\'s link does not stall a confirming publisher for good', () => {
  const run = (untilMs: number) => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, confirms: { window: 5 } } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], [{ id: 'pq', source: 'p', target: 'q', config: {} }, 'q>c'],
    { durationMs: 10_000, faults: [{ atMs: 1000, target: 'pq', type: 'partition', durationMs: 3000 }] });
    const sim = createSimulation(s);
    sim.runUntil(untilMs);
    return sim.snapshot();
  };

  it('the window is lost to the partition in 50 ms; its five publishes fail 1 s later, and five more go into the partition', () => {
    expect(run(1990).nodes.p).toMatchObject({ unconfirmed: 5, connectionFailures: 0 });
    const at2100 = run(2100);
    expect(at2100.nodes.p).toMatchObject({ unconfirmed: 5, connectionFailures: 5 });
    expect(at2100.messages.droppedByReason).toEqual({ partition: 10 });
  });

  it('after the partition ends, the publisher catches up: nothing is left waiting, every publish is confirmed or failed', () => {
    const snap = run(10_000);
    const p = snap.nodes.p as Record<string, number>;
    // 3 s of partition take the window once per second: 15 publishes, each failed 1 s after it was lost.
    expect(p).toMatchObject({ connectionFailures: 15, nacked: 0, unconfirmed: 0, waiting: 0 });
    expect(p.confirmed! + p.connectionFailures!).toBe(p.out);
    expect(snap.messages.droppedByReason).toEqual({ partition: 15 });
    expectBalanced(snap);
  });

  it('a confirm lost on its way back across the partition fails the publish too; with retry, the message is published again and arrives twice', () => {
    // One publish at 1 ms; the broker confirms it 20 ms later (a 20 ms link each way); the link is partitioned from 30 ms.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(1, 100), confirms: { window: 10 }, retry: { timeoutMs: 5000, maxAttempts: 2 } } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], [{ id: 'pq', source: 'p', target: 'q', config: { delayMs: 20 } }, 'q>c'],
    { durationMs: 3000, faults: [{ atMs: 15, target: 'pq', type: 'partition', durationMs: 100 }] });
    const sim = createSimulation(s);
    sim.runUntil(3000);
    const snap = sim.snapshot();
    // Failed at 21 + 1000 ms, retried after the 5 s back-off: not yet by 3 s.
    expect(snap.nodes.p).toMatchObject({ confirmed: 0, connectionFailures: 1, unconfirmed: 0, retries: 0 });
    sim.runUntil(7000);
    const later = sim.snapshot();
    expect(later.nodes.p).toMatchObject({ confirmed: 1, connectionFailures: 1, retries: 1 });
    expect(later.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, lost: 0, guarantee: 'at-least-once' });
  });
});

describe('A1.6: a publish lost on a later hop (a router sending it on) is the broker\'s own loss: nacked', () => {
  it('a partitioned router → queue link nacks the publish at once rather than leaving its confirm to wait', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 100), confirms: { window: 10 } } },
      { id: 'r', kind: 'router', config: { otherwise: ['q'] } },
      { id: 'q', kind: 'queue' },
    ], ['p>r', { id: 'rq', source: 'r', target: 'q', config: {} }],
    { durationMs: 1000, faults: [{ atMs: 50, target: 'rq', type: 'partition', durationMs: 100 }] });
    const sim = createSimulation(s);
    sim.runUntil(300);
    expect(sim.snapshot().nodes.p).toMatchObject({ confirmed: 2, nacked: 1, connectionFailures: 0, unconfirmed: 0 });
    expect(sim.snapshot().messages.droppedByReason).toEqual({ partition: 1 });
  });
});
