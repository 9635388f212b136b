import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, expectBalanced, reportNumber as num, scriptEvery } from '../../testSupport';

const constant = (value: number) => ({ type: 'constant' as const, value });
const script = (n: number, gapMs = 20) => scriptEvery(n, gapMs);

/**
 * client → push → front, which calls deep along `call2`, a link that damages everything. deep does not verify,
 * so it processes the damaged calls and replies; its replies are damaged on their way back along call2.
 */
function damagedCallReplies(frontVerifies: boolean) {
  const s = scenarioOf(
    [{ id: 'client', kind: 'requester', config: { arrival: script(6), timeoutMs: 1000 } },
      { id: 'front', kind: 'consumer', config: { serviceTimeMs: constant(1), call: { timeoutMs: 100 }, verifyChecksum: frontVerifies } },
      { id: 'deep', kind: 'consumer', config: { serviceTimeMs: constant(2), verifyChecksum: false } }],
    [{ id: 'call1', source: 'client', target: 'front', config: {} }, { id: 'call2', source: 'front', target: 'deep', config: {} }],
  );
  return { ...s, faults: [{ type: 'corrupt' as const, atMs: 0, target: 'call2', probability: 1 }] };
}

describe('a calling consumer verifies its call\'s reply like any message (verifyChecksum)', () => {
  it('discards a damaged reply (corrupt): the call times out and fails the message, an error reply goes back', () => {
    const sim = createSimulation(damagedCallReplies(true));
    sim.runUntil(3000);
    const snap = sim.snapshot();
    const front = snap.nodes.front;
    expect(num(front, 'calls')).toBeGreaterThan(0);
    expect(num(front, 'corruptRejected')).toBe(num(snap.nodes.deep, 'replies'));
    expect(num(front, 'callReplies')).toBe(0);
    expect(num(front, 'callTimeouts')).toBe(num(front, 'calls'));
    expect(num(snap.nodes.client, 'errors')).toBe(num(front, 'calls'));
    expect(snap.messages.droppedByReason.corrupt).toBe(num(front, 'corruptRejected'));
    expectBalanced(snap);
  });

  it('without verifyChecksum takes the damaged reply as sound: every call is answered', () => {
    const sim = createSimulation(damagedCallReplies(false));
    sim.runUntil(3000);
    const snap = sim.snapshot();
    const front = snap.nodes.front;
    expect(num(front, 'callReplies')).toBe(num(front, 'calls'));
    expect(num(front, 'callTimeouts') + num(front, 'corruptRejected')).toBe(0);
    expect(num(snap.nodes.client, 'answered')).toBe(num(snap.nodes.client, 'sent'));
    expectBalanced(snap);
  });
});
