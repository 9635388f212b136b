import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from './idTable';

type Op = { kind: 'set'; id: number; value: number } | { kind: 'delete'; id: number };

// Ids from a small range collide and repeat (probe runs, wrap-around, deletes inside runs); a wide range grows the table.
const id = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 2 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), id, value: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('delete' as const), id }),
);

describe('IdTable', () => {
  it('reads as a Map of the same operations would, whatever the order of sets, overwrites and deletes', () => {
    fc.assert(fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
      const table = new IdTable(4);
      const model = new Map<number, number>();
      for (const o of ops) {
        if (o.kind === 'delete') expect(table.delete(o.id)).toBe(model.delete(o.id));
        else {
          table.set(o.id, o.value);
          if (o.value <= 0) model.delete(o.id); else model.set(o.id, Math.min(o.value, 255));
        }
      }
      expect(table.size).toBe(model.size);
      for (const [k, v] of model) expect(table.get(k)).toBe(v);
      const seen = new Map<number, number>();
      table.forEach((k, v) => seen.set(k, v));
      expect(seen).toEqual(model);
    }), { numRuns: 300 });
  });

  it('holds a million consecutive ids and finds each after deleting every other one', () => {
    const table = new IdTable();
    for (let i = 1; i <= 1_000_000; i++) table.set(i, 1 + (i % 3));
    for (let i = 1; i <= 1_000_000; i += 2) table.delete(i);
    expect(table.size).toBe(500_000);
    let wrong = 0;
    for (let i = 1; i <= 1_000_000; i++) if (table.get(i) !== (i % 2 === 1 ? 0 : 1 + (i % 3))) wrong++;
    expect(wrong).toBe(0);
  });

  it('refuses what is not a message id, with a clear error', () => {
    const table = new IdTable();
    expect(() => table.set(-1, 1)).toThrow(/not a message id/);
    expect(() => table.set(1.5, 1)).toThrow(/not a message id/);
    expect(() => table.set(2 ** 31, 1)).toThrow(/not a message id/);
    expect(() => table.setAt(table.locate(-1), -1, 1)).toThrow(/not a message id/);
    expect(table.size).toBe(0);
  });

  it('locate, valueAt and setAt read and update an id with one probe, as get and set do', () => {
    const table = new IdTable(4);
    const reference = new Map<number, number>();
    for (let i = 0; i < 5000; i++) {
      const id = (i * 7919) % 1500; // ids come back, in a scrambled order, while the table grows
      const place = table.locate(id);
      expect(table.valueAt(place)).toBe(reference.get(id) ?? 0);
      expect(place >= 0).toBe(reference.has(id));
      const next = Math.min(255, (reference.get(id) ?? 0) + 1 + (i % 3));
      table.setAt(place, id, next);
      reference.set(id, next);
    }
    expect(table.size).toBe(reference.size);
    for (const [id, value] of reference) expect(table.get(id)).toBe(value);
    expect(() => table.setAt(table.locate(3), 3, 0)).toThrow(/at least 1/);
  });
});
