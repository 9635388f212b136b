import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const puller = (id: string, config: Record<string, unknown>) => ({
  id, kind: 'consumer' as const, config: { delivery: 'pull' as const, pollIntervalMs: 1000, ...config },
});

/**
 * A2.1: a long poll "returns as soon as ≥1 message is available … It returns empty only when the wait
 * expires". A2.2: the receive that finds a message at maxReceiveCount moves it to the DLQ "and does not
 * return it". So a long poll whose only message was just moved has nothing to return and goes on waiting.
 */
describe('A2.1 long polling with A2.2 redrive', () => {
  const scenario = (waitTimeMs: number, secondAtMs: number) => scenarioOf([
    // Message 1 always fails: received at 0, failed at 10, visible again at 100, then moved by the next receive.
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 0, routingKey: 'x', poison: true }, { atMs: secondAtMs, routingKey: 'y' }] } } },
    { id: 'q', kind: 'queue', config: { flavor: 'sqs', visibilityTimeoutMs: 100, maxReceiveCount: 1 } },
    puller('c', { waitTimeMs, serviceTimeMs: { type: 'constant', value: 10 } }),
    { id: 'dlq', kind: 'queue', config: { flavor: 'sqs' } },
  ], ['p>q', 'q>c', 'q>dlq'], { durationMs: 30_000 });

  it('a long poll whose only message is moved to the DLQ keeps waiting, and returns the next message the moment it arrives', () => {
    const sim = createSimulation(scenario(20_000, 200));
    sim.runUntil(5000);
    const snap = sim.snapshot();
    expect(snap.nodes.dlq).toMatchObject({ in: 1 });
    // No poll came back empty: the poll open at 100 ms (when message 1 was moved) waited on for message 2.
    expect(snap.nodes.c).toMatchObject({ in: 2, acked: 1, emptyPolls: 0 });
    expect(snap.nodes.q).toMatchObject({ emptyPolls: 0 });
    expect(snap.latencyMs.max).toBe(10); // message 2 handed out at 200 ms, the instant it arrived: its 10 ms of processing only
  });

  it('a short poll that finds only the moved message returns empty (it never waits)', () => {
    // Polls at 0 (message 1), at 10 after it failed (empty), and at 1010, which finds message 1 visible
    // again and moves it: that poll returns empty. Message 2 (at 1500) waits for the poll at 2010.
    const sim = createSimulation(scenario(0, 1500));
    sim.runUntil(1010);
    expect(sim.snapshot().nodes.dlq).toMatchObject({ in: 1 });
    expect(sim.snapshot().nodes.c).toMatchObject({ in: 1, polls: 3, emptyPolls: 2 });
    sim.runUntil(5000);
    expect(sim.snapshot().latencyMs.max).toBe(2010 - 1500 + 10); // waited for the poll, then 10 ms of processing
  });
});
