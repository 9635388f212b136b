/** Each example does what its description says, run through the same path as the CLI. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../schema';
import { accountedFor, buildReport, type Report } from './report';
import { runScenario } from './run';

const dir = join(import.meta.dirname, '../../examples');

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

function run(file: string, options: { seed?: number; untilMs?: number } = {}): Report {
  const scenario = load(file);
  const outcome = runScenario(scenario, options);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return buildReport(outcome.snapshot, scenario.name);
}

/** The Poisson arrival rate of the scenario's producer and the mean exponential service time of a consumer (the first one by default). */
function poissonExponential(scenario: Scenario, consumerId?: string): { ratePerSec: number; meanServiceMs: number } {
  const producer = scenario.nodes.find((n) => n.kind === 'producer');
  const consumer = scenario.nodes.find((n) => n.kind === 'consumer' && (consumerId === undefined || n.id === consumerId));
  if (producer?.kind !== 'producer' || producer.config.arrival.type !== 'poisson') throw new Error('expected Poisson arrivals');
  if (consumer?.kind !== 'consumer' || consumer.config.serviceTimeMs.type !== 'exponential') throw new Error('expected exponential service');
  return { ratePerSec: producer.config.arrival.ratePerSec, meanServiceMs: consumer.config.serviceTimeMs.mean };
}

describe('examples', () => {
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s runs its full duration and accounts for every message', (file) => {
    const report = run(file);
    expect(report.simulatedSeconds).toBe(load(file).durationMs / 1000);
    expect(report.messages.produced).toBeGreaterThan(0);
    expect(accountedFor(report.messages)).toBe(report.messages.produced);
  });

  it('mm1.json: the mean time in system approaches 1/(μ − λ) = 50 ms for several seeds', () => {
    const { ratePerSec, meanServiceMs } = poissonExponential(load('mm1.json'));
    const lambda = ratePerSec / 1000; // per ms
    const mu = 1 / meanServiceMs;
    const expected = 1 / (mu - lambda);
    for (const seed of [1, 2]) {
      const { latencyMs } = run('mm1.json', { seed });
      expect(Math.abs(latencyMs.mean - expected) / expected, `seed ${seed}: mean ${latencyMs.mean} ms`).toBeLessThan(0.06);
    }
  });

  it('pub-sub.json: the fanout gives each of the 3 queues a copy, 2 extra copies per publish', () => {
    const report = run('pub-sub.json', { untilMs: 10_000 });
    expect(report.messages.routedCopies).toBe(2 * report.messages.published);
    for (const queue of ['audit', 'billing', 'email']) expect(report.nodes[queue]?.in).toBe(report.messages.published);
  });

  it('pub-sub.json: the email queue, served slower than events arrive, grows without bound; audit and billing keep up', () => {
    const scenario = load('pub-sub.json');
    const { ratePerSec, meanServiceMs } = poissonExponential(scenario, 'email-service');
    const growthPerSec = ratePerSec - 1000 / meanServiceMs;
    expect(growthPerSec).toBeGreaterThan(0);
    const half = run('pub-sub.json', { untilMs: scenario.durationMs / 2 });
    const full = run('pub-sub.json');
    const ready = (r: Report, queue: string) => r.nodes[queue]?.ready as number;
    const expected = (growthPerSec * scenario.durationMs) / 1000;
    expect(ready(full, 'email') / expected).toBeGreaterThan(0.7);
    expect(ready(full, 'email') / expected).toBeLessThan(1.3);
    expect(ready(full, 'email')).toBeGreaterThan(1.5 * ready(half, 'email'));
    for (const queue of ['audit', 'billing']) expect(full.nodes[queue]?.maxReady, queue).toBeLessThan(10);
  });

  it('competing-consumers.json: the three workers share the work', () => {
    const report = run('competing-consumers.json');
    const received = ['worker-1', 'worker-2', 'worker-3'].map((id) => report.nodes[id]?.in as number);
    const total = received.reduce((a, b) => a + b, 0);
    for (const n of received) expect(n / total).toBeGreaterThan(0.25);
  });

  it('order-pipeline.json: about 30 nodes, with consumers forwarding to further exchanges', () => {
    const scenario = load('order-pipeline.json');
    expect(scenario.nodes.length).toBeGreaterThanOrEqual(28);
    expect(scenario.nodes.length).toBeLessThanOrEqual(36);
    expect(run('order-pipeline.json', { untilMs: 10_000 }).messages.forwarded).toBeGreaterThan(0);
  });
});

describe('consumer-timeout.json (A1.4: the consumer timeout closes the channel of a consumer holding a delivery too long)', () => {
  const scenario = load('consumer-timeout.json');
  const nodeOf = (id: string) => scenario.nodes.find((n) => n.id === id)!;

  it('runs two lanes alike but for the timeout: the default 30 minutes, and one hour', () => {
    const q30 = nodeOf('jobs-30min'), q1h = nodeOf('jobs-1h');
    expect(q30.kind === 'queue' && q30.config.consumerTimeoutMs).toBeUndefined();
    expect(q1h.kind === 'queue' && q1h.config.consumerTimeoutMs).toBe(3_600_000);
    const service = (id: string) => { const c = nodeOf(id); return c.kind === 'consumer' ? c.config.serviceTimeMs : null; };
    // Jobs take up to 45 minutes: longer than the default timeout, shorter than an hour.
    expect(service('renderer-30min')).toEqual({ type: 'uniform', min: 300_000, max: 2_700_000 });
    expect(service('renderer-1h')).toEqual(service('renderer-30min'));
  });

  it.each([1, 7, 42])('seed %i: jobs over 30 minutes are requeued and rendered again on the default lane; the one-hour lane renders each once', (seed) => {
    const r = run('consumer-timeout.json', { seed });
    const q30 = r.nodes['jobs-30min']!, q1h = r.nodes['jobs-1h']!;
    expect(q30.consumerTimeouts as number).toBeGreaterThan(0);
    expect(q30.redelivered).toBe(q30.consumerTimeouts); // prefetch 1: each closed channel held one delivery
    // Each closed channel leaves a render going whose ack fails, unless the run ends first.
    expect(r.nodes['renderer-30min']!.ackFailed as number).toBeGreaterThan(0);
    expect(r.nodes['renderer-30min']!.ackFailed as number).toBeLessThanOrEqual(q30.consumerTimeouts as number);
    expect(r.audit!.consumers['renderer-30min']!.duplicates).toBeGreaterThan(0);
    expect(q1h).toMatchObject({ consumerTimeouts: 0, redelivered: 0 });
    expect(r.audit!.consumers['renderer-1h']).toMatchObject({ duplicates: 0, guarantee: 'exactly-once' });
    // The default lane falls behind: the job handed over while the old one still renders times out in its turn.
    expect(r.audit!.consumers['renderer-30min']!.processed).toBeLessThan(r.audit!.consumers['renderer-1h']!.processed);
    expect(q30.ready as number).toBeGreaterThan(q1h.ready as number);
  });
});
