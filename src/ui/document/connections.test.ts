import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../schema';
import { emptyScenario } from './defaultScenario';
import { getScenario, useDocumentStore } from './documentStore';
import { switchQueueFlavor } from './queueFlavor';

const store = () => useDocumentStore.getState();
const add = (kind: Parameters<ReturnType<typeof store>['addNode']>[0]) => store().addNode(kind, { x: 0, y: 0 });

beforeEach(() => {
  store().replaceScenario(emptyScenario(), { resetHistory: true });
});

describe('filter channels', () => {
  it('an edge from the invalid handle carries channel invalid; pass and invalid each allow one edge', () => {
    const filter = add('filter');
    const good = add('queue');
    const bad = add('queue');
    const third = add('queue');
    expect(store().connect(filter, good).ok).toBe(true);
    expect(store().connect(filter, bad, { channel: 'invalid' }).ok).toBe(true);
    const edges = getScenario().edges;
    expect(edges.map((e) => e.config.channel)).toEqual([undefined, 'invalid']);
    expect(store().connect(filter, third)).toEqual({ ok: false, reason: 'filter "filter-1" may have at most 1 outgoing edge; remove its edge first' });
    expect(store().connect(filter, third, { channel: 'invalid' })).toEqual({ ok: false, reason: 'filter "filter-1" may have at most 1 invalid-message edge; remove its edge first' });
    expect(parseScenario(getScenario()).ok).toBe(true);
  });

  it('the same target on the pass and the invalid channel are two different edges', () => {
    const filter = add('filter');
    const q = add('queue');
    expect(store().connect(filter, q).ok).toBe(true);
    expect(store().connect(filter, q, { channel: 'invalid' }).ok).toBe(true);
    expect(store().connect(filter, q, { channel: 'invalid' }).ok).toBe(false);
  });

  it('only a filter has an invalid channel', () => {
    const p = add('producer');
    const q = add('queue');
    expect(store().connect(p, q, { channel: 'invalid' })).toEqual({ ok: false, reason: 'only a filter has an invalid-message channel' });
  });
});

describe('outputs are limited per role', () => {
  it('a queue has many subscriptions but one dead-letter target', () => {
    const q = add('queue');
    const c1 = add('consumer');
    const c2 = add('consumer');
    const dlq = add('queue');
    const dlx = add('exchange');
    expect(store().connect(q, c1).ok).toBe(true);
    expect(store().connect(q, c2).ok).toBe(true);
    expect(store().connect(q, dlq).ok).toBe(true);
    expect(store().connect(q, dlx)).toEqual({ ok: false, reason: 'queue "queue-1" may have at most 1 dead-letter edge; remove its edge first' });
  });

  it('an exchange binds any number of queues, pushes to consumers, and has one alternate exchange', () => {
    const x = add('exchange');
    const q1 = add('queue');
    const q2 = add('queue');
    const c = add('consumer');
    const ae = add('exchange');
    const ae2 = add('exchange');
    for (const target of [q1, q2, c, ae]) expect(store().connect(x, target).ok).toBe(true);
    // Its first edge to an exchange is the alternate; with that taken, the next is an exchange-to-exchange binding (A1.1.6).
    const second = store().connect(x, ae2);
    const configOf = (id: string) => getScenario().edges.find((e) => e.id === id)!.config;
    expect(second.ok && configOf(second.edgeId)).toEqual({ delayMs: 0, role: 'bind' });
    expect(getScenario().edges.filter((e) => e.source === x && e.config.role === undefined && (e.target === ae || e.target === ae2))).toHaveLength(1);
    // Another binding to the same exchange is the same connection; the alternate exchange may be bound as well.
    expect(store().connect(x, ae2)).toEqual({ ok: false, reason: `the same connection from "${x}" to "${ae2}" already exists` });
    expect(store().connect(x, ae).ok).toBe(true);
  });

  it('a consumer publishes on to one place only', () => {
    const c = add('consumer');
    const x = add('exchange');
    const q = add('queue');
    expect(store().connect(c, x).ok).toBe(true);
    expect(store().connect(c, q).ok).toBe(false);
  });
});

describe('router targets', () => {
  it('a router connects to many targets and its rules may name only connected ones', () => {
    const r = add('router');
    const a = add('queue');
    const b = add('queue');
    const other = add('queue');
    expect(store().connect(r, a).ok).toBe(true);
    expect(store().connect(r, b).ok).toBe(true);
    const ok = store().updateNodeConfig(r, { mode: 'all', rules: [{ when: { region: ['eu'] }, to: [a, b] }], otherwise: [b] });
    expect(ok).toEqual({ ok: true });
    const refused = store().updateNodeConfig(r, { mode: 'first', rules: [{ when: {}, to: [other] }], otherwise: [] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]).toMatchObject({ path: 'nodes[0].config.rules[0].to[0]', message: expect.stringContaining('is not connected to this router') });
  });

  it('deleting a target edge or node takes it out of the rules; a rule left with no target goes', () => {
    const r = add('router');
    const a = add('queue');
    const b = add('queue');
    store().connect(r, a);
    store().connect(r, b);
    store().updateNodeConfig(r, { mode: 'all', rules: [{ when: {}, to: [a, b] }, { when: { k: ['v'] }, to: [b] }], otherwise: [b] });
    store().removeElements([], ['router-1-to-queue-2']);
    const router = getScenario().nodes[0]!;
    expect(router.kind === 'router' && router.config).toMatchObject({ rules: [{ when: {}, to: [a] }], otherwise: [] });
    store().removeElements([a], []);
    expect(router.kind === 'router' && (getScenario().nodes[0] as typeof router).config.rules).toEqual([]);
  });

  it('deleting an SQS queue\'s dead-letter edge drops its redrive policy', () => {
    const q = add('queue');
    const dlq = add('queue');
    store().connect(q, dlq);
    expect(store().updateNodeConfig(dlq, { flavor: 'sqs' })).toEqual({ ok: true }); // A2.2: an SQS DLQ is an SQS queue
    expect(store().updateNodeConfig(q, { flavor: 'sqs', maxReceiveCount: 3 })).toEqual({ ok: true });
    store().removeElements([dlq], []);
    expect(getScenario().nodes[0]).toMatchObject({ id: q, config: { flavor: 'sqs' } });
    expect((getScenario().nodes[0]!.config as { maxReceiveCount?: number }).maxReceiveCount).toBeUndefined();
  });
});

describe('queue flavor', () => {
  it('switching to SQS makes its consumers pull with manual ack and drops RabbitMQ-only fields, in one step', () => {
    const q = add('queue');
    const c = add('consumer');
    store().connect(q, c);
    store().updateNodeConfig(q, { flavor: 'quorum', deliveryLimit: 3, messageTtlMs: 1000 });
    store().updateNodeConfig(c, { ...getScenario().nodes[1]!.config, ackMode: 'auto' });
    expect(switchQueueFlavor(q, 'sqs')).toEqual({ ok: true });
    expect(getScenario().nodes[0]!.config).toEqual({ flavor: 'sqs' });
    expect(getScenario().nodes[1]!.config).toMatchObject({ delivery: 'pull', ackMode: 'manual' });
    store().updateNodeConfig(c, { ...getScenario().nodes[1]!.config, waitTimeMs: 5000 });
    expect(switchQueueFlavor(q, 'classic')).toEqual({ ok: true });
    expect(getScenario().nodes[1]!.config).toMatchObject({ delivery: 'pull', waitTimeMs: 0 });
  });

  it('an SQS redrive to a classic queue is still refused, with the reason', () => {
    const q = add('queue');
    const dlq = add('queue');
    store().connect(q, dlq);
    const result = switchQueueFlavor(q, 'sqs');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toContain('an SQS dead-letter queue must be an SQS queue too');
  });
});
