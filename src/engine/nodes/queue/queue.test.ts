import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptedProducer } from '../../testSupport';

const consumer = (id: string, config: Record<string, unknown>) => ({ id, kind: 'consumer' as const, config });
const constant = (value: number) => ({ type: 'constant' as const, value });
const keys = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

describe('queue dispatch (semantics.md A1.4, A1.5, A1.15)', () => {
  it('A1.15 round-robins deliveries across competing consumers', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(6)), { id: 'q', kind: 'queue' },
        ...['c1', 'c2', 'c3'].map((id) => consumer(id, { serviceTimeMs: constant(100), prefetch: 1 }))],
      ['p>q', 'q>c1', 'q>c2', 'q>c3'],
    );
    const sim = createSimulation(s);
    sim.runUntil(50);
    let snap = sim.snapshot();
    for (const c of ['c1', 'c2', 'c3']) expect(snap.nodes[c]!.in, c).toBe(1);
    expect(snap.nodes.q).toMatchObject({ ready: 3, unacked: 3 });
    sim.runUntil(1000);
    snap = sim.snapshot();
    for (const c of ['c1', 'c2', 'c3']) expect(snap.nodes[c]!.acked, c).toBe(2);
  });

  it('A1.15 (BROKER): round-robin even when neither consumer is blocked: c1 gets 1 and 3, c2 gets 2 and 4', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(4)), { id: 'q', kind: 'queue' },
        consumer('c1', { serviceTimeMs: constant(1000), prefetch: 10 }), consumer('c2', { serviceTimeMs: constant(1000), prefetch: 10 })],
      ['p>q', 'q>c1', 'q>c2'],
    );
    const sim = createSimulation(s, { tracing: true });
    const got: Record<string, string[]> = { e1: [], e2: [] };
    for (let t = 1; t <= 10; t++) {
      sim.runUntil(t);
      for (const e of ['e1', 'e2']) {
        const last = sim.inspectEdge(e)?.routingKey;
        if (last !== undefined && got[e]!.at(-1) !== last) got[e]!.push(last);
      }
    }
    expect(got).toEqual({ e1: ['m1', 'm3'], e2: ['m2', 'm4'] });
  });

  it('A1.15 (BROKER): two consumers at prefetch 1 and 3 messages: one each, the third waits', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(3)), { id: 'q', kind: 'queue' },
        consumer('hi', { serviceTimeMs: constant(1000), prefetch: 1 }), consumer('lo', { serviceTimeMs: constant(1000), prefetch: 1 })],
      ['p>q', 'q>hi', 'q>lo'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect([snap.nodes.hi!.in, snap.nodes.lo!.in]).toEqual([1, 1]);
    expect(snap.nodes.q).toMatchObject({ ready: 1, unacked: 2 });
  });

  it('A1.15 a blocked consumer is skipped, delivery does not wait for it', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(20)), { id: 'q', kind: 'queue' },
        consumer('slow', { serviceTimeMs: constant(10_000), prefetch: 1 }), consumer('fast', { serviceTimeMs: constant(0.5), prefetch: 1 })],
      ['p>q', 'q>slow', 'q>fast'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.slow!.in).toBe(1);
    expect(snap.nodes.fast!.acked).toBe(19);
  });

  it('A1.5 prefetch bounds the unacked deliveries per consumer', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(10)), { id: 'q', kind: 'queue' }, consumer('c', { serviceTimeMs: constant(1000), prefetch: 3 })],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ ready: 7, unacked: 3 });
    expect(snap.nodes.c).toMatchObject({ busy: 1, buffered: 2 });
    expect(snap.messages).toMatchObject({ queued: 7, inFlight: 3 });
  });

  it('A1.4 auto-ack has no prefetch limit: every message leaves the queue at once', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(10)), { id: 'q', kind: 'queue' }, consumer('c', { serviceTimeMs: constant(1000), prefetch: 1, ackMode: 'auto' })],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ ready: 0, unacked: 0, out: 10 });
    expect(snap.messages).toMatchObject({ queued: 0, inFlight: 10 });
  });

  it('A1.4 a nacked message is requeued, redelivered with the flag set, and finally acked', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(200)), { id: 'q', kind: 'queue' },
        consumer('c', { serviceTimeMs: constant(1), prefetch: 5, failureProbability: 0.3 })],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(5000);
    const snap = sim.snapshot();
    const q = snap.nodes.q!;
    expect(q.nacked).toBeGreaterThan(20);
    expect(q.redelivered).toBe(q.nacked);
    expect(q.out).toBe(200 + (q.nacked as number));
    expect(snap.messages).toMatchObject({ acked: 200, queued: 0, inFlight: 0, dropped: 0 });
  });

  it('A1.4 under auto-ack a failed message is lost, and counted as such', () => {
    const s = scenarioOf(
      [scriptedProducer('p', keys(200)), { id: 'q', kind: 'queue' },
        consumer('c', { serviceTimeMs: constant(1), ackMode: 'auto', failureProbability: 0.3 })],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s);
    sim.runUntil(5000);
    const snap = sim.snapshot();
    const lost = snap.messages.droppedByReason.lostAfterAutoAck ?? 0;
    expect(lost).toBeGreaterThan(20);
    expect(snap.nodes.c!.dropped).toBe(lost);
    expect(snap.nodes.q!.redelivered).toBe(0);
    expect(snap.messages.acked + lost).toBe(200);
  });
});
