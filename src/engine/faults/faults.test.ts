import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../schema';
import { LIVE_FIELDS } from '../api';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;
const steady = (rate = 100, extra: Record<string, unknown> = {}) => ({ id: 'p', kind: 'producer' as const, config: { arrival: { type: 'constant' as const, ratePerSec: rate }, ...extra } });
const worker = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'constant' as const, value: 5 }, ...extra } });
const balance = (m: { acked: number; queued: number; inFlight: number; deadLettered: number; dropped: number }) => m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped;

describe('consumer crash (A1.4: a closed channel requeues unacked deliveries; auto-ack loses them)', () => {
  const run = (ackMode: 'manual' | 'auto') => {
    const s = scenarioOf([steady(), { id: 'q', kind: 'queue' }, worker('c', { ackMode, prefetch: 20, serviceTimeMs: { type: 'constant', value: 20 } })],
      ['p>q', 'q>c'], { durationMs: 10_000, faults: [{ atMs: 3000, target: 'c', type: 'crash', durationMs: 2000 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    return sim.snapshot();
  };

  it('manual ack: nothing is lost, the unacked messages are redelivered', () => {
    const snap = run('manual');
    expect(snap.messages.dropped).toBe(0);
    expect(snap.nodes.q!.redelivered).toBeGreaterThan(0);
    expect(snap.audit!.consumers.c!.guarantee).toBe('exactly-once');
  });

  it('auto ack: what the consumer held when it crashed is lost, and the audit says at-most-once', () => {
    const snap = run('auto');
    const lost = snap.messages.droppedByReason.lostAfterAutoAck ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(snap.audit!.consumers.c).toMatchObject({ lost, duplicates: 0, guarantee: 'at-most-once' });
    expect(snap.audit!.faults).toEqual([{ atMs: 3000, endMs: 5000, target: 'c', type: 'crash' }]);
  });
});

describe('broker restart (A1.12: durable queues keep persistent messages, lose transient ones)', () => {
  it('keeps the persistent messages of a durable queue and loses the transient ones and a transient queue', () => {
    const s = scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p1', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 100, persistent: true } },
      { id: 'p2', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 100, persistent: false } },
      { id: 'p3', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 100, persistent: true } },
      { id: 'durable', kind: 'queue', config: { brokers: ['b'] } },
      { id: 'transient', kind: 'queue', config: { brokers: ['b'], durable: false } },
    ], ['p1>durable', 'p2>durable', 'p3>transient'], { durationMs: 10_000, faults: [{ atMs: 5000, target: 'b', type: 'crash', durationMs: 1000 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(5500);
    const snap = sim.snapshot();
    expect(snap.nodes.durable!.ready).toBe(100);
    expect(snap.nodes.transient!.ready).toBe(0);
    expect(snap.messages.droppedByReason.transientOnRestart).toBe(200);
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('a quorum queue keeps every message over a restart, transient ones too (always durable, everything persisted)', () => {
    const s = scenarioOf([
      { id: 'b', kind: 'broker' },
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 100, persistent: false } },
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', brokers: ['b'] } },
    ], ['p>q'], { durationMs: 10_000, faults: [{ atMs: 5000, target: 'b', type: 'crash', durationMs: 1000 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(6500);
    const snap = sim.snapshot();
    expect(snap.nodes.q).toMatchObject({ ready: 100, available: 1 });
    expect(snap.messages.dropped).toBe(0);
  });

  it('refuses publishes while the broker is down', () => {
    const s = scenarioOf([{ id: 'b', kind: 'broker' }, steady(100), { id: 'q', kind: 'queue', config: { brokers: ['b'] } }],
      ['p>q'], { durationMs: 10_000, faults: [{ atMs: 1000, target: 'b', type: 'crash', durationMs: 1000 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(3000);
    expect(sim.snapshot().messages.droppedByReason.nodeDown).toBe(100);
  });
});

describe('link faults', () => {
  const linked = (faults: Faults) => {
    const s = scenarioOf([steady(100), { id: 'q', kind: 'queue' }], ['p>q'], { durationMs: 10_000, faults });
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    return sim.snapshot();
  };

  it('a partition loses what is sent along the link while it lasts', () => {
    const snap = linked([{ atMs: 2000, target: 'e0', type: 'partition', durationMs: 3000 }]);
    expect(snap.messages.droppedByReason.partition).toBe(300);
  });

  it('loss drops about that fraction', () => {
    const snap = linked([{ atMs: 0, target: 'e0', type: 'linkLoss', probability: 0.25 }]);
    expect(Math.abs((snap.messages.droppedByReason.linkLoss ?? 0) - 250)).toBeLessThan(60); // binomial sd ≈ 14
  });

  it('added latency delays every message, jitter reorders them (the audit counts it)', () => {
    const s = scenarioOf([steady(100), { id: 'q', kind: 'queue' }, worker('c', { serviceTimeMs: { type: 'constant', value: 0 } })], ['p>q', 'q>c'],
      { durationMs: 5000, faults: [{ atMs: 0, target: 'e0', type: 'linkDelay', addMs: 50, jitterMs: 40 }] });
    const sim = createSimulation(s);
    sim.runUntil(5000);
    const snap = sim.snapshot();
    expect(snap.latencyMs.p50).toBeGreaterThan(30);
    expect(snap.audit!.outOfOrder).toBeGreaterThan(0);
  });
});

describe('slow-downs', () => {
  it('a slow consumer takes factor × its service time', () => {
    const s = scenarioOf([steady(10), { id: 'q', kind: 'queue' }, worker('c', { serviceTimeMs: { type: 'constant', value: 10 } })], ['p>q', 'q>c'],
      { durationMs: 10_000, faults: [{ atMs: 0, target: 'c', type: 'slow', factor: 3 }] });
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    expect(sim.snapshot().latencyMs.mean).toBeCloseTo(30, 5);
  });

  it('a slow disk delays confirms of persistent messages', () => {
    const s = scenarioOf([steady(10, { persistent: true, confirms: { window: 100 } }), { id: 'q', kind: 'queue', config: { diskWriteMs: { type: 'constant', value: 2 } } }], ['p>q'],
      { durationMs: 10_000, faults: [{ atMs: 0, target: 'q', type: 'slowDisk', factor: 5 }] });
    const sim = createSimulation(s);
    sim.runUntil(10_000);
    expect(sim.snapshot().nodes.p!.confirmMs).toMatchObject({ mean: 10 });
  });
});

describe('retries and idempotent consumers (EIP Idempotent Receiver)', () => {
  const run = (idempotent: boolean) => {
    const s = scenarioOf([
      steady(100, { count: 500, confirms: { window: 1000 }, retry: { timeoutMs: 50, maxAttempts: 3 } }),
      { id: 'q', kind: 'queue' }, worker('c', { serviceTimeMs: { type: 'constant', value: 1 }, idempotent: idempotent ? { windowMs: 60_000 } : null }),
    ], ['p>q', 'q>c'], { durationMs: 20_000, faults: [{ atMs: 1000, target: 'e0', type: 'linkDelay', addMs: 100, durationMs: 1000 }] as Faults });
    const sim = createSimulation(s);
    sim.runUntil(20_000);
    return sim.snapshot();
  };

  it('a confirm slower than the retry timeout makes duplicates: at-least-once', () => {
    const snap = run(false);
    expect(snap.messages.retried).toBeGreaterThan(0);
    expect(snap.audit!.duplicates).toBeGreaterThan(0);
    expect(snap.audit!.consumers.c!.guarantee).toBe('at-least-once');
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('an idempotent consumer skips them: exactly-once processing', () => {
    const snap = run(true);
    expect(snap.audit!.consumers.c).toMatchObject({ duplicates: 0, guarantee: 'exactly-once' });
    expect(snap.audit!.consumers.c!.skippedDuplicates).toBeGreaterThan(0);
    expect(snap.audit!.consumers.c!.processed).toBe(500);
  });
});

describe('live faults', () => {
  it('injectFault applies a fault now and returns it as a timeline entry; replaying the timeline gives the same run', () => {
    const base = scenarioOf([steady(), { id: 'q', kind: 'queue' }, worker('c', { ackMode: 'auto', prefetch: 5 })], ['p>q', 'q>c'], { durationMs: 5000 });
    const live = createSimulation(base);
    live.runUntil(1234);
    const r = live.injectFault({ atMs: 0, target: 'c', type: 'crash', durationMs: 500 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.recorded).toMatchObject({ atMs: 1234, target: 'c', type: 'crash', durationMs: 500, live: true });
    live.runUntil(5000);
    const replay = createSimulation({ ...base, faults: [r.recorded] });
    replay.runUntil(5000);
    expect(replay.snapshot()).toEqual(live.snapshot());
  });

  it('refuses a fault on something that does not exist', () => {
    const sim = createSimulation(scenarioOf([{ id: 'q', kind: 'queue' }], []));
    expect(sim.injectFault({ atMs: 0, target: 'nope', type: 'crash' })).toMatchObject({ ok: false, error: { code: 'bad_fault' } });
  });
});

describe('crashed nodes report themselves offline in the live figures', () => {
  it('for every kind that can crash', () => {
    const s = scenarioOf([
      steady(100), { id: 'f', kind: 'filter' }, { id: 'r', kind: 'router' }, { id: 'x', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue' }, worker('c'),
    ], ['p>f', 'f>r', { id: 'rx', source: 'r', target: 'x' }, 'x>q', 'q>c'], {
      durationMs: 5000,
      faults: ['p', 'f', 'r', 'x', 'q', 'c'].map((target) => ({ atMs: 1000, target, type: 'crash' as const, durationMs: 1000 })),
    });
    const sim = createSimulation(s);
    const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
    const offline = () => { sim.writeLive(live); return sim.nodeIds.map((_, i) => live[i * LIVE_FIELDS.length + LIVE_FIELDS.indexOf('offline')]); };
    sim.runUntil(1500);
    expect(offline()).toEqual([1, 1, 1, 1, 1, 1]);
    sim.runUntil(2500);
    expect(offline()).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
