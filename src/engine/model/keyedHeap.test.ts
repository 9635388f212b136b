import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedHeap } from './keyedHeap';

describe('KeyedHeap', () => {
  it('pops items in key order, each with its own key, whatever order they were pushed in', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), (keys) => {
      const heap = new KeyedHeap<{ key: number }>();
      for (const key of keys) heap.push(key, { key });
      const popped: number[] = [];
      while (heap.size > 0) {
        expect(heap.peekItem()!.key).toBe(heap.peekKey());
        popped.push(heap.peekKey());
        heap.pop();
      }
      expect(popped).toEqual([...keys].sort((a, b) => a - b));
      expect(heap.peekKey()).toBe(Infinity);
      expect(heap.peekItem()).toBeUndefined();
    }));
  });
});
