import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { scenarioOf } from '../testSupport';

const producer = (count: number) => ({ id: 'p', kind: 'producer' as const, config: { arrival: { type: 'constant' as const, ratePerSec: 100 }, count } });
const fanout = (id: string) => ({ id, kind: 'exchange' as const, config: { type: 'fanout' as const } });
const router = (id: string, to: string[]) => ({ id, kind: 'router' as const, config: { mode: 'all' as const, rules: [{ when: {}, to }], otherwise: [] } });
const balance = (m: { acked: number; queued: number; inFlight: number; deadLettered: number; dropped: number }) => m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped;

function run(nodes: Parameters<typeof scenarioOf>[0], edges: Parameters<typeof scenarioOf>[1]) {
  const sim = createSimulation(scenarioOf(nodes, edges, { durationMs: 1000 }));
  const r = sim.runUntil(1000);
  return { error: r.error, snap: sim.snapshot() };
}

describe('A1.1.6: a message is routed once through each exchange, router and filter of a cycle (routingPass.ts)', () => {
  it('a router sending back to the exchange that fed it: the exchange does not route the message again', () => {
    // Before: x → r → x → r … at one instant, until the livelock guard stopped the run after 5 million events.
    const { error, snap } = run([producer(10), fanout('x'), router('r', ['x', 'qr']), { id: 'qx', kind: 'queue' }, { id: 'qr', kind: 'queue' }],
      ['p>x', 'x>qx', 'x>r', 'r>x', 'r>qr']);
    expect(error).toBeUndefined();
    expect([snap.nodes.qx!.ready, snap.nodes.qr!.ready]).toEqual([10, 10]);
    expect(snap.messages).toMatchObject({ produced: 20, queued: 20, dropped: 0 });
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('two ways back (two routers and a filter): one copy per destination, not twice as many at every turn', () => {
    // Before: each turn through x made a copy for r1, r2 and f, and each came back to x: 2^200 copies at one instant
    // (the send depth), and the run ran out of memory within its first event (a property test, seed 22, found it).
    const { error, snap } = run([
      producer(50), fanout('x'), router('r1', ['x']), router('r2', ['x']), { id: 'f', kind: 'filter', config: { policy: {} } },
      { id: 'q', kind: 'queue' },
    ], ['p>x', 'x>q', 'x>r1', 'x>r2', 'x>f', 'r1>x', 'r2>x', 'f>x']);
    expect(error).toBeUndefined();
    expect(snap.nodes.q!.ready).toBe(50);
    // The ways back add no destination: each of r1, r2 and f has nowhere new to send its copy (unroutable there).
    expect(snap.messages.droppedByReason.unroutable).toBe(150);
    expect(balance(snap.messages)).toBe(snap.messages.produced);
  });

  it('arriving at a queue ends the pass: a message dead-lettered back to the exchange that routed it is routed again', () => {
    const { snap } = run([
      producer(5), { id: 'x', kind: 'exchange', config: { type: 'direct' } },
      { id: 'work', kind: 'queue', config: { messageTtlMs: 10, deadLetterRoutingKey: 'dead' } }, { id: 'dead', kind: 'queue' },
    ], [{ id: 'px', source: 'p', target: 'x', config: { routingKey: 'work' } }, 'x>work:work', 'x>dead:dead', 'work>x']);
    expect(snap.nodes.dead!.ready).toBe(5);
  });
});
