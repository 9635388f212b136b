/**
 * The poison fault: a producer publishes `count` poison messages at once, through its ordinary publish path,
 * and every consumer fails them (A1.4 requeue, A1.9 dead-lettering, A1.10 the quorum delivery-limit).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../schema';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

type Faults = NonNullable<ScenarioInput['faults']>;
type NodeInput = ScenarioInput['nodes'][number];

/** 10 sound messages a second, 30 in all; a consumer that takes 5 ms each. */
const producer = (extra: Record<string, unknown> = {}): NodeInput => ({ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 10 }, count: 30, ...extra } });
const consumer = (extra: Record<string, unknown> = {}): NodeInput => ({ id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 5 }, ...extra } });
const poisonAt = (atMs: number, count?: number): Faults => [{ atMs, target: 'p', type: 'poison', ...(count === undefined ? {} : { count }) }];
const balance = (m: { acked: number; queued: number; inFlight: number; deadLettered: number; dropped: number }) => m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped;

function runTo(nodes: NodeInput[], edges: string[], faults: Faults, durationMs = 10_000, tracing = false) {
  const sim = createSimulation(scenarioOf(nodes, edges, { durationMs, faults }), { tracing });
  sim.runUntil(durationMs);
  return { sim, snap: sim.snapshot() };
}

describe('poison fault: published like any message, on top of the workload', () => {
  it('publishes count more messages at atMs, counted as published; the workload keeps its own count', () => {
    const { snap } = runTo([producer(), { id: 'q', kind: 'queue' }], ['p>q'], poisonAt(1500, 4));
    expect(snap.nodes.p!.out).toBe(34);
    expect(snap.messages).toMatchObject({ published: 34, produced: 34, queued: 34 });
    expect(snap.audit!.faults).toEqual([{ atMs: 1500, endMs: 1500, target: 'p', type: 'poison' }]);
  });

  it('count defaults to 1', () => {
    const { snap } = runTo([producer(), { id: 'q', kind: 'queue' }], ['p>q'], poisonAt(1500));
    expect(snap.nodes.p!.out).toBe(31);
  });

  it('goes through the confirm window like any publish: confirmed by the queue (A1.6)', () => {
    const { snap } = runTo([producer({ confirms: { window: 1 } }), { id: 'q', kind: 'queue' }], ['p>q'], poisonAt(1500, 3));
    expect(snap.nodes.p).toMatchObject({ out: 33, confirmed: 33, unconfirmed: 0, waiting: 0 });
  });

  it('a crashed producer publishes nothing: its application is down', () => {
    const faults: Faults = [{ atMs: 1000, target: 'p', type: 'crash', durationMs: 2000 }, ...poisonAt(1500, 5)];
    const { snap } = runTo([producer(), { id: 'q', kind: 'queue' }], ['p>q'], faults);
    const { snap: without } = runTo([producer(), { id: 'q', kind: 'queue' }], ['p>q'], faults.slice(0, 1));
    expect(snap.messages.published).toBe(without.messages.published);
    expect(snap.audit!.faults.map((f) => f.type)).toEqual(['crash', 'poison']);
  });
});

describe('poison fault: every consumer fails the messages', () => {
  it('manual ack, classic queue: nacked and requeued again and again (A1.4), never acked; accounting balances', () => {
    const { snap } = runTo([producer(), { id: 'q', kind: 'queue' }, consumer()], ['p>q', 'q>c'], poisonAt(500, 2));
    expect(snap.messages.acked).toBe(30);
    expect(snap.messages.queued + snap.messages.inFlight).toBe(2);
    expect(snap.nodes.c!.nacked as number).toBeGreaterThan(100);
    expect(snap.nodes.q!.redelivered as number).toBeGreaterThan(100);
    expect(snap.messages.deadLettered).toBe(0);
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('quorum queue with delivery-limit 2 and a dead-letter queue: each delivered 3 times, then dead-lettered (A1.10, A1.9)', () => {
    const nodes = [producer(), { id: 'q', kind: 'queue', config: { flavor: 'quorum', deliveryLimit: 2 } } as NodeInput, consumer(), { id: 'dlq', kind: 'queue' } as NodeInput];
    const { sim, snap } = runTo(nodes, ['p>q', 'q>c', 'q>dlq'], poisonAt(500, 3), 10_000, true);
    expect(snap.nodes.dlq!.ready).toBe(3);
    expect(snap.messages).toMatchObject({ acked: 30, deadLettered: 3, queued: 0, inFlight: 0, dropped: 0 });
    expect(snap.nodes.c!.nacked).toBe(9);
    const dead = sim.inspectNode('dlq')!;
    expect(dead.map((m) => [m.poison, m.deaths[0]?.reason, m.deaths[0]?.queue])).toEqual(Array(3).fill([true, 'delivery_limit', 'q']));
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('a consumer that rejects (requeue=false) dead-letters them at once with reason rejected (A1.4, A1.9)', () => {
    const nodes = [producer(), { id: 'q', kind: 'queue' } as NodeInput, consumer({ onFailure: 'reject' }), { id: 'dlq', kind: 'queue' } as NodeInput];
    const { sim, snap } = runTo(nodes, ['p>q', 'q>c', 'q>dlq'], poisonAt(500, 2), 10_000, true);
    expect(snap.nodes.dlq!.ready).toBe(2);
    expect(snap.nodes.q!.redelivered).toBe(0);
    expect(sim.inspectNode('dlq')!.map((m) => m.deaths[0]?.reason)).toEqual(['rejected', 'rejected']);
  });

  it('auto ack: a failed message is lost (A1.4)', () => {
    const { snap } = runTo([producer(), { id: 'q', kind: 'queue' }, consumer({ ackMode: 'auto' })], ['p>q', 'q>c'], poisonAt(500, 2));
    expect(snap.messages.droppedByReason.lostAfterAutoAck).toBe(2);
    expect(snap.messages.acked).toBe(30);
  });
});

describe('poison fault: replay', () => {
  const scenario = (faults: Faults = []) => scenarioOf(
    [producer({ arrival: { type: 'poisson', ratePerSec: 50 }, count: null, routingKeys: { pick: 'random', keys: ['a', 'b'] } }),
      { id: 'q', kind: 'queue', config: { flavor: 'quorum', deliveryLimit: 1 } }, consumer({ serviceTimeMs: { type: 'exponential', mean: 15 } }), { id: 'dlq', kind: 'queue' }],
    ['p>q', 'q>c', 'q>dlq'], { durationMs: 8000, faults });

  it('the fault in the timeline gives the same report as injecting it live at that time', () => {
    const live = createSimulation(scenario(), { seed: 7 });
    live.runUntil(2345);
    const r = live.injectFault({ atMs: 0, target: 'p', type: 'poison', count: 4 });
    expect(r).toMatchObject({ ok: true, recorded: { atMs: 2345, target: 'p', type: 'poison', count: 4, live: true } });
    live.runUntil(8000);
    const scheduled = createSimulation(scenario(poisonAt(2345, 4)), { seed: 7 });
    scheduled.runUntil(8000);
    // The same run; only the audit's record tells the live fault apart (`live`, for the order at its instant).
    const liveSnapshot = live.snapshot();
    expect(liveSnapshot.audit!.faults).toEqual([{ atMs: 2345, endMs: 2345, target: 'p', type: 'poison', live: true }]);
    expect(scheduled.snapshot()).toEqual({ ...liveSnapshot, audit: { ...liveSnapshot.audit!, faults: [{ atMs: 2345, endMs: 2345, target: 'p', type: 'poison' }] } });
    expect(liveSnapshot.messages.deadLettered).toBeGreaterThanOrEqual(4);
  });

  it('the same scenario and seed give the same report', () => {
    const a = createSimulation(scenario(poisonAt(1000, 3)), { seed: 3 });
    const b = createSimulation(scenario(poisonAt(1000, 3)), { seed: 3 });
    a.runUntil(8000);
    b.runUntil(4000);
    b.runUntil(8000);
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  it('the engine refuses a live poison fault on anything but a producer, as the document would', () => {
    const sim = createSimulation(scenario());
    expect(sim.injectFault({ atMs: 0, target: 'q', type: 'poison', count: 1 })).toEqual({ ok: false, error: { code: 'bad_fault', message: 'poison applies to a producer, not a queue' } });
  });
});

describe('poison fault in the document', () => {
  const doc = (fault: Record<string, unknown>) => ({
    version: 3,
    nodes: [{ id: 'p', kind: 'producer' }, { id: 'q', kind: 'queue' }],
    edges: [{ id: 'e', source: 'p', target: 'q' }],
    faults: [fault],
  });
  const errors = (fault: Record<string, unknown>) => {
    const r = parseScenario(doc(fault));
    return r.ok ? [] : r.errors.map((e) => ({ path: e.path, message: e.message }));
  };

  it('is valid on a producer, with count 1 by default', () => {
    const r = parseScenario(doc({ atMs: 100, target: 'p', type: 'poison' }));
    expect(r.ok && r.scenario.faults).toEqual([{ atMs: 100, target: 'p', type: 'poison', count: 1 }]);
  });

  it('is refused on another kind and on an edge, with the JSON path', () => {
    expect(errors({ atMs: 0, target: 'q', type: 'poison' })).toEqual([{ path: 'faults[0].target', message: 'poison applies to a producer, not a queue' }]);
    expect(errors({ atMs: 0, target: 'e', type: 'poison' })).toEqual([{ path: 'faults[0].target', message: 'no node has id "e"' }]);
  });

  it('count is a whole number from 1 to 10000', () => {
    for (const count of [0, 1.5, 10_001, '2']) {
      expect(errors({ atMs: 0, target: 'p', type: 'poison', count })[0], String(count)).toMatchObject({ path: 'faults[0].count', message: expect.stringContaining('must be a whole number ≥ 1 and ≤ 10000') });
    }
    expect(errors({ atMs: 0, target: 'p', type: 'poison', count: 10_000 })).toEqual([]);
  });

  it('has no duration: it happens at one instant', () => {
    expect(errors({ atMs: 0, target: 'p', type: 'poison', durationMs: 1000 })).toEqual([{ path: 'faults[0].durationMs', message: expect.stringContaining('a poison fault happens at one instant: leave out durationMs') }]);
  });
});
