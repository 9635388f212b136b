import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

const script = (msgs: Record<string, unknown>[], config: Record<string, unknown> = {}) => ({
  id: 'p', kind: 'producer' as const, config: { arrival: { type: 'script' as const, messages: msgs.map((m, i) => ({ atMs: i + 1, ...m })) }, ...config },
});

describe('A1.3 headers exchange', () => {
  it('routes by binding arguments with all / any / any-with-x, ignoring the routing key', () => {
    const s = scenarioOf([
      script([
        { routingKey: 'ignored', headers: { format: 'pdf', type: 'report' } },
        { headers: { format: 'pdf' } },
        { headers: { 'x-tier': 'gold' } },
        { headers: {} },
      ]),
      { id: 'x', kind: 'exchange', config: { type: 'headers' } },
      { id: 'all', kind: 'queue' }, { id: 'any', kind: 'queue' }, { id: 'anyx', kind: 'queue' }, { id: 'empty', kind: 'queue' },
    ], ['p>x',
      { id: 'b1', source: 'x', target: 'all', config: { xMatch: 'all', bindingArgs: { format: 'pdf', type: 'report' } } },
      { id: 'b2', source: 'x', target: 'any', config: { xMatch: 'any', bindingArgs: { format: 'pdf', 'x-tier': 'gold' } } },
      { id: 'b3', source: 'x', target: 'anyx', config: { xMatch: 'any-with-x', bindingArgs: { 'x-tier': 'gold' } } },
      { id: 'b4', source: 'x', target: 'empty', config: { bindingArgs: {} } }]);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const n = sim.snapshot().nodes;
    expect([n.all!.in, n.any!.in, n.anyx!.in, n.empty!.in]).toEqual([1, 2, 1, 4]);
  });
});

describe('A2.5 subscription filter policies on a topic', () => {
  it('delivers to a subscription only what its policy accepts; one without a policy gets everything', () => {
    const s = scenarioOf([
      script([
        { headers: { store: 'example_corp', price: 50 } },
        { headers: { store: 'other', price: 50 } },
        { headers: { store: 'example_corp', price: 500 } },
      ]),
      { id: 'topic', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'cheap', kind: 'queue' }, { id: 'corp', kind: 'queue' }, { id: 'all', kind: 'queue' },
    ], ['p>topic',
      { id: 's1', source: 'topic', target: 'cheap', config: { filterPolicy: { price: [{ numeric: ['<', 100] }] } } },
      { id: 's2', source: 'topic', target: 'corp', config: { filterPolicy: { store: [{ prefix: 'example' }] } } },
      { id: 's3', source: 'topic', target: 'all' }]);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const n = sim.snapshot().nodes;
    expect([n.cheap!.in, n.corp!.in, n.all!.in]).toEqual([2, 2, 3]);
  });

  it('counts a message every subscription filtered out as filtered', () => {
    const s = scenarioOf([
      script([{ headers: { kind: 'b' } }]), { id: 'topic', kind: 'exchange', config: { type: 'fanout' } }, { id: 'q', kind: 'queue' },
    ], ['p>topic', { id: 's', source: 'topic', target: 'q', config: { filterPolicy: { kind: ['a'] } } }]);
    const sim = createSimulation(s);
    sim.runUntil(100);
    expect(sim.snapshot().messages.droppedByReason).toEqual({ filtered: 1 });
  });
});

describe('A1.1.7 unroutable messages', () => {
  it('go to the alternate exchange when there is one', () => {
    const s = scenarioOf([
      script([{ routingKey: 'known' }, { routingKey: 'unknown' }]),
      { id: 'x', kind: 'exchange', config: { type: 'direct' } }, { id: 'ae', kind: 'exchange', config: { type: 'fanout' } },
      { id: 'q', kind: 'queue' }, { id: 'unrouted', kind: 'queue' },
    ], ['p>x', 'x>q:known', 'x>ae', 'ae>unrouted']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect([snap.nodes.q!.in, snap.nodes.unrouted!.in]).toEqual([1, 1]);
    expect(snap.nodes.x!.toAlternate).toBe(1);
  });

  it('are returned to a mandatory publisher, and confirmed after the return', () => {
    const s = scenarioOf([
      script([{ routingKey: 'unknown' }], { mandatory: true, confirms: { window: 10 } }),
      { id: 'x', kind: 'exchange', config: { type: 'direct' } },
    ], ['p>x']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.messages.droppedByReason).toEqual({ returned: 1 });
    expect(snap.nodes.p).toMatchObject({ confirmed: 1 });
  });
});

describe('A1.1.7 mandatory with an alternate exchange', () => {
  // A1.1.7: only a message with nowhere to go is returned: one the alternate exchange routes is not;
  // one the alternate exchange cannot route either is returned to a mandatory publisher.
  for (const [aeBinding, returned, queued] of [['unknown', 0, 1], ['other', 1, 0]] as const) {
    it(`an alternate exchange bound by "${aeBinding}": ${returned ? 'returned' : 'routed, not returned'}`, () => {
      const s = scenarioOf([
        script([{ routingKey: 'unknown' }], { mandatory: true, confirms: { window: 10 } }),
        { id: 'x', kind: 'exchange', config: { type: 'direct' } }, { id: 'ae', kind: 'exchange', config: { type: 'direct' } },
        { id: 'q', kind: 'queue' },
      ], ['p>x', 'x>ae', `ae>q:${aeBinding}`]);
      const sim = createSimulation(s);
      sim.runUntil(100);
      const snap = sim.snapshot();
      expect(snap.messages.droppedByReason.returned ?? 0).toBe(returned);
      expect(snap.nodes.q!.ready).toBe(queued);
      expect(snap.nodes.p).toMatchObject({ confirmed: 1, nacked: 0 });
    });
  }
});

describe('EIP Message Filter and Content-Based Router / Recipient List (A4)', () => {
  const msgs = [
    { headers: { type: 'order', amount: 5 } },
    { headers: { type: 'order', amount: 500 } },
    { headers: { type: 'refund' } },
    { headers: {} },
  ];

  it('a filter passes matching messages, drops the rest, or sends them to its invalid channel', () => {
    for (const withInvalid of [false, true]) {
      const s = scenarioOf([
        script(msgs), { id: 'f', kind: 'filter', config: { policy: { type: ['order'] } } }, { id: 'ok', kind: 'queue' },
        ...(withInvalid ? [{ id: 'bad', kind: 'queue' as const }] : []),
      ], ['p>f', 'f>ok', ...(withInvalid ? [{ id: 'inv', source: 'f', target: 'bad', config: { channel: 'invalid' as const } }] : [])]);
      const sim = createSimulation(s);
      sim.runUntil(100);
      const snap = sim.snapshot();
      expect(snap.nodes.ok!.in).toBe(2);
      if (withInvalid) expect(snap.nodes.bad!.in).toBe(2);
      else expect(snap.messages.droppedByReason).toEqual({ filtered: 2 });
    }
  });

  it('a content-based router sends each message by its first matching rule, else to otherwise', () => {
    const s = scenarioOf([
      script(msgs),
      { id: 'r', kind: 'router', config: { mode: 'first', rules: [
        { when: { amount: [{ numeric: ['>=', 100] }] }, to: ['big'] },
        { when: { type: ['order'] }, to: ['orders'] },
      ], otherwise: ['rest'] } },
      { id: 'big', kind: 'queue' }, { id: 'orders', kind: 'queue' }, { id: 'rest', kind: 'queue' },
    ], ['p>r', 'r>big', 'r>orders', 'r>rest']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const n = sim.snapshot().nodes;
    expect([n.big!.in, n.orders!.in, n.rest!.in]).toEqual([1, 1, 2]);
  });

  it('a recipient list sends a copy to every target of every matching rule, one per target', () => {
    const s = scenarioOf([
      script(msgs),
      { id: 'r', kind: 'router', config: { mode: 'all', rules: [
        { when: { amount: [{ numeric: ['>=', 100] }] }, to: ['big', 'audit'] },
        { when: { type: ['order'] }, to: ['orders', 'audit'] },
      ] } },
      { id: 'big', kind: 'queue' }, { id: 'orders', kind: 'queue' }, { id: 'audit', kind: 'queue' },
    ], ['p>r', 'r>big', 'r>orders', 'r>audit']);
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect([snap.nodes.big!.in, snap.nodes.orders!.in, snap.nodes.audit!.in]).toEqual([1, 2, 2]);
    expect(snap.messages.droppedByReason).toEqual({ unroutable: 2 });
    expect(snap.messages.routedCopies).toBe(3); // 2 targets for the first order, 3 for the second
  });
});
