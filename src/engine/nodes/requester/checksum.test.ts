import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, expectBalanced, reportNumber as num, scriptEvery } from '../../testSupport';
import type { Scenario } from '../../../schema';

const constant = (value: number) => ({ type: 'constant' as const, value });
const script = (n: number, gapMs = 20) => scriptEvery(n, gapMs);

/** client → requests → svc, replies along the reply edge `back`, which corrupts with `probability`. */
function corruptReplyEdge(requests: number, probability: number): Scenario {
  const s = scenarioOf(
    [{ id: 'client', kind: 'requester', config: { arrival: script(requests), timeoutMs: 200 } }, { id: 'requests', kind: 'queue' },
      { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(5) } }],
    ['client>requests', 'requests>svc', { id: 'back', source: 'svc', target: 'client', config: {} }],
  );
  return { ...s, faults: [{ type: 'corrupt', atMs: 0, target: 'back', probability }] };
}

describe('requester: a reply\'s checksum is always verified (a corrupt link on the way back)', () => {
  it('discards every damaged reply unmatched (reason corrupt): its request times out', () => {
    const sim = createSimulation(corruptReplyEdge(10, 1));
    sim.runUntil(2000);
    const snap = sim.snapshot();
    const client = snap.nodes.client;
    expect(num(client, 'sent')).toBe(10);
    expect(num(client, 'replies')).toBe(num(snap.nodes.svc, 'replies'));
    expect(num(client, 'corruptReplies')).toBe(num(client, 'replies'));
    expect(num(client, 'answered')).toBe(0);
    expect(num(client, 'timeouts')).toBe(num(client, 'sent'));
    expect(num(client, 'late') + num(client, 'unmatched')).toBe(0);
    expect((client!.rttMs as { count: number }).count).toBe(0);
    expect(snap.messages.droppedByReason.corrupt).toBe(num(client, 'corruptReplies'));
    expectBalanced(snap);
  });

  it('with some replies damaged: each damaged one makes exactly one timeout, the sound ones answer', () => {
    const sim = createSimulation(corruptReplyEdge(200, 0.3), { seed: 11 });
    sim.runUntil(10_000);
    const client = sim.snapshot().nodes.client;
    const corrupt = num(client, 'corruptReplies');
    expect(corrupt).toBeGreaterThan(0);
    expect(corrupt).toBeLessThan(200);
    expect(num(client, 'timeouts')).toBe(corrupt);
    expect(num(client, 'answered')).toBe(num(client, 'sent') - corrupt);
    expectBalanced(sim.snapshot());
  });

  it('checks a direct call\'s reply sent back along the push edge, damaged on the way back', () => {
    // The responder does not verify, so it processes the damaged requests and replies: the replies (new
    // messages, sound when sent) are damaged again on their way back along the same link.
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: script(8), timeoutMs: 200 } },
        { id: 'svc', kind: 'consumer', config: { serviceTimeMs: constant(5), verifyChecksum: false } }],
      [{ id: 'call', source: 'client', target: 'svc', config: {} }],
    );
    const sim = createSimulation({ ...s, faults: [{ type: 'corrupt', atMs: 0, target: 'call', probability: 1 }] });
    sim.runUntil(2000);
    const snap = sim.snapshot();
    expect(num(snap.nodes.svc, 'corruptProcessed')).toBe(num(snap.nodes.client, 'sent'));
    expect(num(snap.nodes.client, 'corruptReplies')).toBe(num(snap.nodes.svc, 'replies'));
    expect(num(snap.nodes.client, 'corruptReplies')).toBeGreaterThan(0);
    expect(num(snap.nodes.client, 'answered')).toBe(0);
    expectBalanced(snap);
  });

  it('counts nothing corrupt on a sound link', () => {
    const sim = createSimulation(corruptReplyEdge(10, 0));
    sim.runUntil(2000);
    const client = sim.snapshot().nodes.client;
    expect(num(client, 'corruptReplies')).toBe(0);
    expect(num(client, 'answered')).toBe(num(client, 'sent'));
  });
});
