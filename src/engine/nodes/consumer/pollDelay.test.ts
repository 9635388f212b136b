import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/**
 * A poll (basic.get, SQS ReceiveMessage) is a request and a response over the consumer's link: both cross
 * it, so a far consumer pays the round trip per poll, and it cannot poll again before the answer is back.
 */
describe('polls over a link with a delay', () => {
  // 100 messages ready at t≈0..100 ms; one slot, one message per poll, near-zero service time.
  const run = (delayMs: number, extra: { queue?: object; consumer?: object } = {}) => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 1000 }, count: 100 } },
      { id: 'q', kind: 'queue', config: { ...extra.queue } },
      { id: 'c', kind: 'consumer', config: { delivery: 'pull', pollIntervalMs: 10, serviceTimeMs: constant(0.001), ...extra.consumer } },
    ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs } }], { durationMs: 100_000 });
    return createSimulation(s, { audit: false });
  };

  it('each poll costs a round trip: about 1 s / (2 × 50 ms) messages per second with one slot', () => {
    const sim = run(50);
    sim.runUntil(1000);
    const c = sim.snapshot().nodes.c!;
    // Poll at 0 → request at the queue at 50 → empty (the first message is published at 1 ms)... then one per 100 ms.
    expect(c.acked).toBeGreaterThanOrEqual(8);
    expect(c.acked).toBeLessThanOrEqual(10);
    expect(c.polls).toBeLessThanOrEqual(12);
  });

  it('never holds more than its free slots: no poll goes out while an answer is on its way', () => {
    const sim = run(50, { consumer: { concurrency: 2, serviceTimeMs: constant(500) } });
    let most = 0;
    for (let t = 0; t <= 5000; t += 5) {
      sim.runUntil(t);
      const c = sim.snapshot().nodes.c!;
      most = Math.max(most, (c.busy as number) + (c.buffered as number));
    }
    expect(most).toBe(2);
    // Everything polled was delivered or is in flight: the queue's unacked are the consumer's 2 and the link's.
    expect(sim.snapshot().nodes.q!.unacked).toBeLessThanOrEqual(2);
  });

  it('without a delay nothing changes: polls answer at once', () => {
    const sim = run(0);
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.c!.acked).toBe(100);
  });

  it('an SQS long poll waits at the queue: the message reaches the consumer one link delay after it arrives', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 500 }] } } },
      { id: 'q', kind: 'queue', config: { flavor: 'sqs' } },
      { id: 'c', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 20_000, serviceTimeMs: constant(1) } },
    ], ['p>q', { id: 'qc', source: 'q', target: 'c', config: { delayMs: 40 } }], { durationMs: 10_000 });
    const sim = createSimulation(s, { audit: false });
    sim.runUntil(539);
    expect(sim.snapshot().nodes.c!.in).toBe(0);
    sim.runUntil(541);
    expect(sim.snapshot().nodes.c!.in).toBe(1);
  });

  it('a request still on the link when the consumer goes offline is void: nothing is delivered for it', () => {
    const sim = run(50, { consumer: { offline: [{ fromMs: 30, toMs: 60 }] } });
    sim.runUntil(105); // the poll of t=0 would have reached the queue at 50; the new one of t=60 arrives at 110
    expect(sim.snapshot().nodes.q!.out).toBe(0); // delivered
    expect(sim.snapshot().nodes.c!.polls).toBe(2);
    sim.runUntil(300);
    expect(sim.snapshot().nodes.c!.acked).toBeGreaterThan(0);
    expect(sim.snapshot().nodes.q!.redelivered).toBe(0);
  });
});
