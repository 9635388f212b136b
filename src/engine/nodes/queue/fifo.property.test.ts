/**
 * SQS FIFO queues (semantics.md A2.3) over random workloads: groups, competing pull consumers that fail
 * at random, visibility timeouts, redrive, duplicate sends. At every event:
 * (a) the group lock: the in-flight messages of one group are all held by one consumer;
 * (b) per-group order: across all consumers, each group is processed in the order it was sent;
 * (c) the accounting balance: produced = acked + queued + inFlight + deadLettered + dropped.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../api';
import { AuditLog } from '../../audit';
import type { Message } from '../../model/message';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const workload = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  groups: fc.integer({ min: 1, max: 4 }),
  sends: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 2000 }), group: fc.nat(), dedup: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 40 }),
  consumers: fc.array(fc.record({
    serviceMs: fc.integer({ min: 1, max: 80 }),
    failureProbability: fc.constantFrom(0, 0.1, 0.3),
    waitTimeMs: fc.constantFrom(0, 200),
  }), { minLength: 1, maxLength: 3 }),
  visibilityTimeoutMs: fc.integer({ min: 100, max: 400 }),
  maxReceiveCount: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  scope: fc.constantFrom('queue', 'messageGroup'),
});
type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

function build(w: Workload) {
  const messages = w.sends.map((s) => ({ atMs: s.atMs, groupId: `g${(s.group % w.groups) + 1}`, routingKey: `g${(s.group % w.groups) + 1}`, deduplicationId: `d${s.dedup}` }));
  const consumers = w.consumers.map((c, i) => ({
    id: `c${i + 1}`, kind: 'consumer' as const,
    // One slot: a consumer processes what it receives in order (a batch processed in parallel may not be).
    config: { delivery: 'pull' as const, pollIntervalMs: 20, waitTimeMs: c.waitTimeMs, concurrency: 1, serviceTimeMs: { type: 'constant' as const, value: c.serviceMs }, failureProbability: c.failureProbability },
  }));
  return scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: w.visibilityTimeoutMs, maxReceiveCount: w.maxReceiveCount, fifo: { deduplicationScope: w.scope } } },
    { id: 'dlq', kind: 'queue', config: { flavor: 'sqs', fifo: { contentBasedDeduplication: true } } },
    ...consumers,
  ], ['p>q', 'q>dlq', ...consumers.map((c) => `q>${c.id}`)], { seed: w.seed, durationMs: 8000 });
}

const balance = (s: Snapshot) => {
  const m = s.messages;
  return m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped - m.produced;
};

afterEach(() => { vi.restoreAllMocks(); });

describe('A2.3 SQS FIFO properties', () => {
  it('holds the group lock, per-group order and the balance at every event', () => {
    // Every successful processing, in the order it happens, whichever consumer did it.
    let processed: { group: string; seq: number }[] = [];
    const original = AuditLog.prototype.processed;
    vi.spyOn(AuditLog.prototype, 'processed').mockImplementation(function (this: AuditLog, consumer: number, m: Message) {
      processed.push({ group: m.groupId, seq: m.orderSeq });
      original.call(this, consumer, m);
    });
    fc.assert(fc.property(workload, (w) => {
      processed = [];
      const sim = createSimulation(build(w), { tracing: true });
      // The sends end by 2 s; the polls go on for ever, so the run stops at 8 s.
      for (let events = 0; sim.nextEventTime() <= 8000; events++) {
        const r = sim.step();
        if (r.error) throw new Error(r.error.message);
        // (a) who holds each in-flight message: the consumer of its last 'received' hop.
        const holders = new Map<string, string>();
        for (const v of sim.inspectNode('q', 1000)!) {
          if (v.state === 'ready') continue;
          const holder = [...v.trail].reverse().find((h) => h.event === 'received')?.node ?? '(on its way)';
          const other = holders.get(v.routingKey);
          expect(other === undefined || other === holder, `group ${v.routingKey} held by ${other} and ${holder}`).toBe(true);
          holders.set(v.routingKey, holder);
        }
        if (events % 50 === 0) expect(balance(sim.snapshot())).toBe(0);
      }
      expect(balance(sim.snapshot())).toBe(0);
      // (b) each group's processing order never goes back (a message processed again after a failure
      // repeats its place; it never overtakes a later one).
      const last = new Map<string, number>();
      for (const p of processed) {
        expect(p.seq, `group ${p.group}`).toBeGreaterThanOrEqual(last.get(p.group) ?? -1);
        last.set(p.group, p.seq);
      }
    }), { numRuns: 40 });
  });
});
