/**
 * The delivery-guarantee audit of a consumer that makes synchronous calls: a call's reply is not a message
 * owed to the caller (A4: it answers the caller's own request), so a reply that comes late, damaged, while
 * the caller is offline, or is lost on its way back (along the call's own edge, or along the callee's own reply
 * edge when the callee sits behind a queue), is no loss of the caller's; the call times out and the caller's
 * message fails and comes back from its queue (A1.4).
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../schema';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf } from '../../testSupport';

const N = 50;

function run(callee: Record<string, unknown>, faults: Fault[] = []) {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: N } },
    { id: 'q', kind: 'queue', config: {} },
    { id: 'caller', kind: 'consumer', config: { ackMode: 'manual', onFailure: 'requeue', concurrency: 4, call: { timeoutMs: 15 } } },
    { id: 'callee', kind: 'consumer', config: { reply: { enabled: true }, concurrency: 10, ...callee } },
  ], [{ id: 'produce', source: 'p', target: 'q', config: {} }, { id: 'deliver', source: 'q', target: 'caller', config: {} }, { id: 'call', source: 'caller', target: 'callee', config: {} }],
  { durationMs: 10_000, faults });
  const sim = createSimulation(s);
  sim.runUntil(10_000);
  return sim.snapshot();
}

/** The callee behind a queue: the call is published to `calls`, the reply comes along the callee's own edge `reply`. */
function runBehindQueue(faults: Fault[]) {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 20 }, count: N } },
    { id: 'q', kind: 'queue', config: {} },
    { id: 'caller', kind: 'consumer', config: { ackMode: 'manual', onFailure: 'requeue', concurrency: 4, call: { timeoutMs: 50 } } },
    { id: 'calls', kind: 'queue', config: {} },
    { id: 'callee', kind: 'consumer', config: { reply: { enabled: true }, serviceTimeMs: { type: 'constant', value: 1 } } },
  ], ['p>q', 'q>caller', 'caller>calls', 'calls>callee', { id: 'reply', source: 'callee', target: 'caller', config: {} }],
  { durationMs: 10_000, faults });
  const sim = createSimulation(s);
  sim.runUntil(10_000);
  return sim.snapshot();
}

describe('a calling consumer in the audit', () => {
  it('late replies (their call timed out) are no loss of the caller: it processes every message exactly once', () => {
    const snap = run({ serviceTimeMs: { type: 'exponential', mean: 10 } });
    expect(snap.messages.droppedByReason.lateReply ?? 0).toBeGreaterThan(0);
    expect(snap.nodes.caller).toMatchObject({ acked: N });
    expect(snap.audit!.consumers.caller).toMatchObject({ processed: N, lost: 0, guarantee: 'exactly-once' });
  });

  it('replies lost on the way back along the call edge are no loss of the caller either', () => {
    const snap = run({ serviceTimeMs: { type: 'constant', value: 1 } }, [{ type: 'linkLoss', target: 'call', atMs: 0, probability: 0.3 } as Fault]);
    expect(snap.messages.droppedByReason.linkLoss ?? 0).toBeGreaterThan(0);
    expect(snap.nodes.caller).toMatchObject({ acked: N });
    expect(snap.audit!.consumers.caller).toMatchObject({ processed: N, lost: 0 });
  });

  it('replies lost on the callee\'s own reply edge (the callee behind a queue) are no loss of the caller either', () => {
    const snap = runBehindQueue([{ type: 'linkLoss', target: 'reply', atMs: 0, probability: 0.3 } as Fault]);
    // The lost replies are still dropped (linkLoss); the calls they answered timed out and were made again.
    expect(snap.messages.droppedByReason.linkLoss ?? 0).toBeGreaterThan(0);
    expect(snap.nodes.caller).toMatchObject({ acked: N });
    expect(snap.nodes.caller!.callTimeouts).toBeGreaterThan(0);
    expect(snap.audit!.consumers.caller).toMatchObject({ processed: N, lost: 0 });
    expectBalanced(snap);
  });
});
