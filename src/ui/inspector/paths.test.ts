import { describe, expect, it } from 'vitest';
import { getIn, joinPath, setIn } from './paths';

describe('inspector paths', () => {
  it('reads and writes nested values without touching the original', () => {
    const doc = { config: { arrival: { type: 'poisson', ratePerSec: 10 } }, keys: ['a', 'b'] };
    const next = setIn(doc, ['config', 'arrival', 'ratePerSec'], 25);
    expect(getIn(next, ['config', 'arrival', 'ratePerSec'])).toBe(25);
    expect(doc.config.arrival.ratePerSec).toBe(10);
    expect(getIn(setIn(doc, ['keys', 1], 'c'), ['keys'])).toEqual(['a', 'c']);
  });

  it('removes a key set to undefined', () => {
    expect(setIn({ label: 'x', id: 'q' }, ['label'], undefined)).toEqual({ id: 'q' });
  });

  it('joins paths the way parseScenario reports them', () => {
    expect(joinPath('nodes[2]', ['config', 'prefetch'])).toBe('nodes[2].config.prefetch');
    expect(joinPath('', ['workload', 'warmupMs'])).toBe('workload.warmupMs');
    expect(joinPath('edges[0].config', ['bindingKey'])).toBe('edges[0].config.bindingKey');
    expect(joinPath('nodes[1].config.routingKeys.keys', [0])).toBe('nodes[1].config.routingKeys.keys[0]');
  });
});
