import { describe, expect, it } from 'vitest';
import { formatError, parseScenario, parseScenarioText, type ScenarioError } from './index';

/** A valid version-3 document: producer → exchange → queue → consumer. Tests break one thing at a time. */
function validDoc(): Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } {
  return {
    version: 3,
    nodes: [
      { id: 'producer', kind: 'producer' },
      { id: 'orders', kind: 'exchange', config: { type: 'topic' } },
      { id: 'queue', kind: 'queue' },
      { id: 'worker', kind: 'consumer' },
    ],
    edges: [
      { id: 'e1', source: 'producer', target: 'orders' },
      { id: 'e2', source: 'orders', target: 'queue', config: { bindingKey: 'order.*' } },
      { id: 'e3', source: 'queue', target: 'worker' },
    ],
  };
}

function errorsOf(input: unknown): ScenarioError[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.errors;
}

/** The one error at `path`; fails when there is none or several. */
function errorAt(input: unknown, path: string): ScenarioError {
  const found = errorsOf(input).filter((e) => e.path === path);
  expect(found, `errors at ${path}`).toHaveLength(1);
  return found[0]!;
}

describe('parseScenario accepts', () => {
  it('a valid document', () => {
    const result = parseScenario(validDoc());
    expect(result.ok).toBe(true);
  });
});

describe('parseScenario refuses node problems', () => {
  it('an unknown node kind, listing the known kinds', () => {
    const doc = validDoc();
    doc.nodes[2] = { id: 'queue', kind: 'topic-queue' };
    const error = errorAt(doc, 'nodes[2].kind');
    expect(error.code).toBe('unknown_kind');
    expect(error.message).toBe('unknown node kind "topic-queue"; expected one of producer, exchange, queue, consumer, filter, router, broker, requester, aggregator');
  });

  it('a node without a kind', () => {
    const doc = validDoc();
    doc.nodes[1] = { id: 'orders' };
    const error = errorAt(doc, 'nodes[1].kind');
    expect(error.code).toBe('missing');
    expect(error.message).toMatch(/^is required: a node kind, one of producer, exchange, queue, consumer, filter, router, broker, requester, aggregator$/);
  });

  it('a duplicate node id', () => {
    const doc = validDoc();
    doc.nodes.push({ id: 'queue', kind: 'queue' });
    const error = errorAt(doc, 'nodes[4].id');
    expect(error).toEqual({ code: 'duplicate_id', path: 'nodes[4].id', message: 'duplicate node id "queue"' });
  });

  it('an edge id equal to a node id', () => {
    const doc = validDoc();
    doc.edges[0]!.id = 'orders';
    expect(errorAt(doc, 'edges[0].id').message).toBe('duplicate id "orders"');
  });

  it('an id with spaces', () => {
    const doc = validDoc();
    doc.nodes.push({ id: 'my queue', kind: 'queue' });
    expect(errorAt(doc, 'nodes[4].id').message).toMatch(/^must be an id: 1–64 letters.*, got "my queue"$/);
  });

  it('a node that is not an object', () => {
    const doc = validDoc();
    (doc.nodes as unknown[]).push('queue');
    expect(errorAt(doc, 'nodes[4]').message).toBe('must be an object, got "queue"');
  });
});

describe('parseScenario refuses bad numbers with the rule and the value', () => {
  const consumerWith = (config: Record<string, unknown>) => {
    const doc = validDoc();
    doc.nodes[3] = { id: 'worker', kind: 'consumer', config };
    return doc;
  };

  it.each([
    ['negative', -2, '-2'],
    ['zero', 0, '0'],
    ['fractional', 2.5, '2.5'],
    ['NaN', Number.NaN, 'NaN'],
    ['infinite', Number.POSITIVE_INFINITY, 'Infinity'],
    ['too large', 70_000, '70000'],
  ])('a %s prefetch', (_name, value, shown) => {
    const error = errorAt(consumerWith({ prefetch: value }), 'nodes[3].config.prefetch');
    expect(error.message).toBe(`must be a whole number ≥ 1 and ≤ 65535, got ${shown}`);
  });

  it('a prefetch written as a string', () => {
    expect(errorAt(consumerWith({ prefetch: '10' }), 'nodes[3].config.prefetch').message)
      .toBe('must be a whole number ≥ 1 and ≤ 65535, got "10"');
  });

  it('a probability above 1', () => {
    expect(errorAt(consumerWith({ failureProbability: 1.5 }), 'nodes[3].config.failureProbability').message)
      .toBe('must be a number ≥ 0 and ≤ 1, got 1.5');
  });

  it('a negative edge delay', () => {
    const doc = validDoc();
    doc.edges[2]!.config = { delayMs: -1 };
    expect(errorAt(doc, 'edges[2].config.delayMs').message).toBe('must be a number ≥ 0 and ≤ 3600000, got -1');
  });

  it('a zero duration', () => {
    expect(errorAt({ ...validDoc(), durationMs: 0 }, 'durationMs').message).toBe('must be a number > 0 and ≤ 10000000000, got 0');
  });

  it('a zero arrival rate', () => {
    const doc = validDoc();
    doc.nodes[0] = { id: 'producer', kind: 'producer', config: { arrival: { type: 'poisson', ratePerSec: 0 } } };
    expect(errorAt(doc, 'nodes[0].config.arrival.ratePerSec').message).toMatch(/^must be a number > 0 and ≤ \d+, got 0$/);
  });

  it('an unknown distribution type, naming the value written', () => {
    const error = errorAt(consumerWith({ serviceTimeMs: { type: 'gamma', mean: 3 } }), 'nodes[3].config.serviceTimeMs.type');
    expect(error.message).toBe('must be a distribution: constant, uniform, exponential, normal, lognormal or list, got "gamma"');
  });

  it('a uniform distribution with max below min', () => {
    const error = errorAt(consumerWith({ serviceTimeMs: { type: 'uniform', min: 5, max: 1 } }), 'nodes[3].config.serviceTimeMs.max');
    expect(error.message).toBe('max must be ≥ min');
  });
});

describe('parseScenario refuses sizes beyond the limits', () => {
  it('too many nodes', () => {
    const nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `q${i}`, kind: 'queue' }));
    expect(errorAt({ version: 3, nodes }, 'nodes').message).toBe('must hold at most 2000 nodes, got a list of 2001 items');
  });

  it('too many edges', () => {
    const doc = validDoc();
    doc.nodes.push(...Array.from({ length: 5001 }, (_, i) => ({ id: `q${i}`, kind: 'queue' })));
    doc.edges = Array.from({ length: 5001 }, (_, i) => ({ id: `b${i}`, source: 'orders', target: `q${i}` }));
    expect(errorAt(doc, 'edges').message).toBe('must hold at most 5000 edges, got a list of 5001 items');
  });

  it('a binding key over 255 bytes, counted in UTF-8', () => {
    const doc = validDoc();
    doc.edges[1]!.config = { bindingKey: 'é'.repeat(128) }; // 128 characters, 256 bytes
    expect(errorAt(doc, 'edges[1].config.bindingKey').message).toMatch(/^must be at most 255 bytes \(RabbitMQ limit for routing keys\), got "é+\.\.\."$/);
  });

  it('accepts a binding key of exactly 255 bytes', () => {
    const doc = validDoc();
    doc.edges[1]!.config = { bindingKey: 'k'.repeat(255) };
    expect(parseScenario(doc).ok).toBe(true);
  });

  it('a producer routing key over 255 bytes', () => {
    const doc = validDoc();
    doc.nodes[0] = { id: 'producer', kind: 'producer', config: { routingKeys: { pick: 'cycle', keys: ['ok', 'x'.repeat(256)] } } };
    expect(errorAt(doc, 'nodes[0].config.routingKeys.keys[1]').message).toMatch(/^must be at most 255 bytes/);
  });

  it('a name over 200 characters', () => {
    expect(errorAt({ ...validDoc(), name: 'n'.repeat(201) }, 'name').message).toMatch(/^must be at most 200 characters, got "n+\.\.\."$/);
  });
});

describe('parseScenario refuses unknown fields', () => {
  it('at the top level', () => {
    expect(errorAt({ ...validDoc(), durationSeconds: 5 }, '')).toEqual({ code: 'unknown_field', path: '', message: 'unknown field "durationSeconds"' });
  });

  it('on a node and in its config, together', () => {
    const doc = validDoc();
    doc.nodes[3] = { id: 'worker', kind: 'consumer', colour: 'red', config: { prefetchCount: 3, qos: 1 } };
    expect(errorAt(doc, 'nodes[3]').message).toBe('unknown field "colour"');
    expect(errorAt(doc, 'nodes[3].config').message).toBe('unknown fields "prefetchCount", "qos"');
  });

  it('on an edge', () => {
    const doc = validDoc();
    doc.edges[0]!.bindingKey = 'x';
    expect(errorAt(doc, 'edges[0]').message).toBe('unknown field "bindingKey"');
  });
});

describe('parseScenario refuses bad edges', () => {
  it('an edge to a node that does not exist', () => {
    const doc = validDoc();
    doc.edges[2]!.target = 'wroker';
    expect(errorAt(doc, 'edges[2].target')).toEqual({ code: 'missing_node', path: 'edges[2].target', message: 'no node has id "wroker"' });
  });

  it('an edge from a node that does not exist', () => {
    const doc = validDoc();
    doc.edges[0]!.source = 'ghost';
    expect(errorAt(doc, 'edges[0].source').code).toBe('missing_node');
  });

  it('a producer → consumer edge, saying what a producer can connect to', () => {
    const doc = validDoc();
    doc.edges[0]!.target = 'worker';
    const error = errorAt(doc, 'edges[0]');
    expect(error.code).toBe('bad_connection');
    expect(error.message).toBe('a producer cannot connect to a consumer; a producer can connect to: exchange, queue, filter, router');
  });

  it('a consumer → producer edge', () => {
    const doc = validDoc();
    doc.edges.push({ id: 'e4', source: 'worker', target: 'producer' });
    expect(errorAt(doc, 'edges[3]').message).toBe('a consumer cannot connect to a producer; a consumer can connect to: exchange, queue, consumer, filter, router, requester, aggregator');
  });

  it('a second dead-letter edge from a queue', () => {
    const doc = validDoc();
    doc.nodes.push({ id: 'dlq', kind: 'queue' });
    doc.edges.push({ id: 'dl1', source: 'queue', target: 'orders' }, { id: 'dl2', source: 'queue', target: 'dlq' });
    expect(errorAt(doc, 'edges[4]').message).toBe('queue "queue" may have at most 1 dead-letter edge');
  });

  it('an edge from a node to itself', () => {
    const doc = validDoc();
    doc.edges.push({ id: 'loop', source: 'queue', target: 'queue' });
    expect(errorAt(doc, 'edges[3]').message).toBe('a node cannot connect to itself ("queue")');
  });

  it('a binding key on an edge that is not a binding', () => {
    const doc = validDoc();
    doc.edges[2]!.config = { bindingKey: 'x' };
    expect(errorAt(doc, 'edges[2].config.bindingKey').message).toBe('a binding key belongs on a binding: an edge from an exchange to a queue, or to an exchange with role bind');
  });

  it('a second output from a producer', () => {
    const doc = validDoc();
    doc.edges.push({ id: 'e4', source: 'producer', target: 'queue' });
    expect(errorAt(doc, 'edges[3]').message).toBe('producer "producer" may have at most 1 outgoing edge');
  });
});

describe('parseScenario reports every problem at once', () => {
  it('node errors and edge errors together', () => {
    const doc = validDoc();
    doc.nodes[3] = { id: 'worker', kind: 'consumer', config: { prefetch: -2 } };
    doc.nodes.push({ id: 'x', kind: 'cluster' });
    doc.edges[0]!.target = 'worker';
    doc.edges.push({ id: 'e4', source: 'queue', target: 'nowhere' });
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['nodes[3].config.prefetch', 'nodes[4].kind', 'edges[0]', 'edges[3].target']));
    expect(paths).toHaveLength(4);
  });

  it('without repeating an error found twice', () => {
    const doc = validDoc();
    doc.nodes.push({ id: 'queue', kind: 'queue' });
    const errors = errorsOf(doc);
    expect(errors.map(formatError)).toEqual(['nodes[4].id: duplicate node id "queue"']);
  });
});

describe('parseScenario checks the version', () => {
  it('refuses a missing version', () => {
    const { version: _v, ...doc } = validDoc();
    const error = errorAt(doc, 'version');
    expect(error.code).toBe('missing');
    expect(error.message).toBe('is required: the scenario format version (this Brokerlab reads versions 1 to 3)');
  });

  it('refuses a newer version and says to update', () => {
    expect(errorAt({ ...validDoc(), version: 4 }, 'version').message)
      .toBe('version 4 is newer than this Brokerlab understands (up to 3); update Brokerlab to open it');
  });

  it.each([[1.5, '1.5'], ['2', '"2"'], [0, '0'], [-1, '-1']])('refuses version %j', (version, shown) => {
    const error = errorAt({ ...validDoc(), version }, 'version');
    expect(error.code).toBe('bad_version');
    expect(error.message).toBe(`must be a whole number from 1 to 3, got ${shown}`);
  });

  it.each([[null], [[]], ['scenario'], [42]])('refuses a document that is not an object: %j', (input) => {
    expect(errorsOf(input)).toEqual([{ code: 'invalid_type', path: '', message: 'a scenario must be a JSON object' }]);
  });
});

describe('parseScenarioText', () => {
  it('reports a JSON syntax error as an error value', () => {
    const result = parseScenarioText('{ "version": 2, ');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.code).toBe('invalid_json');
      expect(result.errors[0]!.message).toMatch(/^not valid JSON: /);
    }
  });

  it('parses the same document as parseScenario', () => {
    const doc = validDoc();
    expect(parseScenarioText(JSON.stringify(doc))).toEqual(parseScenario(doc));
  });
});

describe('limits on what is reported', () => {
  it('caps the error list and says how many more there were', () => {
    const doc = validDoc();
    doc.edges = Array.from({ length: 300 }, (_, i) => ({ id: `x${i}`, source: 'nowhere', target: 'worker' }));
    const result = parseScenario(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(101);
    expect(result.errors[100]).toEqual({ code: 'too_many_errors', path: '', message: '…and 200 more errors' });
  });

  it('accepts a $schema pointer for editors and ignores it', () => {
    const doc = { ...validDoc(), $schema: './scenario.schema.json' };
    const result = parseScenario(doc);
    expect(result.ok).toBe(true);
  });
});

describe('parseScenario refuses subscriptions a broker does not have', () => {
  const sqsDoc = (consumer: Record<string, unknown>, extra: Record<string, unknown>[] = [], edges: Record<string, unknown>[] = []) => ({
    version: 3,
    nodes: [{ id: 'q', kind: 'queue', config: { flavor: 'sqs' } }, { id: 'c', kind: 'consumer', config: consumer }, ...extra],
    edges: [{ id: 'e', source: 'q', target: 'c' }, ...edges],
  });
  const messages = (doc: unknown) => { const r = parseScenario(doc); return r.ok ? [] : r.errors.map(formatError); };

  it('a push consumer on an SQS queue (A2.1: SQS is polled)', () => {
    expect(messages(sqsDoc({}))).toEqual(['edges[0]: SQS queues are polled: set consumer "c" to pull delivery (semantics.md A2.1)']);
  });

  it('a requester on an SQS reply queue: it takes replies pushed to it, so the message names the requester and the way out', () => {
    const doc = {
      version: 3,
      nodes: [{ id: 'replies', kind: 'queue', config: { flavor: 'sqs' } }, { id: 'client', kind: 'requester', config: { replyTo: 'replies' } }],
      edges: [{ id: 'e', source: 'replies', target: 'client' }],
    };
    expect(messages(doc)).toEqual(['edges[0]: SQS queues are polled and requester "client" takes its replies pushed to it: make "replies" a classic or quorum queue (semantics.md A2.1)']);
  });

  it('an auto-ack consumer on an SQS queue', () => {
    expect(messages(sqsDoc({ delivery: 'pull', ackMode: 'auto' }))).toEqual(['edges[0]: SQS has no auto-ack: consumer "c" must delete each message after processing (ackMode manual, A2.1)']);
  });

  it('long polling on a RabbitMQ queue (basic.get does not wait)', () => {
    const doc = { version: 3, nodes: [{ id: 'q', kind: 'queue' }, { id: 'c', kind: 'consumer', config: { delivery: 'pull', waitTimeMs: 1000 } }], edges: [{ id: 'e', source: 'q', target: 'c' }] };
    expect(messages(doc)[0]).toMatch(/^edges\[0\]: basic.get does not wait/);
  });

  it('an SQS redrive to anything but an SQS queue (A2.2)', () => {
    const doc = sqsDoc({ delivery: 'pull' }, [{ id: 'dlq', kind: 'queue' }], [{ id: 'd', source: 'q', target: 'dlq' }]);
    expect(messages(doc)).toEqual(['edges[1]: an SQS dead-letter queue must be an SQS queue too (semantics.md A2.2)']);
  });

  it('an SQS redrive between a FIFO and a standard queue, either way (A2.2: the same type)', () => {
    const fifo = { flavor: 'sqs', fifo: { contentBasedDeduplication: true } };
    const redrive = (source: Record<string, unknown>, dlq: Record<string, unknown>) => messages({
      version: 3,
      nodes: [{ id: 'q', kind: 'queue', config: { ...source, maxReceiveCount: 3 } }, { id: 'dlq', kind: 'queue', config: dlq }],
      edges: [{ id: 'd', source: 'q', target: 'dlq' }],
    });
    expect(redrive(fifo, { flavor: 'sqs' })).toEqual(['edges[0]: the dead-letter queue of a FIFO queue must be a FIFO queue too: "dlq" is standard (semantics.md A2.2)']);
    expect(redrive({ flavor: 'sqs' }, fifo)).toEqual(['edges[0]: the dead-letter queue of a standard queue must be a standard queue too: "dlq" is FIFO (semantics.md A2.2)']);
    expect(redrive(fifo, fifo)).toEqual([]);
    expect(redrive({ flavor: 'sqs' }, { flavor: 'sqs' })).toEqual([]);
  });
});
