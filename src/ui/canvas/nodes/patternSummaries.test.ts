import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf } from '../../../schema';
import { completionChips } from './AggregatorNode';
import { duration } from './format';
import { queueSummary } from './queueSummary';
import { describeRequester } from './RequesterNode';
import { summaryOf } from './ConsumerNode';
import { fifoOf } from './ProducerNode';

function nodeOf<K extends 'requester' | 'aggregator'>(kind: K, config: object): NodeOf<K> {
  const r = parseScenario({ version: 3, name: 't', nodes: [{ id: 'n', kind, config }] });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario.nodes[0] as NodeOf<K>;
}

describe('requester and aggregator summaries on the canvas', () => {
  it('a requester says how it paces requests, its timeout, replies per request and its Return Address', () => {
    expect(describeRequester(nodeOf('requester', {}).config)).toBe('Poisson 10/s · timeout 1 s');
    expect(describeRequester(nodeOf('requester', { mode: 'sync', thinkTimeMs: { type: 'constant', value: 50 }, timeoutMs: 250 }).config))
      .toBe('think 50 ms · timeout 250 ms');
    expect(describeRequester({ ...nodeOf('requester', { expectedReplies: 3, timeoutMs: 1500 }).config, replyTo: 'agg' }))
      .toBe('Poisson 10/s · timeout 1.5 s · ×3 replies · reply → agg');
  });

  it('an aggregator shows each completion rule that is on (the first that holds wins)', () => {
    expect(completionChips(nodeOf('aggregator', {}).config).map((c) => c.text)).toEqual(['size 3', 'idle 1 s']);
    expect(completionChips(nodeOf('aggregator', { completionSize: null, completionTimeoutMs: 400, goodEnoughScore: 0.9 }).config).map((c) => c.text))
      .toEqual(['idle 400 ms', 'score ≥ 0.9']);
  });

  it('a FIFO queue says so (A2.3), and a queue with permissions says it is restricted', () => {
    const queue = (config: object) => {
      const r = parseScenario({ version: 3, name: 't', nodes: [{ id: 'q', kind: 'queue', config }, { id: 'p', kind: 'producer' }] });
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      return (r.scenario.nodes[0] as NodeOf<'queue'>).config;
    };
    expect(queueSummary(queue({ flavor: 'sqs', fifo: {} }))).toBe('SQS FIFO');
    expect(queueSummary(queue({ flavor: 'sqs', fifo: { contentBasedDeduplication: true } }))).toBe('SQS FIFO +dedup');
    expect(queueSummary(queue({ flavor: 'sqs' }))).toBe('SQS');
    expect(queueSummary(queue({ permissions: { consume: ['p'] } }))).toBe('classic · restricted');
    // A1.4 consumer timeout, in the largest whole unit.
    expect(queueSummary(queue({ consumerTimeoutMs: 3_600_000 }))).toBe('classic · ack timeout 1 h');
    expect(queueSummary(queue({ consumerTimeoutMs: 120_000 }))).toBe('classic · ack timeout 2 min');
    expect(queueSummary(queue({ consumerTimeoutMs: 90_000 }))).toBe('classic · ack timeout 90 s');
    expect(queueSummary(queue({ permissions: {} }))).toBe('classic');
  });

  it('a consumer says when it calls, does not reply or does not check checksums; a producer its FIFO groups', () => {
    const parse = (nodes: object[], edges: object[] = []) => {
      const r = parseScenario({ version: 3, name: 't', nodes, edges });
      if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      return r.scenario.nodes;
    };
    const [plain] = parse([{ id: 'c', kind: 'consumer' }]) as NodeOf<'consumer'>[];
    expect(summaryOf(plain!.config)).toBe('exp 10 ms · prefetch 10');
    const [caller] = parse([{ id: 'c', kind: 'consumer', config: { call: { timeoutMs: 500 }, reply: { enabled: false }, verifyChecksum: false } }, { id: 's', kind: 'consumer' }],
      [{ id: 'e', source: 'c', target: 's' }]) as NodeOf<'consumer'>[];
    expect(summaryOf(caller!.config)).toBe('exp 10 ms · prefetch 10 · call ≤500 ms · no replies · no checksum');
    const [p1, p2] = parse([{ id: 'p1', kind: 'producer', config: { messageGroups: { count: 4 }, deduplicationId: 'messageId' } }, { id: 'p2', kind: 'producer', config: { messageGroups: { count: 1 } } }]) as NodeOf<'producer'>[];
    expect([fifoOf(p1!.config), fifoOf(p2!.config)]).toEqual(['4 groups, dedup id', '1 group']);
  });

  it('durations read at a glance', () => {
    expect([duration(0), duration(999), duration(1000), duration(90_000)]).toEqual(['0 ms', '999 ms', '1 s', '90 s']);
  });
});
