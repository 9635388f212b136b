import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation';
import { poolOf, scenarioOf, scriptEvery, withoutPool } from './testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });

/** client → push `call` → svc: a direct call, each reply back along `call` (A4 Return Address). */
function directCall(requests: number) {
  return scenarioOf(
    [{ id: 'client', kind: 'requester', config: { arrival: scriptEvery(requests, 50), timeoutMs: 1000 } },
      { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(10) } }],
    [{ id: 'call', source: 'client', target: 'svc', config: { delayMs: 2 } }],
  );
}

describe('inspectEdge: what an edge last carried each way', () => {
  it('keeps a direct call\'s last request and last reply apart, each named for what it is', () => {
    const sim = createSimulation(directCall(3), { tracing: true });
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.client).toMatchObject({ sent: 3, answered: 3 });
    const request = sim.inspectEdge('call', 'forward')!;
    const reply = sim.inspectEdge('call', 'back')!;
    expect(request.state).toBe('last request sent along call');
    expect(request.publisher).toBe('client');
    expect(request.replyTo).toBe('client');
    expect(reply.state).toBe('last reply sent back along call');
    expect(reply.publisher).toBe('svc');
    expect(reply.id).not.toBe(request.id);
    // The last reply answers the last request (each came back before the next was sent): A4 Correlation Identifier.
    expect(reply.correlationId).toBe(request.id);
    // Forward is the default direction.
    expect(sim.inspectEdge('call')).toEqual(request);
  });

  it('a reply sent back does not replace the last request: after the reply, forward still shows the request', () => {
    const sim = createSimulation(directCall(1), { tracing: true });
    sim.runUntil(5); // the request is on its way (2 ms link), no reply yet
    const request = sim.inspectEdge('call', 'forward')!;
    expect(request.state).toBe('last request sent along call');
    expect(sim.inspectEdge('call', 'back')).toBeNull();
    sim.runUntil(1000);
    expect(sim.inspectEdge('call', 'forward')!.id).toBe(request.id);
    expect(sim.inspectEdge('call', 'back')!.correlationId).toBe(request.id);
  });

  it('an edge that sends nothing back has no reply; a message without a Return Address is no request', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: scriptEvery(2, 5) } }, { id: 'q', kind: 'queue' },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(1) } }],
      ['p>q', 'q>c'],
    );
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    expect(sim.inspectEdge('e1', 'forward')!.state).toBe('last sent along e1');
    expect(sim.inspectEdge('e1', 'back')).toBeNull();
  });

  it('keeps nothing without tracing, and knows no unknown edge', () => {
    const sim = createSimulation(directCall(2));
    sim.runUntil(1000);
    expect(sim.snapshot().nodes.client).toMatchObject({ answered: 2 });
    expect(sim.inspectEdge('call', 'forward')).toBeNull();
    expect(sim.inspectEdge('call', 'back')).toBeNull();
    expect(createSimulation(directCall(1), { tracing: true }).inspectEdge('nope', 'back')).toBeNull();
  });

  it('shows what an edge really carried last although its consumer acked it and the pool made later messages', () => {
    // Three 'a' messages go x → qa → ca, then three 'b' messages x → qb → cb. The last 'a' is acked from qa (its
    // object released to the pool) before the 'b' messages are made; qa → ca must still show it, not a 'b'.
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [1, 2, 3, 20, 21, 22].map((atMs) => ({ atMs, routingKey: atMs < 10 ? 'a' : 'b' })) } } },
      { id: 'x', kind: 'exchange', config: { type: 'direct' } },
      { id: 'qa', kind: 'queue' }, { id: 'qb', kind: 'queue' },
      { id: 'ca', kind: 'consumer', config: { serviceTimeMs: constant(1) } },
      { id: 'cb', kind: 'consumer', config: { serviceTimeMs: constant(1) } },
    ], ['p>x', 'x>qa:a', 'x>qb:b', { id: 'deliverA', source: 'qa', target: 'ca', config: {} }, 'qb>cb']);
    const sim = createSimulation(s, { tracing: true });
    const fresh = withoutPool(createSimulation(s, { tracing: true }));
    const pool = poolOf(sim), create = pool.create.bind(pool);
    let reused = 0;
    pool.create = (id, now, f) => { const before = pool.size, m = create(id, now, f); if (pool.size < before) reused++; return m; };
    sim.runUntil(100);
    fresh.runUntil(100);
    expect(sim.snapshot().nodes.cb).toMatchObject({ acked: 3 });
    const shown = sim.inspectEdge('deliverA')!;
    expect(shown).toEqual(fresh.inspectEdge('deliverA')); // as without the pool: id, trail, routing key, all of it
    expect(shown.routingKey).toBe('a');
    expect(shown.id).toBe(sim.inspectEdge('e1')!.id); // the last 'a' the exchange routed to qa
    expect(shown.trail.map((h) => `${h.node} ${h.event}`)).toEqual(expect.arrayContaining(['qa enqueued', 'ca acked']));
    expect(shown.trail.some((h) => h.node === 'qb' || h.node === 'cb')).toBe(false);
    expect(shown.publishedAtMs).toBe(3);
    // The pool was used meanwhile: 'b' messages were made from released 'a' objects (those no edge showed any more).
    expect(reused).toBeGreaterThan(0);
  });
});
