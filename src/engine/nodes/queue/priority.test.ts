import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

/** Publishes (routingKey, priority) pairs at t = 1, 2, … into `queue`, then lets a consumer (prefetch 1) start at `consumeFrom`. */
function run(queue: Record<string, unknown>, msgs: [string, number | undefined][], consumeFrom = 100) {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: msgs.map(([routingKey, priority], i) => ({ atMs: i + 1, routingKey, ...(priority === undefined ? {} : { priority }) })) } } },
    { id: 'q', kind: 'queue', config: queue },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 10 }, prefetch: 1, offline: [{ fromMs: 0, toMs: consumeFrom }] } },
  ], ['p>q', 'q>c'], { durationMs: 10_000 });
  const sim = createSimulation(s, { tracing: true });
  sim.runUntil(consumeFrom - 1);
  const waiting = sim.inspectNode('q')!.map((m) => m.routingKey);
  return { sim, waiting };
}

describe('A1.11 classic queue priorities', () => {
  it('serves higher priorities first and FIFO within a priority', () => {
    const { waiting } = run({ maxPriority: 5 }, [['a', 1], ['b', 5], ['c', 1], ['d', 3], ['e', 5]]);
    expect(waiting).toEqual(['b', 'e', 'd', 'a', 'c']);
  });

  it('counts a missing priority as 0 and clamps priorities above the max to the max', () => {
    const { waiting } = run({ maxPriority: 2 }, [['none', undefined], ['zero', 0], ['nine', 9], ['two', 2], ['one', 1]]);
    expect(waiting).toEqual(['nine', 'two', 'one', 'none', 'zero']);
  });

  it('treats x-max-priority 0 as max 1 (3.13+, so 4.2): priority 1 and above go first', () => {
    // A1.11: 3.10 made max 0 a single level (plain FIFO); 3.13+ takes max(1, …). We model 4.2.
    const { waiting } = run({ maxPriority: 0 }, [['none', undefined], ['zero', 0], ['one', 1], ['seven', 7]]);
    expect(waiting).toEqual(['one', 'seven', 'none', 'zero']);
  });

  it('is plain FIFO without x-max-priority', () => {
    const { waiting } = run({}, [['a', 1], ['b', 9], ['c', 5]]);
    expect(waiting).toEqual(['a', 'b', 'c']);
  });

  it('delivers in priority order to a prefetch-1 consumer', () => {
    const { sim } = run({ maxPriority: 9 }, [['low', 1], ['high', 9], ['mid', 5]]);
    sim.runUntil(1000);
    const views = sim.inspectEdge('e1');
    expect(views?.routingKey).toBe('low'); // the last delivered is the lowest priority
  });
});

describe('A1.11 quorum queue priorities (4.2: two levels, 2:1)', () => {
  it('treats above 4 as high, 0–4 and unset as normal, and serves high:normal 2:1', () => {
    const msgs: [string, number | undefined][] = [['n1', undefined], ['n2', 4], ['n3', 0], ['h1', 5], ['h2', 9], ['h3', 7], ['h4', 5]];
    const { sim } = run({ flavor: 'quorum' }, msgs);
    const order: string[] = [];
    for (let t = 100; t < 400 && order.length < msgs.length; t += 1) {
      sim.runUntil(t);
      const last = sim.inspectEdge('e1');
      if (last && order[order.length - 1] !== last.routingKey) order.push(last.routingKey);
    }
    expect(order).toEqual(['h1', 'h2', 'n1', 'h3', 'h4', 'n2', 'n3']);
  });
});
