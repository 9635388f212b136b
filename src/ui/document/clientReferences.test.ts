import { beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../../schema';
import { emptyScenario } from './defaultScenario';
import { takeFragment } from './fragment';
import { getScenario, useDocumentStore } from './documentStore';
import { switchQueueFlavor } from './queueFlavor';

const store = () => useDocumentStore.getState();
const add = (kind: Parameters<ReturnType<typeof store>['addNode']>[0]) => store().addNode(kind, { x: 0, y: 0 });
const node = (id: string) => getScenario().nodes.find((n) => n.id === id)!;

beforeEach(() => {
  store().replaceScenario(emptyScenario(), { resetHistory: true });
});

describe('request-reply connections (A4)', () => {
  it('requester → queue publishes, queue → consumer subscribes, consumer → requester replies; one output per requester', () => {
    const req = add('requester');
    const q = add('queue');
    const c = add('consumer');
    const svc = add('consumer');
    for (const [s, t] of [[req, q], [q, c], [c, req]] as const) expect(store().connect(s, t)).toMatchObject({ ok: true });
    expect(parseScenario(getScenario()).ok).toBe(true);
    const oneWay = 'requester "requester-1" sends its requests along one output, a publish or a call; remove its edge first';
    expect(store().connect(req, svc)).toEqual({ ok: false, reason: oneWay });
    expect(store().connect(req, add('queue'))).toEqual({ ok: false, reason: oneWay });
    store().removeElements([], [`${req}-to-${q}`]);
    expect(store().connect(req, svc)).toMatchObject({ ok: true }); // a direct call instead
    expect(store().connect(svc, add('consumer'))).toMatchObject({ ok: true }); // and the service calls on
  });

  it('an aggregator takes replies and sends one aggregate on', () => {
    const c = add('consumer');
    const agg = add('aggregator');
    const req = add('requester');
    const q = add('queue');
    expect(store().connect(c, agg)).toMatchObject({ ok: true });
    expect(store().connect(agg, req)).toMatchObject({ ok: true });
    expect(store().connect(agg, q)).toMatchObject({ ok: true });
    expect(store().connect(agg, add('queue'))).toEqual({ ok: false, reason: 'aggregator "aggregator-1" may have at most 1 outgoing edge; remove its edge first' });
  });
});

describe('removing a node forgets it in Return Addresses and permissions', () => {
  it('a requester whose reply target goes replies to itself again', () => {
    const req = add('requester');
    const agg = add('aggregator');
    expect(store().updateNodeConfig(req, { ...node(req).config, replyTo: agg })).toEqual({ ok: true });
    store().removeElements([agg], []);
    expect(node(req).config).toMatchObject({ replyTo: null });
  });

  it('a reply queue that no longer feeds the requester stops being its Return Address', () => {
    const req = add('requester');
    const replies = add('queue');
    store().connect(replies, req);
    expect(store().updateNodeConfig(req, { ...node(req).config, replyTo: replies })).toEqual({ ok: true });
    store().removeElements([], [`${replies}-to-${req}`]);
    expect(node(req).config).toMatchObject({ replyTo: null });
  });

  it('a consumer whose call edge goes stops making synchronous calls', () => {
    const c = add('consumer');
    const svc = add('consumer');
    store().connect(c, svc);
    expect(store().updateNodeConfig(c, { ...node(c).config, call: { timeoutMs: 500 } })).toEqual({ ok: true });
    store().removeElements([svc], []);
    expect(node(c).config).toMatchObject({ call: null });
  });

  it('a removed client leaves the permission lists; null (everyone) stays null', () => {
    const p = add('producer');
    const c = add('consumer');
    const q = add('queue');
    const x = add('exchange');
    expect(store().updateNodeConfig(q, { flavor: 'sqs', permissions: { publish: [p, c], consume: null } })).toEqual({ ok: true });
    expect(store().updateNodeConfig(x, { ...node(x).config, permissions: { publish: [p] } })).toEqual({ ok: true });
    store().removeElements([p], []);
    expect(node(q).config).toMatchObject({ permissions: { publish: [c], consume: null } });
    expect(node(x).config).toMatchObject({ permissions: { publish: [] } });
  });
});

describe('queue flavor and the new options', () => {
  it('permissions survive a flavor switch; FIFO is kept on SQS and dropped on leaving it (A2.3)', () => {
    const q = add('queue');
    const c = add('consumer');
    expect(store().updateNodeConfig(q, { flavor: 'classic', permissions: { publish: null, consume: [c] } })).toEqual({ ok: true });
    expect(switchQueueFlavor(q, 'sqs')).toEqual({ ok: true });
    expect(node(q).config).toMatchObject({ flavor: 'sqs', permissions: { consume: [c] } });
    expect(store().updateNodeConfig(q, { ...node(q).config, fifo: { contentBasedDeduplication: true } })).toEqual({ ok: true });
    expect(switchQueueFlavor(q, 'quorum')).toEqual({ ok: true });
    expect(node(q).config).toEqual({ flavor: 'quorum', permissions: { publish: null, consume: [c] } });
  });

  it('leaving SQS drops a publish list (RabbitMQ checks publishing against the exchange) and keeps the consume list', () => {
    const p = add('producer');
    const c = add('consumer');
    const q = add('queue');
    expect(store().updateNodeConfig(q, { flavor: 'sqs', permissions: { publish: [p], consume: [c] } })).toEqual({ ok: true });
    expect(switchQueueFlavor(q, 'classic')).toEqual({ ok: true });
    expect(node(q).config).toEqual({ flavor: 'classic', permissions: { publish: null, consume: [c] } });
    expect(store().updateNodeConfig(q, { flavor: 'sqs', permissions: { publish: [p], consume: null } })).toEqual({ ok: true });
    expect(switchQueueFlavor(q, 'quorum')).toEqual({ ok: true });
    expect(node(q).config).toEqual({ flavor: 'quorum' });
  });
});

describe('copy and paste keep references valid', () => {
  it('a copied requester replies to the copied aggregator; copied permissions name the copied clients', () => {
    const req = add('requester');
    const agg = add('aggregator');
    const q = add('queue');
    expect(store().updateNodeConfig(req, { ...node(req).config, replyTo: agg })).toEqual({ ok: true });
    expect(store().updateNodeConfig(q, { flavor: 'sqs', permissions: { publish: [req], consume: null } })).toEqual({ ok: true });
    const [req2, agg2, q2] = store().paste(takeFragment(getScenario(), [req, agg, q]), { x: 40, y: 40 });
    expect(node(req2!).config).toMatchObject({ replyTo: agg2 });
    expect(node(q2!).config).toMatchObject({ permissions: { publish: [req2], consume: null } });
  });

  it('a requester copied without its reply queue replies to itself; a router copied alone loses its rules', () => {
    const req = add('requester');
    const replies = add('queue');
    store().connect(replies, req);
    expect(store().updateNodeConfig(req, { ...node(req).config, replyTo: replies })).toEqual({ ok: true });
    const [copy] = store().paste(takeFragment(getScenario(), [req]), { x: 40, y: 40 });
    expect(node(copy!).config).toMatchObject({ replyTo: null });
    const r = add('router');
    const a = add('queue');
    store().connect(r, a);
    expect(store().updateNodeConfig(r, { mode: 'first', rules: [{ when: {}, to: [a] }], otherwise: [a] })).toEqual({ ok: true });
    const [r2] = store().paste(takeFragment(getScenario(), [r]), { x: 40, y: 40 });
    expect(node(r2!).config).toMatchObject({ rules: [], otherwise: [] });
    const [r3, a3] = store().paste(takeFragment(getScenario(), [r, a]), { x: 80, y: 80 });
    expect(node(r3!).config).toMatchObject({ rules: [{ to: [a3] }], otherwise: [a3] });
  });
});
