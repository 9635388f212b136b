/**
 * Properties of scatter-gather runs with random aggregator settings, responder speeds, scatter widths,
 * seeds and crashes (of the aggregator and of a responder): the message balance at every checkpoint, the
 * live figures against the report, completions adding up, and every request answered or timed out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import { LIVE_FIELDS } from '../../api';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const aggregatorConfig = fc.record({
  completionSize: nullable(fc.integer({ min: 1, max: 5 })),
  completionTimeoutMs: nullable(fc.integer({ min: 1, max: 800 })),
  goodEnoughScore: nullable(fc.integer({ min: 0, max: 12 })),
  strategy: fc.constantFrom('best', 'sum', 'collect'),
}).filter((c) => c.completionSize !== null || c.completionTimeoutMs !== null || c.goodEnoughScore !== null);

const crash = (target: string) => fc.record({
  type: fc.constant('crash' as const), target: fc.constant(target),
  atMs: fc.integer({ min: 0, max: 3000 }), durationMs: fc.integer({ min: 1, max: 2000 }),
});

const run = fc.record({
  aggregator: aggregatorConfig,
  responders: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 4 }),
  rate: fc.integer({ min: 1, max: 50 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  faults: fc.array(fc.oneof(crash('agg'), crash('r0')), { maxLength: 2 }),
  withPublish: fc.boolean(),
});


describe('aggregator properties', () => {
  it('balances, mirrors its report live, and accounts for every request', () => {
    fc.assert(fc.property(run, (r) => {
      const ids = r.responders.map((_, i) => `r${i}`);
      const nodes: ScenarioInput['nodes'] = [
        { id: 'req', kind: 'requester', config: { arrival: { type: 'poisson', ratePerSec: r.rate }, timeoutMs: 1500, replyTo: 'agg' } },
        { id: 'ex', kind: 'exchange', config: { type: 'fanout' } },
        ...ids.flatMap((id, i) => [
          { id: `${id}-q`, kind: 'queue' as const },
          { id, kind: 'consumer' as const, config: { serviceTimeMs: { type: 'exponential' as const, mean: r.responders[i]! }, reply: { score: { type: 'uniform' as const, min: 0, max: 10 } } } },
        ]),
        { id: 'agg', kind: 'aggregator', config: r.aggregator },
        ...(r.withPublish ? [{ id: 'out', kind: 'queue' as const }] : []),
      ];
      const edges = ['req>ex', ...ids.flatMap((id) => [`ex>${id}-q`, `${id}-q>${id}`, `${id}>agg`]), 'agg>req', ...(r.withPublish ? ['agg>out'] : [])];
      const sim = createSimulation(scenarioOf(nodes, edges, { durationMs: 5000, seed: r.seed, faults: r.faults }));
      const live = new Float64Array(sim.nodeIds.length * LIVE_FIELDS.length);
      const o = sim.nodeIds.indexOf('agg') * LIVE_FIELDS.length;
      for (const t of [500, 1300, 2900, 5000]) {
        expect(sim.runUntil(t).error).toBeUndefined();
        const s = sim.snapshot();
        const m = s.messages;
        expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
        sim.writeLive(live);
        const a = s.nodes['agg']!;
        const field = (f: (typeof LIVE_FIELDS)[number]) => live[o + LIVE_FIELDS.indexOf(f)];
        expect([field('in'), field('out'), field('ready'), field('dropped')]).toEqual([a['in'], a['out'], a['open'], a['late']]);
        const completed = (a['completedBySize'] as number) + (a['completedByTimeout'] as number) + (a['completedByGoodEnough'] as number);
        expect(completed).toBe(a['out']);
        const req = s.nodes['req']!;
        expect((req['answered'] as number) + (req['timeouts'] as number) + (req['pending'] as number)).toBe(req['sent']);
        const replies = ids.reduce((sum, id) => sum + (s.nodes[id]!['replies'] as number), 0);
        expect((a['in'] as number) + (a['late'] as number) + (a['unmatched'] as number) + (a['droppedWhileDown'] as number), 'every reply reaches the aggregator at once').toBe(replies);
      }
    }), { numRuns: 40 });
  });
});
