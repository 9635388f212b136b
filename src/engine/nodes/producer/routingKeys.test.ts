import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../random/prng';
import { fixedRoutingKey, routingKeyPicker } from './routingKeys';

describe('routing keys', () => {
  it('cycle gives the keys in turn, and a single cycled key is fixed (the picker is skipped)', () => {
    const pick = routingKeyPicker({ pick: 'cycle', keys: ['a', 'b'] }, new Sfc32(1));
    expect([pick(), pick(), pick()]).toEqual(['a', 'b', 'a']);
    expect(fixedRoutingKey({ pick: 'cycle', keys: ['a', 'b'] })).toBeNull();
    expect(fixedRoutingKey({ pick: 'cycle', keys: ['only'] })).toBe('only');
    expect(fixedRoutingKey({ pick: 'cycle', keys: [''] })).toBe('');
  });

  it('random and weighted picks are never fixed: they draw from their stream even with one key', () => {
    expect(fixedRoutingKey({ pick: 'random', keys: ['a'] })).toBeNull();
    expect(fixedRoutingKey({ pick: 'weighted', keys: [{ key: 'a', weight: 1 }] })).toBeNull();
    const pick = routingKeyPicker({ pick: 'weighted', keys: [{ key: 'x', weight: 1 }, { key: 'y', weight: 3 }] }, new Sfc32(7));
    const counts = { x: 0, y: 0 };
    for (let i = 0; i < 4000; i++) counts[pick() as 'x' | 'y']++;
    expect(counts.y / counts.x).toBeGreaterThan(2.5);
    expect(counts.y / counts.x).toBeLessThan(3.5);
  });
});
