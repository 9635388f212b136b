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

  it('drop-head on a priority queue drops the head, which is the highest-priority message (A1.8, A1.11)', () => {
    const s = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: ([['low', 1], ['high', 5], ['mid', 3]] as const).map(([routingKey, priority], i) => ({ atMs: i + 1, routingKey, priority })) } } },
      { id: 'q', kind: 'queue', config: { maxPriority: 5, maxLength: 2 } }, { id: 'dlq', kind: 'queue' },
    ], ['p>q', 'q>dlq']);
    const sim = createSimulation(s, { tracing: true });
    sim.runUntil(100);
    expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['mid', 'low']);
    expect(sim.inspectNode('dlq')!.map((m) => [m.routingKey, m.deaths[0]!.reason])).toEqual([['high', 'maxlen']]);
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

  /**
   * A1.8: only ready messages count, and a requeued message is ready again. On a full drop-head queue a requeue
   * puts it over the limit and the head is dropped. RMQ-SRC: a classic queue drops before it delivers again
   * (requeue_and_run: maybe_drop_head, then run_message_queue); a quorum queue delivers first, then drops
   * (rabbit_fifo return → checkout: checkout_one, then evaluate_limit).
   */
  describe('a requeue into a full drop-head queue', () => {
    // a (poison) is delivered at 1 ms; b and c fill the queue (max 2); a fails at 11 ms and is nacked with requeue.
    const nackAtLimit = (flavor: 'classic' | 'quorum') => {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'a', poison: true }, { atMs: 2, routingKey: 'b' }, { atMs: 3, routingKey: 'c' }] } } },
        { id: 'q', kind: 'queue', config: { flavor, maxLength: 2 } },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 10 }, prefetch: 1 } },
        { id: 'dlq', kind: 'queue' },
      ], ['p>q', 'q>c', 'q>dlq']);
      const sim = createSimulation(s, { tracing: true });
      sim.runUntil(12);
      return sim;
    };

    it('classic: the requeued message goes back to the head and is dropped before the next delivery', () => {
      const sim = nackAtLimit('classic');
      expect(sim.inspectNode('dlq')!.map((m) => [m.routingKey, m.deaths[0]!.reason])).toEqual([['a', 'maxlen']]);
      expect(sim.inspectEdge('e1')!.routingKey).toBe('b');
      expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['c']);
    });

    it('quorum: the returned message is delivered again first, so nothing is over the limit to drop', () => {
      const sim = nackAtLimit('quorum');
      expect(sim.inspectNode('dlq')).toEqual([]);
      expect(sim.inspectEdge('e1')!.routingKey).toBe('a');
      expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['b', 'c']);
    });

    it('automatic requeue on channel close (A1.4) drops the returned messages that no longer fit, oldest first', () => {
      for (const flavor of ['classic', 'quorum'] as const) {
        // a, b, c are held unacked (prefetch 3) when d and e fill the queue; the consumer goes offline at 50 ms.
        const s = scenarioOf([
          scriptedProducer('p', ['a', 'b', 'c', 'd', 'e']), { id: 'q', kind: 'queue', config: { flavor, maxLength: 2 } },
          { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 100 }, prefetch: 3, offline: [{ fromMs: 50, toMs: 500 }] } },
          { id: 'dlq', kind: 'queue' },
        ], ['p>q', 'q>c', 'q>dlq']);
        const sim = createSimulation(s, { tracing: true });
        sim.runUntil(60);
        expect(sim.inspectNode('q')!.map((m) => m.routingKey), flavor).toEqual(['d', 'e']);
        expect(sim.inspectNode('dlq')!.map((m) => m.routingKey).sort(), flavor).toEqual(['a', 'b', 'c']);
        expect(sim.snapshot().nodes.q!.ready, flavor).toBe(2);
      }
    });

    it('reject-publish does not drop: the queue stays over its limit and refuses publishes until it is back under', () => {
      const s = scenarioOf([
        { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, routingKey: 'a', poison: true }, { atMs: 2, routingKey: 'b' }, { atMs: 3, routingKey: 'c' }, { atMs: 11.5, routingKey: 'd' }] } } },
        { id: 'q', kind: 'queue', config: { maxLength: 2, overflow: 'reject-publish' } },
        { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 10 }, prefetch: 1, offline: [{ fromMs: 10.5, toMs: 100 }] } },
      ], ['p>q', 'q>c']);
      const sim = createSimulation(s, { tracing: true });
      sim.runUntil(12);
      // a came back when the consumer went offline: 3 ready with max 2, none dropped; d is refused.
      expect(sim.inspectNode('q')!.map((m) => m.routingKey)).toEqual(['a', 'b', 'c']);
      expect(sim.snapshot().messages.droppedByReason).toEqual({ rejectPublish: 1 });
    });
  });
});

