/**
 * Properties every run must have, checked with fast-check over random scenarios: random node kinds and
 * counts, random valid edges (connectionRole, producers and consumers with at most one output), random
 * arrival processes, exchange types, binding and routing keys, ack modes, failures, concurrency,
 * prefetch, edge delays, seeds and run lengths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionRole, kindSpec, parseScenario, type Scenario, type ScenarioInput } from '../schema';
import { LIVE_FIELDS, type MetricSample, type Simulation, type Snapshot } from './api';
import { createSimulation } from './simulation';

const KINDS = ['producer', 'exchange', 'queue', 'consumer'] as const;
type Kind = (typeof KINDS)[number];
/** Words that matter to topic matching: empty keys, wildcards, empty words. */
const KEYS = ['', '*', '#', 'a.b', 'a..b', 'a', 'b', 'a.*', '#.b', '*.b'];

const tenth = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((x) => x / 10);
const key = fc.constantFrom(...KEYS);

/** Service times in ms: every distribution type, small values, zero included. */
const distribution = fc.oneof(
  fc.record({ type: fc.constant('constant'), value: fc.constantFrom(0, 0.5, 1, 5, 20) }),
  fc.tuple(tenth(0, 10), tenth(0, 20)).map(([min, w]) => ({ type: 'uniform', min, max: min + w })),
  fc.record({ type: fc.constant('exponential'), mean: tenth(0.5, 30) }),
  fc.record({ type: fc.constant('normal'), mean: tenth(0, 30), stdDev: tenth(0, 10) }),
  fc.record({ type: fc.constant('lognormal'), mean: tenth(0.5, 30), stdDev: tenth(0, 20) }),
  fc.record({ type: fc.constant('list'), values: fc.array(tenth(0, 30), { minLength: 1, maxLength: 5 }), pick: fc.constantFrom('cycle', 'random') }),
);

const rate = fc.integer({ min: 1, max: 200 });
const arrival = fc.oneof(
  fc.record({ type: fc.constant('constant'), ratePerSec: rate }),
  fc.record({ type: fc.constant('poisson'), ratePerSec: rate }),
  fc.record({ type: fc.constant('onOff'), ratePerSec: rate, onMs: fc.integer({ min: 1, max: 300 }), offMs: fc.integer({ min: 0, max: 300 }), poisson: fc.boolean() }),
  fc.record({ type: fc.constant('ramp'), fromRatePerSec: fc.integer({ min: 0, max: 200 }), toRatePerSec: rate, rampMs: fc.integer({ min: 1, max: 1000 }), poisson: fc.boolean() })
    .chain((r) => fc.boolean().map((swap) => (swap ? { ...r, fromRatePerSec: r.toRatePerSec, toRatePerSec: r.fromRatePerSec } : r))),
  fc.record({
    type: fc.constant('script'),
    messages: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 1000 }), routingKey: fc.option(key, { nil: undefined }) }, { requiredKeys: ['atMs'] }), { maxLength: 10 }),
  }),
);

const routingKeys = fc.oneof(
  fc.record({ pick: fc.constant('cycle'), keys: fc.array(key, { minLength: 1, maxLength: 4 }) }),
  fc.record({ pick: fc.constant('random'), keys: fc.array(key, { minLength: 1, maxLength: 4 }) }),
  fc.record({ pick: fc.constant('weighted'), keys: fc.array(fc.record({ key, weight: fc.integer({ min: 1, max: 10 }) }), { minLength: 1, maxLength: 4 }) }),
);

function configFor(kind: Kind): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case 'producer': return fc.record({
      arrival, routingKeys,
      count: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
      startAtMs: fc.constantFrom(0, 0, 50, 200),
      sizeBytes: fc.constantFrom({ type: 'constant', value: 100 }, { type: 'uniform', min: 10, max: 2000 }),
    });
    case 'exchange': return fc.record({ type: fc.constantFrom('direct', 'fanout', 'topic') });
    case 'queue': return fc.constant({});
    case 'consumer': return fc.record({
      serviceTimeMs: distribution,
      concurrency: fc.integer({ min: 1, max: 4 }),
      prefetch: fc.integer({ min: 1, max: 5 }),
      ackMode: fc.constantFrom('manual', 'auto'),
      failureProbability: fc.constantFrom(0, 0, 0.1, 0.5),
    });
  }
}

interface EdgeChoice { include: boolean; bindingKeys: string[]; routingKey: string | undefined; delayMs: number }
const edgeChoice: fc.Arbitrary<EdgeChoice> = fc.record({
  include: fc.boolean(),
  bindingKeys: fc.uniqueArray(key, { minLength: 1, maxLength: 2 }),
  routingKey: fc.option(key, { nil: undefined, freq: 3 }),
  delayMs: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 40 }).map((x) => x / 2)),
});

/** How many edges of `role` a node of `kind` may have, read from the schema's port spec. */
function maxOutputs(kind: string, role: string): number {
  // Read loosely: the ports spec has been a single number or null, or a number per role.
  const max = kindSpec(kind)?.ports.maxOutputs as unknown;
  if (typeof max === 'number') return max;
  if (max !== null && typeof max === 'object') return (max as Record<string, number | undefined>)[role] ?? Infinity;
  return Infinity;
}

interface Topology { nodes: NonNullable<ScenarioInput['nodes']>; edges: NonNullable<ScenarioInput['edges']> }

/**
 * Random nodes and the edges between them. With `dag`, edges only go from a lower to a higher node
 * index, so forwarding consumers cannot build loops whose traffic grows without bound.
 */
function topology(prefix: string, dag: boolean, maxNodes = 8): fc.Arbitrary<Topology> {
  return fc.array(fc.constantFrom(...KINDS), { minLength: 1, maxLength: maxNodes }).chain((kinds) => {
    const pairs: [number, number][] = [];
    for (let i = 0; i < kinds.length; i++) {
      for (let j = 0; j < kinds.length; j++) if (i !== j && (!dag || i < j) && connectionRole(kinds[i]!, kinds[j]!) !== null) pairs.push([i, j]);
    }
    return fc.tuple(fc.tuple(...kinds.map(configFor)), fc.tuple(...pairs.map(() => edgeChoice))).map(([configs, choices]) => {
      const id = (i: number) => `${prefix}n${i}`;
      const nodes = kinds.map((kind, i) => ({ id: id(i), kind, position: { x: i * 200, y: 0 }, config: configs[i] })) as Topology['nodes'];
      const edges: Topology['edges'] = [];
      const outputs = new Map<string, number>();
      pairs.forEach(([s, t], k) => {
        const c = choices[k]!;
        if (!c.include) return;
        const role = connectionRole(kinds[s]!, kinds[t]!)!;
        const count = outputs.get(`${s}/${role}`) ?? 0;
        if (count >= maxOutputs(kinds[s]!, role)) return; // e.g. a producer's or consumer's one output
        outputs.set(`${s}/${role}`, count + 1);
        if (role === 'bind') {
          for (const bindingKey of c.bindingKeys) edges.push({ id: `${prefix}e${edges.length}`, source: id(s), target: id(t), config: { bindingKey, delayMs: c.delayMs } });
        } else {
          const config = role === 'publish' && c.routingKey !== undefined ? { routingKey: c.routingKey, delayMs: c.delayMs } : { delayMs: c.delayMs };
          edges.push({ id: `${prefix}e${edges.length}`, source: id(s), target: id(t), config });
        }
      });
      return { nodes, edges };
    });
  });
}

interface RunSettings { seed: number; durationMs: number; rateMultiplier: number; warmupMs: number; sampleIntervalMs: number }
const settings: fc.Arbitrary<RunSettings> = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  durationMs: fc.integer({ min: 1, max: 1500 }),
  rateMultiplier: fc.constantFrom(1, 1, 0.5, 2),
  warmupMs: fc.constantFrom(0, 0, 100),
  sampleIntervalMs: fc.integer({ min: 10, max: 300 }),
});

function scenarioOf(t: Topology, s: RunSettings): Scenario {
  const doc: ScenarioInput = {
    version: 2, seed: s.seed, durationMs: s.durationMs,
    workload: { rateMultiplier: s.rateMultiplier, warmupMs: s.warmupMs },
    metrics: { sampleIntervalMs: s.sampleIntervalMs },
    nodes: t.nodes, edges: t.edges,
  };
  const parsed = parseScenario(doc);
  // A refusal here is a bug in the generator, not in the engine: say what was refused.
  if (!parsed.ok) throw new Error(`generated an invalid scenario:\n${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}\n${JSON.stringify(doc)}`);
  return parsed.scenario;
}

const scenario = (dag = true) => fc.tuple(topology('', dag), settings).map(([t, s]) => scenarioOf(t, s));

/** Points in (0, duration] at which to stop and look, in order. */
const checkpoints = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }).map((xs) => [...xs].sort((a, b) => a - b));

// ---- the checks ----

const TERMINAL = ['produced', 'published', 'routedCopies', 'forwarded', 'acked', 'deadLettered', 'dropped'] as const;

/** The message balance and its cross-checks against the nodes' own figures. */
function checkAccounting(sim: Simulation, previous?: Snapshot): Snapshot {
  const snap = sim.snapshot();
  const m = snap.messages;
  const counts = { ...m, droppedByReason: undefined };
  for (const [name, v] of Object.entries(counts)) {
    if (v === undefined) continue;
    expect(Number.isInteger(v) && (v as number) >= 0, `${name} = ${String(v)}`).toBe(true);
  }
  expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
  expect(m.produced).toBe(m.published + m.routedCopies + m.forwarded);
  const byReason = Object.values(m.droppedByReason).reduce((a, b) => a + (b ?? 0), 0);
  expect(byReason).toBe(m.dropped);
  // The totals agree with the nodes that made them.
  const nodes = Object.values(snap.nodes);
  const sum = (kind: string, field: string) => nodes.filter((n) => n.kind === kind).reduce((a, n) => a + (n[field] as number), 0);
  expect(sum('producer', 'out')).toBe(m.published);
  expect(sum('consumer', 'out')).toBe(m.forwarded);
  expect(sum('consumer', 'acked')).toBe(m.acked);
  expect(sum('queue', 'ready')).toBe(m.queued);
  // The live figures agree with the report.
  const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
  sim.writeLive(live);
  const ready = LIVE_FIELDS.indexOf('ready');
  let liveReady = 0;
  for (let i = 0; i < sim.nodeIds.length; i++) liveReady += live[i * LIVE_FIELDS.length + ready]!;
  expect(liveReady).toBe(m.queued);
  // Terminal counts and time never go back.
  if (previous) {
    for (const f of TERMINAL) expect(m[f], f).toBeGreaterThanOrEqual(previous.messages[f]);
    expect(snap.timeMs).toBeGreaterThanOrEqual(previous.timeMs);
    expect(snap.events).toBeGreaterThanOrEqual(previous.events);
  }
  return snap;
}

/** Runs to each checkpoint, then a few single steps, checking after every slice. */
function runChecked(sim: Simulation, durationMs: number, points: readonly number[], steps: number, maxEvents = Infinity): void {
  let prev = checkAccounting(sim);
  for (const p of points) {
    const r = sim.runUntil(p * durationMs, maxEvents);
    expect(r.error).toBeUndefined();
    prev = checkAccounting(sim, prev);
    for (let k = 0; k < steps; k++) {
      const s = sim.step();
      expect(s.error).toBeUndefined();
      prev = checkAccounting(sim, prev);
    }
  }
  sim.runUntil(durationMs, maxEvents);
  checkAccounting(sim, prev);
}

/** Runs to `durationMs` by the given slices and returns the snapshot and every sample taken. */
function runSliced(sim: Simulation, durationMs: number, points: readonly number[]): { snap: Snapshot; samples: MetricSample[] } {
  const samples: MetricSample[] = [];
  for (const p of points) { sim.runUntil(p * durationMs); samples.push(...sim.takeSamples()); }
  sim.runUntil(durationMs);
  samples.push(...sim.takeSamples());
  return { snap: sim.snapshot(), samples };
}

/** A snapshot without the fields that name the run rather than describe it. */
const figures = (s: Snapshot) => ({ ...s, seed: undefined });

const FAST = { numRuns: 60 };

describe('step()', () => {
  // Found by the accounting property: with sampling on, the next sample is always pending, so a step()
  // after the last model event used to take samples forever instead of returning.
  it.each([true, false])('returns with 0 events once no model event is left (sampling %s)', (sampling) => {
    const parsed = parseScenario({
      version: 2, nodes: [{ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 10 }, count: 2 } }, { id: 'q', kind: 'queue' }],
      edges: [{ id: 'e', source: 'p', target: 'q' }],
    });
    if (!parsed.ok) throw new Error('bad scenario');
    const sim = createSimulation(parsed.scenario, { sampling });
    expect(sim.step()).toEqual({ events: 1, reached: true });
    expect(sim.step()).toEqual({ events: 1, reached: true });
    expect(sim.now()).toBe(200);
    expect(sim.step()).toEqual({ events: 0, reached: true });
    expect(sim.events()).toBe(2);
    expect(sim.snapshot().messages.queued).toBe(2);
  });
});

describe('invariants over random scenarios', () => {
  it('accounting balances after every runUntil slice and every step', () => {
    fc.assert(fc.property(scenario(), checkpoints, fc.integer({ min: 0, max: 5 }), (sc, points, steps) => {
      runChecked(createSimulation(sc), sc.durationMs, points, steps);
    }), { numRuns: 100 });
  });

  it('accounting balances with loops (consumers forwarding back upstream), under an event budget', () => {
    fc.assert(fc.property(scenario(false), checkpoints, fc.integer({ min: 0, max: 3 }), (sc, points, steps) => {
      runChecked(createSimulation(sc), sc.durationMs, points, steps, 3000);
    }), FAST);
  });

  it('determinism: the same scenario and seed give equal snapshots and samples, from separately parsed documents', () => {
    fc.assert(fc.property(fc.tuple(topology('', true), settings), checkpoints, fc.integer({ min: 0, max: 4 }), ([t, s], points, steps) => {
      const a = createSimulation(scenarioOf(t, s));
      const b = createSimulation(scenarioOf(t, s));
      const samplesA: MetricSample[] = [], samplesB: MetricSample[] = [];
      for (const p of points) {
        a.runUntil(p * s.durationMs); b.runUntil(p * s.durationMs);
        for (let k = 0; k < steps; k++) { a.step(); b.step(); }
        expect(a.snapshot()).toEqual(b.snapshot());
        samplesA.push(...a.takeSamples()); samplesB.push(...b.takeSamples());
      }
      expect(samplesA).toEqual(samplesB);
      const edgesA = new Float64Array(a.edgeIds.length), edgesB = new Float64Array(b.edgeIds.length);
      a.writeEdgeTraffic(edgesA); b.writeEdgeTraffic(edgesB);
      expect(edgesA).toEqual(edgesB);
    }), FAST);
  });

  it('determinism: a run split into many runUntil slices equals one runUntil to the same time', () => {
    fc.assert(fc.property(scenario(), checkpoints, (sc, points) => {
      const whole = runSliced(createSimulation(sc), sc.durationMs, []);
      const sliced = runSliced(createSimulation(sc), sc.durationMs, points);
      expect(sliced.snap).toEqual(whole.snap);
      expect(sliced.samples).toEqual(whole.samples);
    }), FAST);
  });

  it('determinism: stepping event by event equals runUntil (no sampling)', () => {
    fc.assert(fc.property(scenario(), (sc) => {
      const whole = createSimulation(sc, { sampling: false });
      whole.runUntil(sc.durationMs);
      const stepped = createSimulation(sc, { sampling: false });
      let guard = 0;
      while (stepped.nextEventTime() <= sc.durationMs && guard++ < 1_000_000) expect(stepped.step().events).toBe(1);
      stepped.runUntil(sc.durationMs);
      expect(stepped.snapshot()).toEqual(whole.snapshot());
    }), FAST);
  });

  it('adding an unconnected node or a separate chain changes no figure of the existing nodes', () => {
    fc.assert(fc.property(topology('', true), topology('x', true, 5), settings, fc.boolean(), fc.nat(), (base, extra, s, before, shuffle) => {
      // The extra nodes go before or after the others, their edges interleaved with the existing ones.
      const nodes = before ? [...extra.nodes, ...base.nodes] : [...base.nodes, ...extra.nodes];
      const edges = [...base.edges];
      extra.edges.forEach((e, i) => edges.splice((shuffle + i * 7) % (edges.length + 1), 0, e));
      const alone = createSimulation(scenarioOf(base, s));
      const together = createSimulation(scenarioOf({ nodes, edges }, s));
      alone.runUntil(s.durationMs);
      together.runUntil(s.durationMs);
      const a = alone.snapshot().nodes, b = together.snapshot().nodes;
      for (const n of base.nodes) expect(b[n.id], n.id).toEqual(a[n.id]);
    }), FAST);
  });

  it('sampling: false changes no figure of the snapshot', () => {
    fc.assert(fc.property(scenario(), checkpoints, (sc, points) => {
      const on = createSimulation(sc, { sampling: true });
      const off = createSimulation(sc, { sampling: false });
      for (const p of points) {
        on.runUntil(p * sc.durationMs); off.runUntil(p * sc.durationMs);
        expect(off.snapshot()).toEqual(on.snapshot());
      }
      expect(off.takeSamples()).toEqual([]);
    }), FAST);
  });

  it('a different seed gives a different snapshot when the scenario has randomness', () => {
    // A Poisson producer into a queue with an exponential consumer, next to a random scenario.
    const random: Topology = {
      nodes: [
        { id: 'rp', kind: 'producer', config: { arrival: { type: 'poisson', ratePerSec: 100 } } },
        { id: 'rq', kind: 'queue' },
        { id: 'rc', kind: 'consumer', config: { serviceTimeMs: { type: 'exponential', mean: 5 } } },
      ],
      edges: [{ id: 'r1', source: 'rp', target: 'rq' }, { id: 'r2', source: 'rq', target: 'rc' }],
    };
    fc.assert(fc.property(topology('', true), settings, fc.integer({ min: 0, max: 0xffffffff }), (t, s, otherSeed) => {
      fc.pre(otherSeed !== s.seed);
      const sc = scenarioOf({ nodes: [...t.nodes, ...random.nodes], edges: [...t.edges, ...random.edges] }, { ...s, durationMs: 1000 });
      const a = createSimulation(sc);
      const b = createSimulation(sc, { seed: otherSeed });
      a.runUntil(1000); b.runUntil(1000);
      expect(b.seed).toBe(otherSeed);
      expect(figures(b.snapshot())).not.toEqual(figures(a.snapshot()));
      // The same seed given as an option is the scenario's own run.
      const c = createSimulation(sc, { seed: s.seed });
      c.runUntil(1000);
      expect(c.snapshot()).toEqual(a.snapshot());
    }), FAST);
  });
});
