import { describe, expect, it } from 'vitest';
import { parseScenario } from './index';

const doc = (queue: Record<string, unknown>, exchange: Record<string, unknown> = {}, faults: unknown[] = []) => ({
  version: 3,
  nodes: [
    { id: 'producer', kind: 'producer' },
    { id: 'orders', kind: 'exchange', config: { type: 'fanout', ...exchange } },
    { id: 'queue', kind: 'queue', config: queue },
    { id: 'worker', kind: 'consumer' },
  ],
  edges: [
    { id: 'e1', source: 'producer', target: 'orders' },
    { id: 'e2', source: 'orders', target: 'queue' },
    { id: 'e3', source: 'queue', target: 'worker' },
  ],
  faults,
});

const errors = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('permission lists name clients', () => {
  it('accepts lists of existing clients', () => {
    expect(errors(doc({ permissions: { consume: ['worker'] } }, { permissions: { publish: ['producer', 'worker'] } }))).toEqual([]);
  });

  it('takes a per-queue publish list on SQS only (RabbitMQ checks publishing against the exchange)', () => {
    expect(errors(doc({ permissions: { publish: ['producer'] } }))).toEqual([
      'nodes[2].config.permissions.publish: RabbitMQ checks publishing against the exchange (write permission), not the queue: set the publish list on the exchange, or make this an SQS queue (a queue policy\'s SendMessage); this is a classic queue',
    ]);
    const sqs = doc({ flavor: 'sqs', permissions: { publish: ['producer'] } });
    (sqs.nodes[3] as { config?: unknown }).config = { delivery: 'pull' };
    expect(errors(sqs)).toEqual([]);
  });

  it('refuses an unknown id and a node that is not a client, at the entry', () => {
    expect(errors(doc({ permissions: { consume: ['wroker', 'orders'] } }, { permissions: { publish: ['producr'] } }))).toEqual([
      'nodes[1].config.permissions.publish[0]: no client has id "producr"',
      'nodes[2].config.permissions.consume[0]: no client has id "wroker"',
      'nodes[2].config.permissions.consume[1]: "orders" is an exchange, not a client (producer, consumer, requester, aggregator)',
    ]);
  });

  it('a corrupt fault targets an edge', () => {
    expect(errors(doc({}, {}, [{ atMs: 0, target: 'worker', type: 'corrupt', probability: 0.1 }]))).toEqual([
      'faults[0].target: corrupt hits a link: no edge has id "worker"',
    ]);
    expect(errors(doc({}, {}, [{ atMs: 0, target: 'e3', type: 'corrupt', probability: 0.1 }]))).toEqual([]);
  });
});
