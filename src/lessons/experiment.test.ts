import { describe, expect, it } from 'vitest';
import { parseLesson, type ParsedLesson } from '../schema';
import { withExperimentFaults } from './experiment';

function lesson(experiment: unknown[], faults: unknown[] = []): ParsedLesson {
  const result = parseLesson({
    version: 1, id: 'l', title: 'L', topic: 't', summary: 's', experiment,
    checks: [{ type: 'total', id: 'c', label: 'c', field: 'dropped', op: '==', value: 0 }],
    expect: { baseline: { c: 'pass' }, ...(experiment.some((s) => (s as { fault?: unknown }).fault) ? { experiment: { c: 'fail' } } : {}) },
    scenario: {
      version: 3, durationMs: 10_000, faults,
      nodes: [{ id: 'p', kind: 'producer' }, { id: 'q', kind: 'queue' }, { id: 'w', kind: 'consumer' }],
      edges: [{ id: 'p-q', source: 'p', target: 'q' }, { id: 'q-w', source: 'q', target: 'w' }],
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.lesson;
}

describe('withExperimentFaults', () => {
  it('appends every step\'s fault, in step order, after the scenario\'s own faults', () => {
    const l = lesson(
      [{ text: 'a', fault: { type: 'crash', target: 'w', atMs: 5000 } }, { text: 'think' }, { text: 'b', fault: { type: 'partition', target: 'p-q', atMs: 1000 } }],
      [{ type: 'slow', target: 'w', atMs: 0, factor: 2 }],
    );
    const faults = withExperimentFaults(l).faults;
    expect(faults.map((f) => `${f.type} ${f.target} ${f.atMs}`)).toEqual(['slow w 0', 'crash w 5000', 'partition p-q 1000']);
    expect(l.scenario.faults).toHaveLength(1);
  });

  it('returns the scenario as it is when no step has a fault', () => {
    const l = lesson([{ text: 'Change the prefetch to 50 and run again.' }]);
    expect(withExperimentFaults(l)).toBe(l.scenario);
  });
});
