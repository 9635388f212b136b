import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { createSimulation } from '../simulation';
import { scenarioOf, scriptEvery } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * A1.6: the broker acks or nacks each publish it received; it nacks only on an internal queue error or a
 * reject-publish queue at its limit. A publish lost on the publisher's link never reached the broker, so no
 * confirm of either kind comes back: the publisher learns of the loss only when it gives up waiting (its
 * retry timeout), the same behind a lossy link as behind a partition.
 */
describe('A1.6: a publish lost on its way to the broker is neither acked nor nacked', () => {
  // Three publishes at 1, 101 and 201 ms; the fault covers only the second (50–150 ms).
  const run = (type: 'linkLoss' | 'partition', retry: boolean) => {
    const fault = type === 'linkLoss' ? { probability: 1 } : {};
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(3, 100), confirms: { window: 10 }, ...(retry ? { retry: { timeoutMs: 300, maxAttempts: 2 } } : {}) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], [{ id: 'pq', source: 'p', target: 'q', config: {} }, 'q>c'],
    { durationMs: 1000, faults: [{ atMs: 50, target: 'pq', type, durationMs: 100, ...fault }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(1000);
    return sim.snapshot();
  };

  for (const type of ['linkLoss', 'partition'] as const) {
    it(`${type}: the lost publish stays unconfirmed (no nack)`, () => {
      const snap = run(type, false);
      expect(snap.nodes.p).toMatchObject({ confirmed: 2, nacked: 0, unconfirmed: 1 });
      expect(snap.messages.droppedByReason).toEqual({ [type]: 1 });
    });

    it(`${type}: with retries, the publisher times out (at 101 + 300 ms) and publishes it again; nothing is lost for the consumer`, () => {
      const snap = run(type, true);
      expect(snap.nodes.p).toMatchObject({ confirmed: 3, nacked: 0, unconfirmed: 0, timeouts: 1, retries: 1 });
      expect(snap.audit!.consumers.c).toMatchObject({ processed: 3, lost: 0, duplicates: 0, guarantee: 'exactly-once' });
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
