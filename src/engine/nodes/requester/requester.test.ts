import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, expectBalanced, reportNumber as num, scriptEvery } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const script = (n: number, gapMs = 1) => scriptEvery(n, gapMs);

/** client → requests queue → responders, replies on reply edges back to the client. */
function requestReply(client: Record<string, unknown>, responder: Record<string, unknown> = {}, responders = 1) {
  const ids = Array.from({ length: responders }, (_, i) => `r${i}`);
  return scenarioOf(
    [{ id: 'client', kind: 'requester', config: client }, { id: 'requests', kind: 'queue' },
      ...ids.map((id) => ({ id, kind: 'consumer' as const, config: { serviceTimeMs: constant(10), ...responder } }))],
    ['client>requests', ...ids.map((id) => `requests>${id}`), ...ids.map((id) => `${id}>client`)],
  );
}

describe('requester (EIP Request-Reply, Return Address and Correlation Identifier, A4)', () => {
  it('matches each reply to its request by correlation id and measures the round trip', () => {
    const sim = createSimulation(requestReply({ arrival: script(5, 100), timeoutMs: 1000 }));
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ kind: 'requester', sent: 5, answered: 5, replies: 5, timeouts: 0, late: 0, unmatched: 0, pending: 0, repliesPerRequest: 1 });
    expect(snap.nodes.r0).toMatchObject({ acked: 5, replies: 5 });
    // One request ack at the responder and one reply ack at the requester per round trip.
    expect(snap.messages).toMatchObject({ published: 5, forwarded: 5, acked: 10, dropped: 0 });
    const rtt = snap.nodes.client!.rttMs as { count: number; mean: number };
    expect(rtt.count).toBe(5);
    expect(rtt.mean).toBeCloseTo(10, 6);
    expectBalanced(snap);
  });

  it('answers a request once expectedReplies replies with its id have come (publish / asynchronous response)', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(4, 50), expectedReplies: 3 } },
        { id: 'topic', kind: 'exchange', config: { type: 'fanout' } },
        ...[0, 1, 2].flatMap((i) => [{ id: `q${i}`, kind: 'queue' as const }, { id: `r${i}`, kind: 'consumer' as const, config: { serviceTimeMs: constant(5 + 10 * i) } }])],
      ['client>topic', ...[0, 1, 2].flatMap((i) => [`topic>q${i}`, `q${i}>r${i}`, `r${i}>client`])],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ sent: 4, answered: 4, replies: 12, repliesPerRequest: 3, timeouts: 0 });
    // The round trips of the three copies: 5, 15 and 25 ms.
    expect((snap.nodes.client!.rttMs as { mean: number }).mean).toBeCloseTo(15, 6);
    expectBalanced(snap);
  });

  it('counts a request without its replies after timeoutMs as a timeout, and its reply as late', () => {
    const sim = createSimulation(requestReply({ arrival: script(3, 300), timeoutMs: 100 }, { serviceTimeMs: constant(200) }));
    sim.runUntil(3000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ sent: 3, answered: 0, timeouts: 3, late: 3, replies: 3 });
    expect(snap.messages.droppedByReason).toMatchObject({ lateReply: 3 });
    expectBalanced(snap);
  });

  it('a partly answered request is a timeout; its missing replies come late', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(1), expectedReplies: 2, timeoutMs: 50 } },
        { id: 'topic', kind: 'exchange', config: { type: 'fanout' } },
        { id: 'q0', kind: 'queue' }, { id: 'fast', kind: 'consumer', config: { serviceTimeMs: constant(10) } },
        { id: 'q1', kind: 'queue' }, { id: 'slow', kind: 'consumer', config: { serviceTimeMs: constant(100) } }],
      ['client>topic', 'topic>q0', 'topic>q1', 'q0>fast', 'q1>slow', 'fast>client', 'slow>client'],
    );
    const sim = createSimulation(s);
    sim.runUntil(500);
    expect(sim.snapshot().nodes.client).toMatchObject({ answered: 0, timeouts: 1, late: 1, replies: 2, repliesPerRequest: 1 });
  });

  it('forgets settled ids after a few timeouts: a much later reply is unmatched (Invalid Message Channel, A4)', () => {
    // Settled ids are kept 10 timeouts but at least 60 s; the reply comes 70 s after the request.
    const sim = createSimulation(requestReply({ arrival: script(2, 10), timeoutMs: 10 }, { serviceTimeMs: constant(70_000) }));
    sim.runUntil(200_000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ timeouts: 2, late: 0, unmatched: 2 });
    expect(snap.messages.droppedByReason).toMatchObject({ unmatchedReply: 2 });
    expectBalanced(snap);
  });

  it('sync mode never has two requests outstanding', () => {
    const sim = createSimulation(requestReply({ mode: 'sync', count: 20 }, { serviceTimeMs: { type: 'exponential', mean: 10 }, concurrency: 4 }));
    let maxPending = 0;
    while (sim.step().events > 0) maxPending = Math.max(maxPending, num(sim.snapshot().nodes.client, 'pending'));
    expect(maxPending).toBe(1);
    expect(sim.snapshot().nodes.client).toMatchObject({ sent: 20, answered: 20 });
  });

  it('sync mode sends the next request thinkTimeMs after each reply', () => {
    // Request k goes at 15k ms (10 ms round trip + 5 ms think time) and is answered at 15k + 10.
    const sim = createSimulation(requestReply({ mode: 'sync', count: 20, thinkTimeMs: constant(5) }, { concurrency: 4 }));
    sim.runUntil(15 * 19 + 9);
    expect(sim.snapshot().nodes.client).toMatchObject({ sent: 20, answered: 19, pending: 1 });
    sim.runUntil(15 * 19 + 10);
    expect(sim.snapshot().nodes.client).toMatchObject({ sent: 20, answered: 20, pending: 0 });
  });

  it('async mode holds at most maxOutstanding; due requests wait for a free place', () => {
    const sim = createSimulation(requestReply({ arrival: { type: 'constant', ratePerSec: 100 }, maxOutstanding: 3, count: 50 }, { serviceTimeMs: constant(50), concurrency: 10 }));
    let maxPending = 0;
    let maxWaiting = 0;
    while (sim.step().events > 0) {
      const r = sim.snapshot().nodes.client;
      maxPending = Math.max(maxPending, num(r, 'pending'));
      maxWaiting = Math.max(maxWaiting, num(r, 'waiting'));
    }
    expect(maxPending).toBe(3);
    expect(maxWaiting).toBeGreaterThan(0);
    expect(sim.snapshot().nodes.client).toMatchObject({ sent: 50, answered: 50, waiting: 0 });
  });

  it('a request held back by maxOutstanding keeps its scripted fields, also after a crash skipped some arrivals', () => {
    // a at 1 ms is sent; b at 100 ms falls in the crash and is never sent; c at 200 ms is sent, d at 201 ms waits for c's reply.
    const keys = ['a', 'b', 'c', 'd'];
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { maxOutstanding: 1, arrival: { type: 'script', messages: [1, 100, 200, 201].map((atMs, i) => ({ atMs, routingKey: keys[i] })) } } },
        { id: 'x', kind: 'exchange', config: { type: 'direct' } }, ...keys.map((k) => ({ id: `q${k}`, kind: 'queue' as const })),
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(20) } }],
      ['client>x', ...keys.map((k) => `x>q${k}:${k}`), ...keys.map((k) => `q${k}>svc`), 'svc>client'],
      { faults: [{ type: 'crash', target: 'client', atMs: 90, durationMs: 20 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(keys.map((k) => num(snap.nodes[`q${k}`], 'in'))).toEqual([1, 0, 1, 1]);
    expect(snap.nodes.client).toMatchObject({ sent: 3, answered: 3 });
  });

  it('replies through a reply queue the requester subscribes to (replyTo names the queue)', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(4, 10), replyTo: 'replies' } },
        { id: 'requests', kind: 'queue' }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(10) } }, { id: 'replies', kind: 'queue' }],
      ['client>requests', 'requests>svc', 'svc>replies', 'replies>client'],
    );
    const sim = createSimulation(s);
    sim.runUntil(500);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ answered: 4, timeouts: 0 });
    expect(snap.nodes.replies).toMatchObject({ in: 4, out: 4, ready: 0 });
    expectBalanced(snap);
  });

  it('a reply queue keeps the replies of a crashed requester; after the restart they come late (their requests were forgotten)', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { mode: 'sync', count: 2, replyTo: 'replies' } },
        { id: 'requests', kind: 'queue' }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(100) } }, { id: 'replies', kind: 'queue' }],
      ['client>requests', 'requests>svc', 'svc>replies', 'replies>client'],
      { faults: [{ type: 'crash', target: 'client', atMs: 50, durationMs: 200 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(150);
    expect(sim.snapshot().nodes.replies).toMatchObject({ ready: 1 });
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ sent: 2, answered: 1, late: 1, timeouts: 0 });
    expect(snap.nodes.replies).toMatchObject({ ready: 0, out: 2 });
    expectBalanced(snap);
  });

  it('a direct call: the reply comes back along the push edge, over the same link delay', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(3, 100) } }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(10) } }],
      [{ id: 'call', source: 'client', target: 'svc', config: { delayMs: 7 } }],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ answered: 3 });
    expect((snap.nodes.client!.rttMs as { mean: number }).mean).toBeCloseTo(7 + 10 + 7, 6);
    expectBalanced(snap);
  });

  it('a responder with no way to the Return Address drops the reply as unroutable (A1.1.7); the request times out', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(2), timeoutMs: 100 } }, { id: 'requests', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(10) } }],
      ['client>requests', 'requests>svc'],
    );
    const sim = createSimulation(s);
    sim.runUntil(1000);
    const snap = sim.snapshot();
    expect(snap.nodes.client).toMatchObject({ timeouts: 2, replies: 0 });
    expect(snap.messages.droppedByReason).toMatchObject({ unroutable: 2 });
    expectBalanced(snap);
  });

  it('a crashed requester sends nothing and loses replies sent to it (nodeDown); it starts again on restart', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { mode: 'sync' } }, { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(100) } }],
      ['client>svc'],
      { faults: [{ type: 'crash', target: 'client', atMs: 1050, durationMs: 1000 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(1040);
    const before = num(sim.snapshot().nodes.client, 'sent');
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(num(snap.nodes.client, 'sent')).toBe(before);
    expect(snap.messages.droppedByReason).toMatchObject({ nodeDown: 1 });
    sim.runUntil(3000);
    expect(num(sim.snapshot().nodes.client, 'sent')).toBe(before + 10);
    expectBalanced(sim.snapshot());
  });

  it('counts the requests a crash made it forget (abandoned), so every request sent is answered, timed out, pending or abandoned', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: { type: 'constant', ratePerSec: 100 }, timeoutMs: 5000 } }, { id: 'requests', kind: 'queue' },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(100) } }],
      ['client>requests', 'requests>svc', 'svc>client'],
      { faults: [{ type: 'crash', target: 'client', atMs: 3005, durationMs: 1000 }] },
    );
    const sim = createSimulation(s);
    sim.runUntil(3004); // requests go every 10 ms, replies every 100 ms: nothing happens between 3004 and the crash
    const pendingAtCrash = num(sim.snapshot().nodes.client, 'pending');
    expect(pendingAtCrash).toBeGreaterThan(0);
    sim.runUntil(10_000);
    const r = sim.snapshot().nodes.client;
    expect(num(r, 'abandoned')).toBe(pendingAtCrash);
    expect(num(r, 'answered') + num(r, 'timeouts') + num(r, 'pending') + num(r, 'abandoned')).toBe(num(r, 'sent'));
  });

  it('counts the due requests a crash made it forget before they were sent (unsent): every arrival is sent, waiting or unsent', () => {
    // async, one request outstanding, a slow responder: arrivals every 10 ms pile up as waiting.
    const s = requestReply({ arrival: { type: 'constant', ratePerSec: 100 }, maxOutstanding: 1, count: 200, timeoutMs: 5000 }, { serviceTimeMs: constant(100) });
    const sim = createSimulation({ ...s, faults: [{ type: 'crash', target: 'client', atMs: 505, durationMs: 200 }] });
    sim.runUntil(504);
    const before = sim.snapshot().nodes.client;
    const waitingAtCrash = num(before, 'waiting');
    expect(waitingAtCrash).toBeGreaterThan(10);
    sim.runUntil(506);
    const after = sim.snapshot().nodes.client;
    expect(num(after, 'unsent')).toBe(waitingAtCrash);
    expect(num(after, 'waiting')).toBe(0);
    // Arrivals while it is down are never created (its application is down too), as a producer's are not.
    expect(num(after, 'sent') + num(after, 'unsent')).toBe(num(before, 'sent') + waitingAtCrash);
  });
});
