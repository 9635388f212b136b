/**
 * SQS standard-queue deletes (semantics.md A2.1) over random workloads: competing pull consumers slower than the
 * visibility timeout, links with a delay both ways (a delete arrives late), failures, redrive, retention ending while a
 * message is in flight (consumers that come online just before it ends). A delete with the receipt of a message's
 * latest receive deletes it, in flight or visible again; an older receipt deletes nothing. At every few events: the
 * accounting balance (produced = acked + queued + inFlight + deadLettered + dropped). At the end: the queue's deletes
 * agree with the run's acks. Over the run: a message is deleted at most once, and never received again once deleted
 * or deleted by retention in flight. Across the runs: deletes of a message visible again, and retention in flight,
 * happen (the properties are not vacuous).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../model/message';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf } from '../../testSupport';
import { SqsInFlight } from './sqsInFlight';

const workload = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  sends: fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 30 }),
  consumers: fc.array(fc.record({
    serviceMs: fc.integer({ min: 1, max: 300 }),
    delayMs: fc.constantFrom(0, 0, 10, 60),
    concurrency: fc.integer({ min: 1, max: 2 }),
    failureProbability: fc.constantFrom(0, 0.1, 0.3),
    waitTimeMs: fc.constantFrom(0, 200),
    pollIntervalMs: fc.constantFrom(5, 50, 400),
  }), { minLength: 1, maxLength: 3 }),
  visibilityTimeoutMs: fc.constantFrom(0, 20, 100, 250, 2000),
  maxReceiveCount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  retentionMs: fc.option(fc.constantFrom(60_000), { nil: undefined }),
  /** Each consumer offline until this long after 58.5 s: receives near the end of a 60 s retention (null: online). */
  lateStartMs: fc.option(fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 3, maxLength: 3 }), { nil: null }),
});
type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

function build(w: Workload) {
  const consumers = w.consumers.map((c, i) => ({
    id: `c${i + 1}`, kind: 'consumer' as const,
    config: {
      delivery: 'pull' as const, pollIntervalMs: c.pollIntervalMs, waitTimeMs: c.waitTimeMs, concurrency: c.concurrency,
      serviceTimeMs: { type: 'constant' as const, value: c.serviceMs }, failureProbability: c.failureProbability,
      ...(w.lateStartMs ? { offline: [{ fromMs: 0, toMs: 58_500 + w.lateStartMs[i]! }] } : {}),
    },
  }));
  return scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: w.sends.map((atMs) => ({ atMs })) } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: w.visibilityTimeoutMs, maxReceiveCount: w.maxReceiveCount, retentionMs: w.lateStartMs ? 60_000 : w.retentionMs } },
    { id: 'dlq', kind: 'queue', config: { flavor: 'sqs' } },
    ...consumers,
  ], ['p>q', 'q>dlq', ...w.consumers.map((c, i) => ({ id: `sub${i + 1}`, source: 'q', target: `c${i + 1}`, config: { delayMs: c.delayMs } }))],
  { seed: w.seed, durationMs: endOf(w) });
}

const endOf = (w: Workload) => (w.lateStartMs ? 65_000 : 5000);

afterEach(() => { vi.restoreAllMocks(); });

describe('A2.1 SQS standard-queue delete properties', () => {
  it('deletes each message at most once, never receives a deleted one, and keeps the balance', () => {
    let deleted = new Set<number>();
    let expiredInFlight = new Set<number>();
    let visibleDeletes = 0;
    let retentionsInFlight = 0;
    const fail = (why: string) => { throw new Error(why); };
    const { receive, delete: deleteInFlight, deleteVisible, retentionEnded } = SqsInFlight.prototype;
    vi.spyOn(SqsInFlight.prototype, 'receive').mockImplementation(function (this: SqsInFlight, m: Message) {
      if (deleted.has(m.id) || expiredInFlight.has(m.id)) fail(`message ${m.id} received after it was deleted`);
      receive.call(this, m);
    });
    vi.spyOn(SqsInFlight.prototype, 'retentionEnded').mockImplementation(function (this: SqsInFlight, m: Message, receipt: number) {
      const done = retentionEnded.call(this, m, receipt);
      if (done) { expiredInFlight.add(m.id); retentionsInFlight++; }
      return done;
    });
    const noteDeleted = (m: Message, done: boolean) => {
      if (!done) return done;
      if (deleted.has(m.id)) fail(`message ${m.id} deleted twice`);
      deleted.add(m.id);
      return done;
    };
    vi.spyOn(SqsInFlight.prototype, 'delete').mockImplementation(function (this: SqsInFlight, m: Message, receipt: number) {
      return noteDeleted(m, deleteInFlight.call(this, m, receipt));
    });
    vi.spyOn(SqsInFlight.prototype, 'deleteVisible').mockImplementation(function (this: SqsInFlight, ...args: Parameters<SqsInFlight['deleteVisible']>) {
      const done = noteDeleted(args[0], deleteVisible.apply(this, args));
      if (done) visibleDeletes++;
      return done;
    });
    fc.assert(fc.property(workload, (w) => {
      deleted = new Set();
      expiredInFlight = new Set();
      const visibleBefore = visibleDeletes;
      const sim = createSimulation(build(w), { audit: false });
      for (let events = 0; sim.nextEventTime() <= endOf(w); events++) {
        const r = sim.step();
        if (r.error) throw new Error(r.error.message);
        if (events % 20 === 0) expectBalanced(sim.snapshot());
      }
      const snap = sim.snapshot();
      expectBalanced(snap);
      // Only q's consumers ack: every ack the run counts is a message q deleted, once.
      expect(snap.nodes.q!.acked).toBe(snap.messages.acked);
      expect(deleted.size).toBe(snap.messages.acked);
      expect(snap.nodes.q!.lateDeletes).toBe(visibleDeletes - visibleBefore);
    }), { numRuns: 80 });
    expect(visibleDeletes).toBeGreaterThan(0);
    expect(retentionsInFlight).toBeGreaterThan(0);
  });
});
