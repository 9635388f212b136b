import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo';

describe('Fifo', () => {
  it('any interleaving of pushes and shifts matches an array model (emptying and compaction included)', () => {
    const op = fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 1500 }));
    fc.assert(fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const f = new Fifo<number>();
      const model: number[] = [];
      let next = 0;
      for (const o of ops) {
        if (o === -1) { expect(f.shift()).toBe(model.shift()); continue; }
        for (let i = 0; i < o; i++) { f.push(next); model.push(next++); }
        for (let i = 0; i < o - 1; i++) expect(f.shift()).toBe(model.shift()); // leaves one, so compaction runs with items left
        const seen: number[] = [];
        f.forEach((x) => seen.push(x));
        expect(seen).toEqual(model);
        expect(f.length).toBe(model.length);
      }
    }), { numRuns: 50 });
  });
});
