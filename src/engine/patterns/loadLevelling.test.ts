/**
 * examples/load-levelling.json: Queue-Based Load Levelling. A bursty producer (onOff), a queue, one
 * steady consumer. Each claim of the example's description is checked on a real run; the expected
 * figures are derived from the example's own config, so changing the example keeps the test honest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf, type Scenario } from '../../schema';
import { SAMPLE_FIELDS, type MetricSample } from '../api';
import { createSimulation } from '../simulation';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const sc = example('load-levelling.json');
const producer = sc.nodes.find((n) => n.kind === 'producer') as NodeOf<'producer'>;
const worker = sc.nodes.find((n) => n.kind === 'consumer') as NodeOf<'consumer'>;
const queueId = sc.nodes.find((n) => n.kind === 'queue')!.id;
const arrival = producer.config.arrival;
if (arrival.type !== 'onOff' || worker.config.serviceTimeMs.type !== 'constant') throw new Error('the example changed shape');
/** The worker's steady rate (one slot, constant service time), and the burst rate. */
const mu = (1000 / worker.config.serviceTimeMs.value) * worker.config.concurrency;
const lambdaOn = arrival.ratePerSec;
const cycleMs = arrival.onMs + arrival.offMs;

const sim = createSimulation(sc);
sim.runUntil(sc.durationMs);
const snap = sim.snapshot();
const samples: MetricSample[] = sim.takeSamples();
const stride = SAMPLE_FIELDS.length;
const series = (node: string, field: (typeof SAMPLE_FIELDS)[number]): number[] => {
  const i = sim.nodeIds.indexOf(node) * stride + SAMPLE_FIELDS.indexOf(field);
  return samples.map((s) => s.nodes[i]!);
};

describe('load levelling (examples/load-levelling.json)', () => {
  it('has bursts well above the worker and an average below it', () => {
    const average = (lambdaOn * arrival.onMs) / cycleMs;
    expect(lambdaOn).toBeGreaterThan(2 * mu);
    expect(average).toBeLessThan(mu);
  });

  it('loses nothing: every message is acked by the end', () => {
    expect(snap.messages.dropped).toBe(0);
    expect(snap.messages.acked).toBe(snap.messages.produced - snap.messages.inFlight - snap.messages.queued);
    expect(snap.audit?.lost).toBe(0);
  });

  it('lets the queue depth peak near (burst rate − service rate) × burst length', () => {
    const peak = snap.nodes[queueId]!['maxReady'] as number;
    const expected = ((lambdaOn - mu) * arrival.onMs) / 1000;
    expect(peak).toBeGreaterThan(0.75 * expected);
    expect(peak).toBeLessThan(1.25 * expected);
  });

  it('drains the queue between bursts', () => {
    const ready = series(queueId, 'ready');
    // The sample just before each new burst: the quiet period is longer than the drain.
    const beforeBurst = samples.map((s, i) => ({ t: s.tMs, ready: ready[i]! })).filter((s) => s.t % cycleMs === 0 && s.t > 0);
    expect(beforeBurst.length).toBeGreaterThanOrEqual(sc.durationMs / cycleMs - 1);
    for (const s of beforeBurst) expect(s.ready, `ready at ${s.t} ms`).toBe(0);
    expect(Math.max(...ready)).toBeGreaterThan(0);
  });

  it('keeps the worker at its own steady rate while the producer bursts far above it', () => {
    const published = samples.map((s) => s.publishedPerSec);
    const taken = series(worker.id, 'inPerSec');
    expect(Math.max(...published)).toBeGreaterThan(2 * mu);
    // One extra message per sample interval at most: a delivery on the interval's boundary.
    expect(Math.max(...taken)).toBeLessThanOrEqual(mu + 1000 / sc.metrics.sampleIntervalMs);
    // During the burst and the drain after it the worker runs flat out, sample after sample.
    const flatOut = taken.filter((r) => r >= mu - 1000 / sc.metrics.sampleIntervalMs).length;
    expect(flatOut).toBeGreaterThanOrEqual(Math.floor((sc.durationMs / cycleMs) * 4));
  });
});
