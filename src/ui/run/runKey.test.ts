import { describe, expect, it } from 'vitest';
import { parseScenario, type Fault, type Scenario } from '../../schema';
import { runKey } from './runKey';

const scenario = (): Scenario => {
  const r = parseScenario({
    version: 3, name: 'A', seed: 3,
    nodes: [{ id: 'p', kind: 'producer', position: { x: 0, y: 0 } }, { id: 'q', kind: 'queue', position: { x: 200, y: 0 } }],
    edges: [{ id: 'e', source: 'p', target: 'q' }],
  });
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
};

describe('the part of a document a run depends on', () => {
  it('ignores names, labels, positions and the seed', () => {
    const a = scenario();
    const b = { ...a, name: 'B', description: 'moved', seed: 9, nodes: a.nodes.map((n) => ({ ...n, label: 'x', position: { x: 5, y: 5 } })) };
    expect(runKey(b)).toBe(runKey(a));
  });

  it('sees a config, an edge, the duration or a fault change', () => {
    const a = scenario();
    const crash: Fault = { atMs: 1000, target: 'q', type: 'crash', durationMs: 500 } as Fault;
    expect(runKey({ ...a, durationMs: a.durationMs + 1 })).not.toBe(runKey(a));
    expect(runKey({ ...a, edges: [] })).not.toBe(runKey(a));
    expect(runKey({ ...a, nodes: a.nodes.map((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, prefetch: 3 } } : n)) as Scenario['nodes'] })).not.toBe(runKey(a));
    expect(runKey({ ...a, faults: [crash] })).not.toBe(runKey(a));
  });

  it('a live fault the run has matches the same fault recorded into the document, in any order', () => {
    const a = scenario();
    const one: Fault = { atMs: 1000, target: 'q', type: 'crash', durationMs: 500 } as Fault;
    const two: Fault = { atMs: 200, target: 'p', type: 'crash', durationMs: 100 } as Fault;
    expect(runKey({ ...a, faults: [two] }, [one])).toBe(runKey({ ...a, faults: [one, two] }));
  });
});
