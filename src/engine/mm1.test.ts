/**
 * Queueing theory as an oracle: an M/M/1 and an M/M/2 run long enough match the textbook formulas.
 * Tolerances: over 30 simulated minutes (~144k messages at ρ = 0.8) the mean sojourn time of M/M/1 varies
 * by about 2% (one sd) between seeds, because successive waits are strongly correlated at ρ = 0.8;
 * 5% is ≈ 2.8 sd. Utilisation averages over the whole run and varies by < 0.5%.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario, type ScenarioInput } from '../schema';
import { createSimulation } from './simulation';

const FILE = join(import.meta.dirname, '../../examples/mm1.json');

/** The same scenario as examples/mm1.json, for when the file is not there. */
const INLINE: ScenarioInput = {
  version: 3, name: 'M/M/1 queue', seed: 42, durationMs: 1_800_000, workload: { rateMultiplier: 1, warmupMs: 10_000 },
  nodes: [
    { id: 'arrivals', kind: 'producer', config: { arrival: { type: 'poisson', ratePerSec: 80 } } },
    { id: 'queue', kind: 'queue' },
    { id: 'server', kind: 'consumer', config: { serviceTimeMs: { type: 'exponential', mean: 10 }, concurrency: 1, prefetch: 1, ackMode: 'manual', failureProbability: 0 } },
  ],
  edges: [{ id: 'arrivals--queue', source: 'arrivals', target: 'queue' }, { id: 'queue--server', source: 'queue', target: 'server' }],
};

function parse(doc: unknown): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const mm1Doc = (): ScenarioInput => (existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) as ScenarioInput : structuredClone(INLINE));

function run(scenario: Scenario) {
  const sim = createSimulation(scenario, { sampling: false });
  const r = sim.runUntil(scenario.durationMs);
  expect(r.reached).toBe(true);
  return sim.snapshot();
}

const within = (actual: number, expected: number, relative: number) => {
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThan(relative);
};

describe('M/M/1 (examples/mm1.json)', () => {
  const scenario = parse(mm1Doc());
  const producer = scenario.nodes.find((n) => n.kind === 'producer')!;
  const consumer = scenario.nodes.find((n) => n.kind === 'consumer')!;
  if (producer.kind !== 'producer' || producer.config.arrival.type !== 'poisson') throw new Error('mm1: expected a Poisson producer');
  if (consumer.kind !== 'consumer' || consumer.config.serviceTimeMs.type !== 'exponential') throw new Error('mm1: expected an exponential server');
  const lambda = producer.config.arrival.ratePerSec * scenario.workload.rateMultiplier / 1000; // per ms
  const mu = 1 / consumer.config.serviceTimeMs.mean; // per ms
  const snap = run(scenario);

  it('is the textbook setup: one server, one message at a time, ρ = 0.8', () => {
    expect(consumer.config.concurrency).toBe(1);
    expect(consumer.config.prefetch).toBe(1);
    expect(lambda / mu).toBeCloseTo(0.8, 12);
  });

  it('mean time in system (publish → ack) is within 5% of 1/(μ − λ) = 50 ms', () => {
    within(snap.latencyMs.mean, 1 / (mu - lambda), 0.05);
  });

  it('server utilisation is ρ = λ/μ within 2%', () => {
    within(snap.nodes[consumer.id]!.utilisation as number, lambda / mu, 0.02);
  });

  it('mean queue wait is within 8% of ρ/(μ − λ) = 40 ms, and the sojourn median within 6% of ln 2/(μ − λ)', () => {
    // Between seeds the mean wait varies by ≈ 2.5% (sd) and the median by ≈ 2%: both bounds are > 3 sd.
    within(snap.queueWaitMs.mean, (lambda / mu) / (mu - lambda), 0.08);
    // The sojourn time of M/M/1 (FIFO) is exponential with rate μ − λ.
    within(snap.latencyMs.p50, Math.LN2 / (mu - lambda), 0.06);
  });

  it('about λ × (duration − warm-up) messages were measured (Poisson count, 5 sd)', () => {
    const expected = lambda * (scenario.durationMs - scenario.workload.warmupMs);
    expect(Math.abs(snap.latencyMs.count - expected)).toBeLessThan(5 * Math.sqrt(expected) + 10);
  });
});

describe('M/M/2 (Erlang C)', () => {
  // λ = 160/s, μ = 100/s per server, c = 2: ρ = 0.8, a = λ/μ = 1.6.
  const lambda = 0.16, mu = 0.1, c = 2;
  const a = lambda / mu, rho = a / c;
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  let sum = 0;
  for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
  const top = a ** c / factorial(c) / (1 - rho);
  const erlangC = top / (sum + top); // P(an arrival waits) = 0.711…
  const meanWait = erlangC / (c * mu - lambda);
  const meanSojourn = meanWait + 1 / mu; // ≈ 27.8 ms

  const build = (servers: 'one consumer, concurrency 2' | 'two consumers') => {
    const doc = mm1Doc() as { nodes: { id: string; kind: string; config?: Record<string, unknown> }[]; edges: { id: string; source: string; target: string }[] };
    const p = doc.nodes.find((n) => n.kind === 'producer')!;
    p.config = { ...p.config, arrival: { type: 'poisson', ratePerSec: lambda * 1000 } };
    const server = doc.nodes.find((n) => n.kind === 'consumer')!;
    const serverConfig = { ...server.config, serviceTimeMs: { type: 'exponential', mean: 1 / mu }, ackMode: 'manual', failureProbability: 0 };
    if (servers === 'one consumer, concurrency 2') {
      server.config = { ...serverConfig, concurrency: 2, prefetch: 2 };
    } else {
      server.config = { ...serverConfig, concurrency: 1, prefetch: 1 };
      const queue = doc.nodes.find((n) => n.kind === 'queue')!;
      doc.nodes.push({ ...server, id: `${server.id}-2`, config: { ...server.config } });
      doc.edges.push({ id: 'second-server', source: queue.id, target: `${server.id}-2` });
    }
    return parse(doc);
  };

  // Between seeds the mean sojourn varies by ≈ 1.3% (sd) and the mean wait by ≈ 2.5%.
  it.each(['one consumer, concurrency 2', 'two consumers'] as const)('%s: mean time in system within 5% of the Erlang C value, wait within 8%, utilisation ρ within 2%', (servers) => {
    const scenario = build(servers);
    const snap = run(scenario);
    expect(erlangC).toBeGreaterThan(0.7);
    within(snap.latencyMs.mean, meanSojourn, 0.05);
    within(snap.queueWaitMs.mean, meanWait, 0.08);
    const consumers = Object.values(snap.nodes).filter((n) => n.kind === 'consumer');
    const busy = consumers.reduce((acc, n) => acc + (n.utilisation as number) * (n.concurrency as number), 0);
    const slots = consumers.reduce((acc, n) => acc + (n.concurrency as number), 0);
    within(busy / slots, rho, 0.02);
  });
});
