import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from './index';

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const minimal = {
  version: 3,
  nodes: [
    { id: 'p', kind: 'producer' },
    { id: 'x', kind: 'exchange' },
    { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer' },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'x' },
    { id: 'e2', source: 'x', target: 'q' },
    { id: 'e3', source: 'q', target: 'c' },
  ],
};

describe('parseScenario fills defaults', () => {
  it('at the top level', () => {
    const s = parsed({ version: 3, nodes: [] });
    expect(s).toEqual({
      version: 3, name: 'Untitled scenario', description: '', seed: 1, durationMs: 60_000,
      workload: { rateMultiplier: 1, warmupMs: 0 }, metrics: { sampleIntervalMs: 250 }, faults: [], nodes: [], edges: [],
    });
  });

  it('for every node kind', () => {
    const [producer, exchange, queue, consumer] = parsed(minimal).nodes;
    expect(producer).toEqual({
      id: 'p', kind: 'producer', position: { x: 0, y: 0 },
      config: {
        arrival: { type: 'poisson', ratePerSec: 10 }, routingKeys: { pick: 'cycle', keys: [''] }, count: null,
        startAtMs: 0, sizeBytes: { type: 'constant', value: 1024 }, headers: {},
        persistent: false, mandatory: false, confirms: null, retry: null, messageGroups: null, deduplicationId: 'none',
        poison: { fraction: 0, messages: [] },
      },
    });
    expect(exchange?.config).toEqual({ type: 'direct' });
    expect(queue?.config).toEqual({ flavor: 'classic' });
    expect(consumer?.config).toEqual({
      serviceTimeMs: { type: 'exponential', mean: 10 }, concurrency: 1, prefetch: 10, ackMode: 'manual', failureProbability: 0,
      onFailure: 'requeue', delivery: 'push', pollIntervalMs: 100, waitTimeMs: 0, batchSize: 1, idempotent: null, offline: [],
      reply: { enabled: true, score: { type: 'constant', value: 1 }, sizeBytes: 256 }, call: null, verifyChecksum: true,
    });
  });

  it('for the pattern node kinds', () => {
    const doc = structuredClone(minimal) as { nodes: unknown[] };
    doc.nodes.push({ id: 'r', kind: 'requester' }, { id: 'a', kind: 'aggregator' });
    const nodes = parsed(doc).nodes;
    expect(nodes.find((n) => n.id === 'r')?.config).toEqual({
      mode: 'async', arrival: { type: 'poisson', ratePerSec: 10 }, thinkTimeMs: { type: 'constant', value: 0 }, maxOutstanding: null,
      count: null, startAtMs: 0, timeoutMs: 1000, expectedReplies: 1, replyTo: null, routingKeys: { pick: 'cycle', keys: [''] },
      headers: {}, sizeBytes: { type: 'constant', value: 512 }, persistent: false,
    });
    expect(nodes.find((n) => n.id === 'a')?.config).toEqual({ completionSize: 3, completionTimeoutMs: 1000, goodEnoughScore: null, strategy: 'collect' });
  });

  it('inside a partly written config', () => {
    const doc = structuredClone(minimal);
    doc.nodes[3] = { id: 'c', kind: 'consumer', config: { prefetch: 1 } } as (typeof doc.nodes)[number];
    const consumer = parsed(doc).nodes[3];
    expect(consumer?.kind === 'consumer' && consumer.config).toMatchObject({ prefetch: 1, concurrency: 1, ackMode: 'manual' });
  });

  it('on edges', () => {
    expect(parsed(minimal).edges.map((e) => e.config)).toEqual([{ delayMs: 0 }, { delayMs: 0 }, { delayMs: 0 }]);
  });

  it('for a list distribution', () => {
    const doc = structuredClone(minimal);
    doc.nodes[3] = { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'list', values: [1, 2] } } } as (typeof doc.nodes)[number];
    const consumer = parsed(doc).nodes[3];
    expect(consumer?.kind === 'consumer' && consumer.config.serviceTimeMs).toEqual({ type: 'list', values: [1, 2], pick: 'cycle' });
  });

  it('with fresh objects on every parse, so mutating one result cannot change the next', () => {
    const first = parsed(minimal);
    const producer = first.nodes[0]!;
    if (producer.kind !== 'producer') throw new Error('expected a producer');
    producer.position.x = 99;
    (producer.config.arrival as { ratePerSec: number }).ratePerSec = 999;
    (producer.config.routingKeys.keys as string[]).push('leaked');
    (first.faults as unknown[]).push('leaked');
    first.workload.warmupMs = 5;
    const second = parsed(minimal);
    expect(second).toEqual(parsed(structuredClone(minimal)));
    expect(second.nodes[0]).toMatchObject({ position: { x: 0 }, config: { arrival: { ratePerSec: 10 }, routingKeys: { keys: [''] } } });
    expect(second.faults).toEqual([]);
    expect(second.workload.warmupMs).toBe(0);
  });
});
