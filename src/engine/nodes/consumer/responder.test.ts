import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, expectBalanced, reportNumber as num, scriptEvery } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const script = (n: number, gapMs = 1, extra: Record<string, unknown> = {}) => scriptEvery(n, gapMs, extra);

describe('responder (EIP Request-Reply, A4)', () => {
  it('replies with correlationId = the request id, a score header and its reply size', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(1) } }, { id: 'requests', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(10), reply: { score: constant(7), sizeBytes: 99 } } }],
      ['client>requests', 'requests>svc', { id: 'back', source: 'svc', target: 'client', config: {} }],
    );
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    const reply = sim.inspectEdge('back')!;
    const request = sim.inspectEdge('e0')!;
    expect(reply.headers).toEqual({ score: 7 });
    expect(reply.sizeBytes).toBe(99);
    expect(reply.routingKey).toBe('client');
    expect(reply.id).not.toBe(request.id);
    expect(sim.snapshot().nodes.client).toMatchObject({ answered: 1, unmatched: 0 });
  });

  it('does not reply when reply.enabled is false, or to a message without a Return Address', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(3), timeoutMs: 100 } }, { id: 'p', kind: 'producer', config: { arrival: script(2) } },
        { id: 'requests', kind: 'queue' }, { id: 'mute', kind: 'consumer', config: { serviceTimeMs: constant(1), reply: { enabled: false } } },
        { id: 'jobs', kind: 'queue' }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(1) } }],
      ['client>requests', 'requests>mute', 'mute>client', 'p>jobs', 'jobs>svc', 'svc>client'],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.mute).toMatchObject({ acked: 3, replies: 0 });
    expect(snap.nodes.svc).toMatchObject({ acked: 2, replies: 0 });
    expect(snap.nodes.client).toMatchObject({ timeouts: 3, replies: 0 });
  });

  it('a consumer may forward its result and reply: both are new copies', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(4) } }, { id: 'requests', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(1) } }, { id: 'audit', kind: 'queue' }],
      ['client>requests', 'requests>svc', 'svc>audit', 'svc>client'],
    );
    const sim = createSimulation(s);
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.svc).toMatchObject({ out: 4, replies: 4 });
    expect(snap.nodes.audit).toMatchObject({ ready: 4 });
    expect(snap.messages).toMatchObject({ published: 4, forwarded: 8, queued: 4 });
    expectBalanced(snap);
  });
});

/** client → push → a (calls) → push → b: a direct synchronous chain. */
function callChain(client: Record<string, unknown>, a: Record<string, unknown>, b: Record<string, unknown>) {
  return scenarioOf(
    [{ id: 'client', kind: 'requester', config: { timeoutMs: 10_000, ...client } },
      { id: 'a', kind: 'consumer', config: { serviceTimeMs: constant(5), call: { timeoutMs: 100 }, ...a } },
      { id: 'b', kind: 'consumer', config: { serviceTimeMs: constant(20), ...b } }],
    ['client>a', 'a>b'],
  );
}

describe('synchronous calls', () => {
  it('a call holds the caller\'s slot until the reply comes, then the caller replies upstream', () => {
    const sim = createSimulation(callChain({ arrival: script(1) }, {}, {}));
    sim.runUntil(1 + 5 + 10);
    // a finished its own 5 ms and waits on b: still busy.
    expect(sim.snapshot().nodes.a).toMatchObject({ busy: 1, calls: 1, acked: 0 });
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.a).toMatchObject({ busy: 0, acked: 1, replies: 1, callTimeouts: 0 });
    expect(snap.nodes.b).toMatchObject({ acked: 1, replies: 1 });
    expect((snap.nodes.client!.rttMs as { mean: number }).mean).toBeCloseTo(25, 6);
    expect(num(snap.nodes.a, 'utilisation')).toBeCloseTo(25 / 100, 3);
    expectBalanced(snap);
  });

  it('a call that outlasts call.timeoutMs fails the message; the callee\'s reply comes late', () => {
    const sim = createSimulation(callChain({ arrival: script(3, 500) }, { call: { timeoutMs: 50 } }, { serviceTimeMs: constant(200) }));
    sim.runUntil(3000);
    const snap = sim.snapshot();
    expect(snap.nodes.a).toMatchObject({ calls: 3, callTimeouts: 3, failed: 3, acked: 0, replies: 3 });
    // Pushed to a: settled on receipt, so the failed call loses the request (callFailed).
    expect(snap.messages.droppedByReason).toMatchObject({ callFailed: 3, lateReply: 3 });
    // The error reply reaches the client at once: errors, not timeouts.
    expect(snap.nodes.client).toMatchObject({ answered: 3, errors: 3, timeouts: 0 });
    expect((snap.nodes.client!.rttMs as { mean: number }).mean).toBeCloseTo(55, 6);
    expectBalanced(snap);
  });

  it('an error reply spreads upstream at once: b fails, a\'s call fails, the client hears of it', () => {
    const sim = createSimulation(callChain({ arrival: script(4, 100) }, {}, { failureProbability: 1 }));
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.nodes.b).toMatchObject({ failed: 4, replies: 4 });
    expect(snap.nodes.a).toMatchObject({ callErrors: 4, callTimeouts: 0, failed: 4 });
    expect(snap.nodes.client).toMatchObject({ errors: 4, timeouts: 0 });
    // No one waits for a timeout: 5 ms at a, 20 ms at b.
    expect((snap.nodes.client!.rttMs as { mean: number }).mean).toBeCloseTo(25, 6);
    expectBalanced(snap);
  });

  it('a call through a queue: the callee replies along its edge to the caller (the Return Address)', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(3, 100) } },
        { id: 'a', kind: 'consumer', config: { serviceTimeMs: constant(5), call: { timeoutMs: 100 } } }, { id: 'calls', kind: 'queue' },
        { id: 'b', kind: 'consumer', config: { serviceTimeMs: constant(20) } }],
      ['client>a', 'a>calls', 'calls>b', 'b>a'],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.a).toMatchObject({ calls: 3, callReplies: 3, callTimeouts: 0, acked: 3, replies: 3 });
    expect(snap.nodes.b).toMatchObject({ acked: 3, replies: 3 });
    expect(snap.nodes.client).toMatchObject({ answered: 3, errors: 0 });
    expectBalanced(snap);
  });

  it('from a queue under manual ack a failed call nacks the request: it is redelivered (A1.4)', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: script(2) } }, { id: 'q', kind: 'queue' },
        { id: 'a', kind: 'consumer', config: { serviceTimeMs: constant(5), call: { timeoutMs: 50 } } },
        { id: 'b', kind: 'consumer', config: { serviceTimeMs: constant(20), offline: [{ fromMs: 0, toMs: 200 }] } }],
      ['p>q', 'q>a', 'a>b'],
    );
    const sim = createSimulation(s);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(num(snap.nodes.a, 'callTimeouts')).toBeGreaterThan(0);
    expect(num(snap.nodes.q, 'redelivered')).toBe(num(snap.nodes.a, 'callTimeouts'));
    expect(snap.nodes.a).toMatchObject({ acked: 2 });
    expect(snap.messages.droppedByReason).toMatchObject({ subscriberOffline: num(snap.nodes.a, 'callTimeouts') });
    expectBalanced(snap);
  });

  it('a crash gives back the delivery waiting on a call; the call\'s reply then finds no one (nodeDown)', () => {
    const s = scenarioOf(
      [{ id: 'p', kind: 'producer', config: { arrival: script(1) } }, { id: 'q', kind: 'queue' },
        { id: 'a', kind: 'consumer', config: { serviceTimeMs: constant(5), call: { timeoutMs: 500 } } },
        { id: 'b', kind: 'consumer', config: { serviceTimeMs: constant(100) } }],
      ['p>q', 'q>a', 'a>b'],
      { faults: [{ type: 'crash', target: 'a', atMs: 50, durationMs: 100 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(60);
    expect(sim.snapshot().nodes.q).toMatchObject({ ready: 1 });
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.messages.droppedByReason).toMatchObject({ nodeDown: 1 });
    expect(snap.nodes.a).toMatchObject({ acked: 1, calls: 2 });
    expectBalanced(snap);
  });
});

describe('checksum verification (corrupt link fault)', () => {
  const corruptAll = [{ type: 'corrupt' as const, target: 'deliver', atMs: 0, probability: 1 }];
  const pipeline = (consumer: Record<string, unknown>, deadLetter: boolean) => scenarioOf(
    [{ id: 'p', kind: 'producer', config: { arrival: script(5) } }, { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: constant(1), ...consumer } }, { id: 'dlq', kind: 'queue' }],
    ['p>q', { id: 'deliver', source: 'q', target: 'c', config: {} }, ...(deadLetter ? ['q>dlq'] : [])],
    { faults: corruptAll },
  );

  it('manual ack: a corrupt message is rejected (requeue=false) and dead-lettered, never processed (A1.4, A1.9)', () => {
    const sim = createSimulation(pipeline({}, true));
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 5, acked: 0, nacked: 5 });
    expect(snap.nodes.dlq).toMatchObject({ ready: 5 });
    expect(snap.messages.deadLettered).toBe(5);
    expectBalanced(snap);
  });

  it('without a dead-letter target the rejected message is discarded (rejected)', () => {
    const sim = createSimulation(pipeline({}, false));
    sim.runUntil(100);
    expect(sim.snapshot().messages.droppedByReason).toMatchObject({ rejected: 5 });
  });

  it('auto ack: a corrupt message is dropped (corrupt)', () => {
    const sim = createSimulation(pipeline({ ackMode: 'auto' }, true));
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 5, acked: 0 });
    expect(snap.messages.droppedByReason).toMatchObject({ corrupt: 5 });
    expectBalanced(snap);
  });

  it('verifyChecksum off: the corrupt message is processed as if sound', () => {
    const sim = createSimulation(pipeline({ verifyChecksum: false }, true));
    sim.runUntil(100);
    const snap = sim.snapshot();
    expect(snap.nodes.c).toMatchObject({ corruptRejected: 0, corruptProcessed: 5, acked: 5 });
    expect(snap.messages.deadLettered).toBe(0);
  });
});
