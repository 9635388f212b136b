import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf, scriptedProducer } from '../../testSupport';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);

function fill(queue: Record<string, unknown>, n: number, withDlq = false, confirms = false) {
  const producer = scriptedProducer('p', keys(n));
  if (confirms) (producer.config as Record<string, unknown>).confirms = { window: 1000 };
  const s = scenarioOf(
    [producer, { id: 'q', kind: 'queue', config: queue }, ...(withDlq ? [{ id: 'dlq', kind: 'queue' as const }] : [])],
    ['p>q', ...(withDlq ? ['q>dlq'] : [])],
  );
  const sim = createSimulation(s, { tracing: true });
  sim.runUntil(1000);
  return sim;
}

describe('A1.8 length limit and overflow', () => {
  it('drop-head (the default) drops the oldest ready messages', () => {
    const sim = fill({ maxLength: 3 }, 5);
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['m3', 'm4', 'm5']);
    expect(sim.snapshot().messages.droppedByReason.maxlen).toBe(2);
  });

  it('drop-head dead-letters the dropped messages with reason maxlen when there is a target', () => {
    const sim = fill({ maxLength: 3 }, 5, true);
    const dead = sim.inspectNode('dlq')!;
    expect(dead.map((m) => m.routingKey)).toEqual(['m1', 'm2']);
    expect(dead[0]!.deaths[0]).toMatchObject({ queue: 'q', reason: 'maxlen', count: 1 });
    expect(sim.snapshot().messages.deadLettered).toBe(2);
  });

  it('reject-publish refuses new messages and nacks the publisher', () => {
    const sim = fill({ maxLength: 3, overflow: 'reject-publish' }, 5, false, true);
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['m1', 'm2', 'm3']);
    const snap = sim.snapshot();
    expect(snap.messages.droppedByReason.rejectPublish).toBe(2);
    expect(snap.nodes.p).toMatchObject({ confirmed: 3, nacked: 2 });
  });

  it('reject-publish-dlx also dead-letters the refused message', () => {
    const sim = fill({ maxLength: 3, overflow: 'reject-publish-dlx' }, 5, true);
    expect(sim.inspectNode('dlq')!.map((m) => [m.routingKey, m.deaths[0]!.reason])).toEqual([['m4', 'maxlen'], ['m5', 'maxlen']]);
  });

  it('counts only ready messages: unacked ones do not (BROKER: 1 unacked, max-length 1)', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'a' }, { atMs: 2, routingKey: 'b' }, { atMs: 3, routingKey: 'c' }] }, confirms: { window: 10 } } },
      { id: 'q', kind: 'queue', config: { maxLength: 1, overflow: 'reject-publish' } },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1000 }, prefetch: 1 } },
    ], ['p>q', 'q>c']);
    const sim = createSimulation(s);
    sim.runUntil(10);
    // a is unacked at the consumer, b is accepted (1 ready), c is nacked.
    expect(sim.snapshot().nodes.p).toMatchObject({ confirmed: 2, nacked: 1 });
  });

  it('applies x-max-length-bytes to the sum of ready bodies', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [1, 2, 3, 4].map((i) => ({ atMs: i, routingKey: `m${i}`, sizeBytes: 100 })) } } },
      { id: 'q', kind: 'queue', config: { maxLengthBytes: 250 } },
    ], ['p>q']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['m3', 'm4']);
  });
});
