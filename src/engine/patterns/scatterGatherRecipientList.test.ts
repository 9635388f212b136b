/**
 * examples/scatter-gather-recipient-list.json: Scatter-Gather, distribution variant (A4). A router in
 * mode `all` (Recipient List) picks the suppliers from the request's region header; each region's
 * aggregator waits for all of its list (completion size) with an inactivity timeout as the fallback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf, type Scenario } from '../../schema';
import type { NodeReport } from '../api';
import { createSimulation } from '../simulation';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const sc = example('scatter-gather-recipient-list.json');
const router = sc.nodes.find((n) => n.kind === 'router') as NodeOf<'router'>;
const requesters = sc.nodes.filter((n): n is NodeOf<'requester'> => n.kind === 'requester');
/** The consumer behind a queue the router names. */
const supplierOf = (queue: string): string => sc.edges.find((e) => e.source === queue)!.target;

const sim = createSimulation(sc);
sim.runUntil(sc.durationMs);
const snap = sim.snapshot();
const num = (id: string, f: string): number => (snap.nodes[id] as NodeReport)[f] as number;

describe('scatter-gather recipient list (examples/scatter-gather-recipient-list.json)', () => {
  it('is a Recipient List: a router in mode all, one rule per region header value', () => {
    expect(router.config.mode).toBe('all');
    for (const r of requesters) {
      const region = r.config.headers['region'];
      expect(router.config.rules.some((rule) => JSON.stringify(rule.when) === JSON.stringify({ region: [region] }))).toBe(true);
    }
  });

  it('sends each request to exactly the suppliers its region lists', () => {
    const expected = new Map<string, number>();
    for (const r of requesters) {
      const rule = router.config.rules.find((x) => JSON.stringify(x.when) === JSON.stringify({ region: [r.config.headers['region']] }))!;
      for (const q of rule.to) expected.set(supplierOf(q), (expected.get(supplierOf(q)) ?? 0) + num(r.id, 'sent'));
    }
    for (const [supplier, n] of expected) expect(num(supplier, 'in'), supplier).toBe(n);
  });

  it('completes each collection when the whole list has answered, or by timeout when one is slow', () => {
    for (const r of requesters) {
      const agg = sc.nodes.find((n) => n.id === r.config.replyTo) as NodeOf<'aggregator'>;
      const rule = router.config.rules.find((x) => JSON.stringify(x.when) === JSON.stringify({ region: [r.config.headers['region']] }))!;
      expect(agg.config.completionSize).toBe(rule.to.length);
      expect(num(agg.id, 'completedBySize') + num(agg.id, 'completedByTimeout')).toBe(num(r.id, 'sent') - num(agg.id, 'open'));
      expect(num(agg.id, 'completedByGoodEnough')).toBe(0);
      // Every aggregate answers its buyer; a timed-out collection's missing quote arrives late.
      expect(num(r.id, 'answered')).toBe(num(agg.id, 'out'));
      expect(num(r.id, 'timeouts')).toBe(0);
    }
    const timeouts = requesters.map((r) => num(r.config.replyTo!, 'completedByTimeout'));
    expect(timeouts.some((t) => t > 0)).toBe(true);
    expect(snap.messages.droppedByReason.lateReply).toBe(requesters.reduce((s, r) => s + num(r.config.replyTo!, 'late'), 0));
  });

  it('balances', () => {
    const m = snap.messages;
    expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
  });
});
