import { describe, expect, it } from 'vitest';
import { parseScenario } from './index';

/** An SQS queue polled by one consumer, with `queue` and `consumer` config merged in. */
function doc(queue: Record<string, unknown>, consumer: Record<string, unknown> = {}) {
  return {
    version: 3,
    nodes: [
      { id: 'q', kind: 'queue', config: { flavor: 'sqs', ...queue } },
      { id: 'c', kind: 'consumer', config: { delivery: 'pull', ...consumer } },
      { id: 'dlq', kind: 'queue', config: { flavor: 'sqs' } },
    ],
    edges: [{ id: 'e1', source: 'q', target: 'c' }, { id: 'e2', source: 'q', target: 'dlq' }],
  };
}

/** The paths of the errors a document gets ([] when it is accepted). */
const refusedAt = (input: unknown): string[] => {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe('SQS limits in the schema (semantics.md A2.1, A2.2)', () => {
  it('A2.1: VisibilityTimeout 0 … 43 200 s (12 h)', () => {
    expect(refusedAt(doc({ visibilityTimeoutMs: 0 }))).toEqual([]);
    expect(refusedAt(doc({ visibilityTimeoutMs: 43_200_000 }))).toEqual([]);
    expect(refusedAt(doc({ visibilityTimeoutMs: 43_200_001 }))).toEqual(['nodes[0].config.visibilityTimeoutMs']);
  });

  it('A2.1: MessageRetentionPeriod 60 s … 1 209 600 s (14 days)', () => {
    expect(refusedAt(doc({ retentionMs: 60_000 }))).toEqual([]);
    expect(refusedAt(doc({ retentionMs: 1_209_600_000 }))).toEqual([]);
    expect(refusedAt(doc({ retentionMs: 59_999 }))).toEqual(['nodes[0].config.retentionMs']);
    expect(refusedAt(doc({ retentionMs: 1_209_600_001 }))).toEqual(['nodes[0].config.retentionMs']);
  });

  it('A2.1: a receive returns at most 10 messages; WaitTimeSeconds is 0 … 20', () => {
    expect(refusedAt(doc({}, { batchSize: 10, waitTimeMs: 20_000 }))).toEqual([]);
    expect(refusedAt(doc({}, { batchSize: 11 }))).toEqual(['nodes[1].config.batchSize']);
    expect(refusedAt(doc({}, { waitTimeMs: 20_001 }))).toEqual(['nodes[1].config.waitTimeMs']);
  });

  it('A2.2: maxReceiveCount is 1 … 1000', () => {
    expect(refusedAt(doc({ maxReceiveCount: 1 }))).toEqual([]);
    expect(refusedAt(doc({ maxReceiveCount: 1000 }))).toEqual([]);
    expect(refusedAt(doc({ maxReceiveCount: 0 }))).toEqual(['nodes[0].config.maxReceiveCount']);
    expect(refusedAt(doc({ maxReceiveCount: 1001 }))).toEqual(['nodes[0].config.maxReceiveCount']);
  });
});
