import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { scenarioOf, scriptedProducer } from '../testSupport';

const queue = (id: string) => ({ id, kind: 'queue' as const });

function routed(type: 'direct' | 'fanout' | 'topic', keys: string[], bindings: string[]) {
  const queues = [...new Set(bindings.map((b) => b.split(':')[0]!))];
  const s = scenarioOf(
    [scriptedProducer('p', keys), { id: 'x', kind: 'exchange', config: { type } }, ...queues.map(queue)],
    ['p>x', ...bindings.map((b) => `x>${b}`)],
  );
  const sim = createSimulation(s);
  sim.runUntil(1000);
  return sim.snapshot();
}

describe('exchange routing (semantics.md A1.1)', () => {
  it('A1.1.1 direct: exact, case-sensitive key equality', () => {
    const snap = routed('direct', ['abc', 'ABC', 'abc', 'x'], ['q1:abc', 'q2:x']);
    expect(snap.nodes.q1!.in).toBe(2);
    expect(snap.nodes.q2!.in).toBe(1);
    expect(snap.messages.droppedByReason.unroutable).toBe(1);
  });

  it('A1.1.3 fanout: every bound queue gets a copy, the key is ignored', () => {
    const snap = routed('fanout', ['a', 'b', ''], ['q1:zzz', 'q2', 'q3:a']);
    for (const q of ['q1', 'q2', 'q3']) expect(snap.nodes[q]!.in).toBe(3);
    expect(snap.messages.published).toBe(3);
    expect(snap.messages.routedCopies).toBe(6);
    expect(snap.messages.produced).toBe(9);
  });

  it('A1.1.5 a queue matched by several bindings gets one copy (lazy.pink.rabbit)', () => {
    const snap = routed('topic', ['lazy.pink.rabbit', 'quick.orange.rabbit'], ['q1:*.orange.*', 'q2:*.*.rabbit', 'q2:lazy.#']);
    expect(snap.nodes.q2!.in).toBe(2);
    expect(snap.nodes.q1!.in).toBe(1);
    expect(snap.messages.routedCopies).toBe(1);
  });

  it('A1.1.7 an unroutable message is dropped and counted (mandatory=false, no alternate exchange)', () => {
    const snap = routed('topic', ['quick.brown.fox', 'orange'], ['q1:*.orange.*']);
    expect(snap.nodes.x!.dropped).toBe(2);
    expect(snap.messages.droppedByReason.unroutable).toBe(2);
    expect(snap.messages.produced).toBe(snap.messages.dropped + snap.messages.queued);
  });

  it('A1.2 topic routing of the tutorial-5 keys', () => {
    const keys = ['quick.orange.rabbit', 'lazy.orange.elephant', 'quick.orange.fox', 'lazy.brown.fox', 'lazy.pink.rabbit',
      'quick.brown.fox', 'orange', 'quick.orange.new.rabbit', 'lazy.orange.new.rabbit'];
    const snap = routed('topic', keys, ['q1:*.orange.*', 'q2:*.*.rabbit', 'q2:lazy.#']);
    expect(snap.nodes.q1!.in).toBe(3);
    expect(snap.nodes.q2!.in).toBe(5);
    expect(snap.messages.droppedByReason.unroutable).toBe(3);
  });

  it('a producer with no outgoing edge drops its messages as unroutable', () => {
    const s = scenarioOf([scriptedProducer('p', ['a', 'b'])], []);
    const sim = createSimulation(s);
    sim.runUntil(100);
    expect(sim.snapshot().messages).toMatchObject({ published: 2, dropped: 2, droppedByReason: { unroutable: 2 } });
  });
});
