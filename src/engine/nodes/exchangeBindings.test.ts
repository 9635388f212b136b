import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { expectBalanced, scenarioOf, scriptedProducer, type EdgeInput, type NodeInput } from '../testSupport';

type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';
const exchange = (id: string, type: ExchangeType, extra: Record<string, unknown> = {}): NodeInput => ({ id, kind: 'exchange', config: { type, ...extra } });
const queue = (id: string): NodeInput => ({ id, kind: 'queue' });
/** An exchange-to-exchange binding (A1.1.6): `from>to` or `from>to:key`. */
const e2e = (spec: string): EdgeInput => {
  const [pair, bindingKey] = spec.split(':');
  const [source, target] = pair!.split('>');
  return { id: `b-${source}-${target}-${(bindingKey ?? '').replace(/[^\w.-]/g, '_')}`, source: source!, target: target!, config: { role: 'bind', ...(bindingKey === undefined ? {} : { bindingKey }) } };
};

function run(nodes: NodeInput[], edges: (string | EdgeInput)[], extra = {}) {
  const sim = createSimulation(scenarioOf(nodes, edges, { durationMs: 1000, ...extra }));
  const result = sim.runUntil(1000);
  expect(result.error).toBeUndefined();
  const snap = sim.snapshot();
  expectBalanced(snap);
  const counts = new Float64Array(sim.edgeIds.length);
  sim.writeEdgeTraffic(counts);
  const traffic = Object.fromEntries(sim.edgeIds.map((id, i) => [id, counts[i]!]));
  return { ...snap, traffic };
}

describe('A1.1.6 exchange-to-exchange bindings route once, over the combined set of bindings', () => {
  it('topic → fanout: the messages the key matches reach every queue of the fanout, the others are unroutable', () => {
    const snap = run(
      [scriptedProducer('p', ['order.created', 'user.created', 'order.paid']), exchange('events', 'topic'), exchange('orders', 'fanout'),
        queue('billing'), queue('shipping'), queue('audit')],
      ['p>events', e2e('events>orders:order.*'), 'orders>billing', 'orders>shipping', 'orders>audit'],
    );
    for (const q of ['billing', 'shipping', 'audit']) expect(snap.nodes[q]!.in).toBe(2);
    expect(snap.nodes.events).toMatchObject({ in: 3, out: 2, droppedByReason: { unroutable: 1 } });
    // The intermediate exchange counts what reached it and what it routed: the canvas's figures and moving copies follow.
    expect(snap.nodes.orders).toMatchObject({ in: 2, out: 6, dropped: 0 });
    expect(snap.messages).toMatchObject({ published: 3, routedCopies: 4, queued: 6 });
  });

  it('A1.1.5: a queue reached along several exchange paths gets one copy', () => {
    // q is bound to x straight, and through a and through b: RabbitMQ delivers it once.
    const snap = run(
      [scriptedProducer('p', ['k', 'k']), exchange('x', 'fanout'), exchange('a', 'fanout'), exchange('b', 'fanout'), queue('q'), queue('qa')],
      ['p>x', 'x>q', e2e('x>a'), e2e('x>b'), 'a>q', 'b>q', 'a>qa'],
    );
    expect(snap.nodes.q!.in).toBe(2);
    expect(snap.nodes.qa!.in).toBe(2);
    expect(snap.messages.routedCopies).toBe(2);
    expect(snap.traffic).toMatchObject({ e1: 2, 'b-x-a-': 2, 'b-x-b-': 0, e4: 0, e5: 0, e6: 2 });
    // b leads to no queue the pass has not reached already: nothing is sent to it.
    expect(snap.nodes.b).toMatchObject({ in: 0, out: 0 });
    expect(snap.nodes.a).toMatchObject({ in: 2, out: 2 });
  });

  it('the path a copy takes is the shortest: a queue bound straight to the exchange published to gets it from there', () => {
    const snap = run([scriptedProducer('p', ['k']), exchange('x', 'fanout'), exchange('a', 'fanout'), queue('q')],
      ['p>x', e2e('x>a'), 'a>q', 'x>q']);
    expect(snap.nodes.q!.in).toBe(1);
    expect(snap.nodes.a!.in).toBe(0);
    expect(snap.traffic).toMatchObject({ e3: 1, 'b-x-a-': 0, e2: 0 });
  });

  it('a cycle of e2e bindings ends: each exchange is visited once', () => {
    const snap = run(
      [scriptedProducer('p', ['k', 'k', 'k']), exchange('a', 'fanout'), exchange('b', 'fanout'), exchange('c', 'fanout'), queue('qa'), queue('qb'), queue('qc')],
      ['p>a', e2e('a>b'), e2e('b>c'), e2e('c>a'), e2e('b>a'), 'a>qa', 'b>qb', 'c>qc'],
    );
    for (const q of ['qa', 'qb', 'qc']) expect(snap.nodes[q]!.in).toBe(3);
    expect(snap.messages).toMatchObject({ produced: 9, dropped: 0 });
  });

  it('a direct e2e binding matches on its key, and the second exchange routes the same routing key', () => {
    const snap = run(
      [scriptedProducer('p', ['eu', 'us', 'asia']), exchange('x', 'direct'), exchange('y', 'direct'), queue('eu'), queue('us')],
      ['p>x', e2e('x>y:eu'), e2e('x>y:us'), 'y>eu:eu', 'y>us:us'],
    );
    expect([snap.nodes.eu!.in, snap.nodes.us!.in]).toEqual([1, 1]);
    expect(snap.messages.droppedByReason.unroutable).toBe(1);
  });

  it('a headers e2e binding matches on its arguments', () => {
    const snap = run(
      [{ id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, headers: { region: 'eu' } }, { atMs: 2, headers: { region: 'us' } }] } } },
        exchange('h', 'headers'), exchange('f', 'fanout'), queue('q')],
      ['p>h', { id: 'hf', source: 'h', target: 'f', config: { role: 'bind', bindingArgs: { region: 'eu' } } }, 'f>q'],
    );
    expect(snap.nodes.q!.in).toBe(1);
  });
});

describe('A1.1.7 over e2e bindings: unroutable only when the whole pass reached no queue', () => {
  const nodes = (extra: NodeInput[] = [], p = scriptedProducer('p', ['k', 'k'])) =>
    [p, exchange('x', 'direct'), exchange('y', 'direct'), queue('q'), ...extra];

  it('dropped once, at the exchange published to, when the exchange bound to matches nothing', () => {
    const snap = run(nodes(), ['p>x', e2e('x>y:k'), 'y>q:other']);
    expect(snap.nodes.x).toMatchObject({ in: 2, out: 0, droppedByReason: { unroutable: 2 } });
    expect(snap.nodes.y).toMatchObject({ in: 0, dropped: 0 });
    expect(snap.messages).toMatchObject({ produced: 2, dropped: 2 });
  });

  it('mandatory: returned to the publisher', () => {
    const p: NodeInput = { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'k' }] }, mandatory: true } };
    const snap = run(nodes([], p), ['p>x', e2e('x>y:k'), 'y>q:other']);
    expect(snap.nodes.x!.droppedByReason).toMatchObject({ returned: 1, unroutable: 0 });
  });

  it('one path reaching a queue is enough: no drop for the path that reached none', () => {
    const snap = run([...nodes([exchange('z', 'fanout'), queue('qz')])], ['p>x', e2e('x>y:k'), 'y>q:other', e2e('x>z:k'), 'z>qz']);
    expect(snap.nodes.qz!.in).toBe(2);
    expect(snap.messages.dropped).toBe(0);
  });

  it('an exchange of the pass whose bindings match nothing offers its alternate exchange (RMQ-SRC process_alternate)', () => {
    const snap = run(nodes([exchange('ae', 'fanout'), queue('unrouted')]), ['p>x', e2e('x>y:k'), 'y>q:other', 'y>ae', 'ae>unrouted']);
    expect(snap.nodes.unrouted!.in).toBe(2);
    expect(snap.nodes.y).toMatchObject({ in: 2, toAlternate: 2 });
    expect(snap.messages.dropped).toBe(0);
  });

  it("the exchange published to keeps its alternate for when its own bindings match nothing, not for an empty pass", () => {
    const edges = ['p>x', e2e('x>y:k'), 'y>q:other', 'x>ae', 'ae>unrouted'];
    const snap = run(nodes([exchange('ae', 'fanout'), queue('unrouted')], scriptedProducer('p', ['k', 'nothing'])), edges);
    // 'k' matched x's binding to y: routed, found no queue, unroutable. 'nothing' matched none of x's: its alternate.
    expect(snap.nodes.unrouted!.in).toBe(1);
    expect(snap.nodes.x!.droppedByReason).toMatchObject({ unroutable: 1 });
  });
});

describe('A1.6 publisher confirms over e2e bindings', () => {
  const producer = (count: number): NodeInput => ({ id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count, persistent: true, confirms: { window: 100 } } });
  const slow = (id: string, ms: number): NodeInput => ({ id, kind: 'queue', config: { diskWriteMs: { type: 'constant', value: ms } } });

  it('confirmed once every queue of the pass has the message', () => {
    const snap = run([producer(10), exchange('x', 'fanout'), exchange('y', 'fanout'), slow('near', 1), slow('far', 9), slow('both', 2)],
      ['p>x', 'x>near', e2e('x>y'), 'y>far', 'y>both', 'x>both']);
    expect(snap.nodes.p).toMatchObject({ confirmed: 10, nacked: 0, unconfirmed: 0, confirmMs: { mean: 9 } });
    expect(snap.nodes.both!.in).toBe(10);
  });

  it('confirmed at once when the pass reaches no queue', () => {
    const snap = run([producer(5), exchange('x', 'fanout'), exchange('y', 'direct'), slow('q', 5)], ['p>x', e2e('x>y'), 'y>q:never']);
    expect(snap.nodes.p).toMatchObject({ confirmed: 5, confirmMs: { max: 0 } });
  });
});

describe('a down exchange in a pass over e2e bindings', () => {
  it('routes nothing: the queues it alone leads to miss the message, the others get it', () => {
    const snap = run(
      [scriptedProducer('p', ['k', 'k', 'k']), { id: 'b1', kind: 'broker' }, exchange('x', 'fanout'), exchange('y', 'fanout', { broker: 'b1' }), queue('qx'), queue('qy')],
      ['p>x', 'x>qx', e2e('x>y'), 'y>qy'],
      { faults: [{ type: 'crash', target: 'b1', atMs: 0 }] },
    );
    expect([snap.nodes.qx!.in, snap.nodes.qy!.in]).toEqual([3, 0]);
    expect(snap.messages.dropped).toBe(0);
  });
});

describe('an e2e binding is inside one broker', () => {
  it('a live link fault on it is refused, as the document refuses one', () => {
    const sim = createSimulation(scenarioOf([scriptedProducer('p', ['k']), exchange('x', 'fanout'), exchange('y', 'fanout'), queue('q')],
      ['p>x', e2e('x>y'), 'y>q', 'x>q']));
    const refused = sim.injectFault({ type: 'partition', target: 'b-x-y-', atMs: 0 });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('exchange-to-exchange binding') } });
    expect(sim.injectFault({ type: 'partition', target: 'e3', atMs: 0 }).ok).toBe(true);
  });
});
