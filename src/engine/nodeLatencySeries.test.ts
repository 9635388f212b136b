/**
 * Per-node latency over time: each kind that completes work writes the p50/p95/p99 of what it completed
 * in each sample interval (consumer: end to end to its ack; requester: round trip, late replies included;
 * aggregator: first reply to completion; queue: queue wait), NaN when nothing completed, and this changes
 * no figure of a run.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario, type Scenario } from '../schema';
import { SAMPLE_FIELDS, type LatencySummary, type MetricSample, type SampleField } from './api';
import { createSimulation } from './simulation';
import { scenarioOf } from './testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const at = (...times: number[]) => ({ type: 'script' as const, messages: times.map((atMs) => ({ atMs })) });

function run(s: Scenario, untilMs: number): { samples: MetricSample[]; nodeIds: readonly string[]; report: ReturnType<ReturnType<typeof createSimulation>['snapshot']> } {
  const sim = createSimulation(s);
  sim.runUntil(untilMs);
  return { samples: sim.takeSamples(), nodeIds: sim.nodeIds, report: sim.snapshot() };
}

/** One node's field, sample by sample. */
function series(r: { samples: MetricSample[]; nodeIds: readonly string[] }, node: string, field: SampleField): number[] {
  const o = r.nodeIds.indexOf(node) * SAMPLE_FIELDS.length + SAMPLE_FIELDS.indexOf(field);
  return r.samples.map((s) => s.nodes[o]!);
}

/** producer → queue → consumer with a constant service time and one slot: the k-th of a burst waits k services. */
function pipeline(times: number[], serviceMs: number, extra: Record<string, unknown> = {}): Scenario {
  return scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: at(...times) } },
    { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(serviceMs), concurrency: 1, prefetch: 1 } },
  ], ['p>q', 'q>c'], extra);
}

describe('per-node latency series', () => {
  it('a consumer writes the end-to-end latency of what it acked in the interval, NaN while idle, afresh each interval', () => {
    const service = 100;
    // Three at once (latencies 1, 2 and 3 services), then one alone five seconds later.
    const r = run(pipeline([1, 1, 1, 5001], service, { metrics: { sampleIntervalMs: 1000 } }), 6000);
    const p50 = series(r, 'c', 'p50');
    const p99 = series(r, 'c', 'p99');
    expect(r.samples.map((s) => s.tMs)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(p50[0]).toBeCloseTo(2 * service, 0);
    expect(p99[0]).toBeCloseTo(3 * service, 0);
    expect(p99.slice(1, 5).every(Number.isNaN)).toBe(true);
    // The 300 ms of the first interval are forgotten: the last interval holds one message of one service.
    expect(p99[5]).toBeCloseTo(service, 0);
    expect(p50[5]).toBeCloseTo(service, 0);
  });

  it('over one interval, each kind writes the percentiles its report summarises', () => {
    const times = Array.from({ length: 200 }, (_, i) => 1 + i * 7);
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: at(...times) } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'exponential', mean: 6 }, concurrency: 1, prefetch: 1 } },
      { id: 'client', kind: 'requester', config: { arrival: { type: 'poisson', ratePerSec: 50 }, timeoutMs: 5000 } },
      { id: 'requests', kind: 'queue' },
      { id: 'server', kind: 'consumer', config: { serviceTimeMs: { type: 'exponential', mean: 15 } } },
    ], ['p>q', 'q>c', 'client>requests', 'requests>server', 'server>client'], { metrics: { sampleIntervalMs: 100_000 }, durationMs: 100_000 });
    const r = run(s, 100_000);
    expect(r.samples).toHaveLength(1);
    const expectSame = (node: string, summary: LatencySummary) => {
      expect(summary.count).toBeGreaterThan(50);
      expect(series(r, node, 'p50')[0]).toBeCloseTo(summary.p50, 3);
      expect(series(r, node, 'p95')[0]).toBeCloseTo(summary.p95, 3);
      expect(series(r, node, 'p99')[0]).toBeCloseTo(summary.p99, 3);
    };
    expectSame('c', r.report.nodes.c!.latencyMs as LatencySummary);
    expectSame('q', r.report.nodes.q!.queueWaitMs as LatencySummary);
    expectSame('client', r.report.nodes.client!.rttMs as LatencySummary);
    expectSame('requests', r.report.nodes.requests!.queueWaitMs as LatencySummary);
  });

  it('a requester writes its round trips: slower while its server is slowed down', () => {
    const service = 20;
    const s = scenarioOf([
      { id: 'client', kind: 'requester', config: { mode: 'sync', timeoutMs: 5000 } },
      { id: 'server', kind: 'consumer', config: { serviceTimeMs: constant(service) } },
    ], ['client>server'], { metrics: { sampleIntervalMs: 1000 }, faults: [{ type: 'slow', target: 'server', atMs: 2000, durationMs: 2000, factor: 5 }] });
    const r = run(s, 6000);
    const p95 = series(r, 'client', 'p95');
    expect(p95[0]).toBeCloseTo(service, 0);
    expect(p95[2]).toBeCloseTo(5 * service, 0);
    expect(p95[5]).toBeCloseTo(service, 0);
  });

  it('a requester counts late replies in its round trips, which its report leaves out of rttMs', () => {
    const service = 200;
    const timeoutMs = 100;
    const s = scenarioOf([
      { id: 'client', kind: 'requester', config: { arrival: at(1, 1001, 2001), timeoutMs } },
      { id: 'server', kind: 'consumer', config: { serviceTimeMs: constant(service) } },
    ], ['client>server'], { metrics: { sampleIntervalMs: 1000 } });
    const r = run(s, 3000);
    expect(r.report.nodes.client).toMatchObject({ late: 3, timeouts: 3, answered: 0 });
    expect((r.report.nodes.client!.rttMs as LatencySummary).count).toBe(0);
    expect(series(r, 'client', 'p95').map((v) => Math.round(v))).toEqual([service, service, service]);
  });

  it('an aggregator writes how long its groups gathered: first reply to completion', () => {
    const services = [10, 20, 30];
    const scatter = (completion: Record<string, unknown>, responders: number[]) => scenarioOf([
      { id: 'req', kind: 'requester', config: { arrival: at(1, 301, 601), replyTo: 'agg', timeoutMs: 5000 } },
      { id: 'ex', kind: 'exchange', config: { type: 'fanout' } },
      ...responders.flatMap((ms, i) => [{ id: `q${i}`, kind: 'queue' as const }, { id: `r${i}`, kind: 'consumer' as const, config: { serviceTimeMs: constant(ms), reply: {} } }]),
      { id: 'agg', kind: 'aggregator', config: completion },
    ], ['req>ex', ...responders.flatMap((_, i) => [`ex>q${i}`, `q${i}>r${i}`, `r${i}>agg`]), 'agg>req'], { metrics: { sampleIntervalMs: 1000 } });
    // By size: the first reply after 10 ms, the third after 30 ms.
    const bySize = run(scatter({ completionSize: 3, completionTimeoutMs: null }, services), 1000);
    expect(series(bySize, 'agg', 'p99')[0]).toBeCloseTo(services[2]! - services[0]!, 0);
    // By the inactivity timeout when the third never comes: the last reply, then the quiet time (A4, Camel).
    const byTimeout = run(scatter({ completionSize: 3, completionTimeoutMs: 100 }, services.slice(0, 2)), 1000);
    expect(series(byTimeout, 'agg', 'p50')[0]).toBeCloseTo(services[1]! - services[0]! + 100, 0);
  });

  it('sync-vs-async-chain: the slow-down spreads the client\'s round trip to seconds, async-a keeps its pace', () => {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../examples/sync-vs-async-chain.json'), 'utf8')));
    if (!parsed.ok) throw new Error('sync-vs-async-chain.json');
    const s = parsed.scenario;
    const slow = s.faults.find((f) => f.target === 'sync-c')!;
    const timeoutMs = (s.nodes.find((n) => n.id === 'client')!.config as { timeoutMs: number }).timeoutMs;
    const r = run(s, s.durationMs);
    const peak = (node: string, from: number, to: number) => Math.max(...series(r, node, 'p95').filter((v, k) => r.samples[k]!.tMs > from && r.samples[k]!.tMs <= to && Number.isFinite(v)));
    const before = peak('client', 0, slow.atMs);
    expect(before).toBeLessThan(timeoutMs);
    // Late replies come back seconds after their request: many timeouts' worth.
    expect(peak('client', slow.atMs, s.durationMs)).toBeGreaterThan(10 * timeoutMs);
    expect(peak('async-a', slow.atMs, s.durationMs)).toBeLessThan(2 * peak('async-a', 0, slow.atMs));
  });

  it('kinds that complete nothing write NaN', () => {
    const r = run(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: at(1, 2, 3) } },
      { id: 'ex', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(1) } },
    ], ['p>ex', 'ex>q', 'q>c']), 1000);
    for (const node of ['p', 'ex']) for (const f of ['p50', 'p95', 'p99'] as const) expect(series(r, node, f).every(Number.isNaN)).toBe(true);
    expect(series(r, 'c', 'p95').some(Number.isFinite)).toBe(true);
  });

  it('changes no figure of a run, and the same seed gives the same series', () => {
    const dir = resolve(import.meta.dirname, '../../examples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const parsed = parseScenario(JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(file);
      const until = Math.min(parsed.scenario.durationMs, 20_000);
      const sampled = createSimulation(parsed.scenario);
      const plain = createSimulation(parsed.scenario, { sampling: false });
      const again = createSimulation(parsed.scenario);
      for (const sim of [sampled, plain, again]) sim.runUntil(until);
      expect(sampled.snapshot(), file).toEqual(plain.snapshot());
      const a = sampled.takeSamples();
      const b = again.takeSamples();
      expect(a.length, file).toBeGreaterThan(0);
      expect(a.map((x) => [...x.nodes]), file).toEqual(b.map((x) => [...x.nodes]));
    }
  });
});
