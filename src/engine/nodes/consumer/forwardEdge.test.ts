/**
 * A responder with two outputs, one to where its replies go (the caller's Return Address, A4) and one on:
 * its results go on and its replies go back whichever order the document lists the edges in.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const N = 5;

function run(edgeOrder: 'replyFirst' | 'onFirst') {
  const back = { id: 'back', source: 'callee', target: 'caller', config: {} };
  const on = { id: 'on', source: 'callee', target: 'out', config: {} };
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 10 }, count: N } },
    { id: 'q', kind: 'queue', config: {} },
    { id: 'caller', kind: 'consumer', config: { call: { timeoutMs: 500 } } },
    { id: 'calls', kind: 'queue', config: {} },
    { id: 'callee', kind: 'consumer', config: { reply: { enabled: true } } },
    { id: 'out', kind: 'queue', config: {} },
  ], ['p>q', 'q>caller', 'caller>calls', 'calls>callee', ...(edgeOrder === 'replyFirst' ? [back, on] : [on, back])], { durationMs: 2000 });
  const sim = createSimulation(s);
  sim.runUntil(2000);
  return sim.snapshot();
}

describe('a responder that also sends its results on', () => {
  it.each(['replyFirst', 'onFirst'] as const)('replies to its caller and sends every result on (edges listed %s)', (order) => {
    const snap = run(order);
    expect(snap.nodes.caller).toMatchObject({ calls: N, callReplies: N, acked: N });
    expect(snap.nodes.callee).toMatchObject({ replies: N, out: N });
    expect(snap.nodes.out).toMatchObject({ in: N });
  });
});
