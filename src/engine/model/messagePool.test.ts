import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../schema';
import { createSimulation } from '../simulation';
import { inspectEverything, poolOf, reportNumber, scenarioOf, withoutPool } from '../testSupport';
import { newMessage, type MessageInit } from './message';
import { MessagePool } from './messagePool';

const init: MessageInit = { routingKey: 'k', headers: { a: 1 }, priority: 3, sizeBytes: 10, trail: null, publisher: 'p', replyTo: 'r', correlationId: 4 };

describe('MessagePool', () => {
  it('reuses a released message, made exactly like a new one', () => {
    const pool = new MessagePool(false);
    const first = pool.create(1, 5, init);
    Object.assign(first, { redelivered: true, deliveryCount: 3, deaths: [], corrupt: true, sqsOwned: true, queueSeq: 9, expiresAt: 7 });
    pool.release(first);
    expect(pool.size).toBe(1);
    const again = pool.create(2, 8, { ...init, originAt: 6 });
    expect(again).toBe(first);
    expect(again).toEqual(newMessage(2, 8, { ...init, originAt: 6 }));
    expect(pool.size).toBe(0);
  });

  it('poisons what it holds, so that a stale read shows, and refuses a message released twice', () => {
    const pool = new MessagePool(false);
    const m = pool.create(1, 0, init);
    pool.release(m);
    expect(m.id).toBe(-1);
    expect(m.originAt).toBeNaN();
    expect(() => pool.release(m)).toThrow(/released twice/);
  });

  it('keeps nothing when disabled (the tests\' reference run)', () => {
    const pool = new MessagePool(false, false);
    const m = pool.create(1, 0, init);
    pool.release(m);
    expect(pool.size).toBe(0);
    expect(m.id).toBe(1);
    expect(pool.create(2, 0, init)).not.toBe(m);
  });

  it('tracing: a message released while edges show it keeps its contents, and is reused once the last edge drops it', () => {
    const pool = new MessagePool(true);
    const m = pool.create(1, 5, init);
    let slotA = pool.show(null, m), slotB = pool.show(null, m); // two edges carried it last
    pool.show(slotA, slotA); // shown again by the same slot: still pinned once there
    pool.release(m);
    expect(pool.size).toBe(0);
    expect(m).toMatchObject({ id: 1, originAt: 5, routingKey: 'k' }); // not poisoned: the inspector shows it
    const other = pool.create(2, 6, init);
    expect(other).not.toBe(m);
    slotA = pool.show(slotA, other);
    expect(pool.size).toBe(0); // slot B shows it still
    expect(m.id).toBe(1);
    slotB = pool.show(slotB, other);
    expect(pool.size).toBe(1);
    expect(m.id).toBe(-1); // poisoned only now, on the free list
    expect(m.originAt).toBeNaN();
    expect(pool.create(3, 7, init)).toBe(m);
    expect(m).toEqual(newMessage(3, 7, init));
    expect([slotA, slotB]).toEqual([other, other]);
  });

  it('tracing: a message edges drop without its release stays out of the pool', () => {
    const pool = new MessagePool(true);
    const m = pool.create(1, 0, init);
    pool.show(pool.show(null, m), pool.create(2, 0, init));
    expect(m.pins).toBe(0);
    expect(pool.size).toBe(0);
    expect(m.id).toBe(1);
  });

  it('tracing: refuses a message released twice while on show, after it left the show, and one sent again after its release', () => {
    const pool = new MessagePool(true);
    const m = pool.create(1, 0, init);
    const slot = pool.show(null, m);
    pool.release(m);
    expect(() => pool.release(m)).toThrow(/released twice/);
    expect(() => pool.show(null, m)).toThrow(/sent again/);
    pool.show(slot, pool.create(2, 0, init));
    expect(pool.size).toBe(1); // pooled once, not twice
    expect(() => pool.release(m)).toThrow(/released twice/);
    expect(() => pool.show(null, m)).toThrow(/sent again/);
    expect(pool.size).toBe(1);
  });

  it('changes no figure and no inspected message of any example, at two seeds (the pool off as the reference)', () => {
    const dir = resolve(import.meta.dirname, '../../../examples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const parsed = parseScenario(JSON.parse(readFileSync(resolve(dir, file), 'utf8')));
      if (!parsed.ok) throw new Error(file);
      for (const seed of [parsed.scenario.seed, 7]) {
        const pooled = createSimulation(parsed.scenario, { seed, sampling: false });
        const traced = createSimulation(parsed.scenario, { seed, sampling: false, tracing: true });
        const fresh = withoutPool(createSimulation(parsed.scenario, { seed, sampling: false, tracing: true }));
        for (const sim of [pooled, traced, fresh]) sim.runUntil(parsed.scenario.durationMs);
        expect(pooled.snapshot(), `${file} seed ${seed}`).toEqual(fresh.snapshot());
        expect(traced.snapshot(), `${file} seed ${seed}, tracing`).toEqual(fresh.snapshot());
        expect(inspectEverything(traced), `${file} seed ${seed}, inspected`).toEqual(inspectEverything(fresh));
      }
    }
  });

  it.each([false, true])('is used on the hot path: an acked message from a queue comes back as a new one (tracing %s)', (tracing) => {
    const parsed = parseScenario(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../examples/mm1.json'), 'utf8')));
    if (!parsed.ok) throw new Error('mm1');
    const sim = createSimulation(parsed.scenario, { sampling: false, tracing });
    const pool = poolOf(sim);
    let created = 0, reused = 0;
    const create = pool.create.bind(pool);
    pool.create = (id, now, f) => {
      const before = pool.size;
      created++;
      const m = create(id, now, f);
      if (pool.size < before) reused++;
      return m;
    };
    sim.runUntil(60_000);
    expect(created).toBeGreaterThan(1000);
    expect(reused).toBeGreaterThan(created * 0.9);
  });

  it('lets a confirm still due when its message was acked be settled by its own disk write (A1.6)', () => {
    // Each message is acked (1 ms) long before its disk write is done (50 ms), so its object is reused for the next
    // publishes while its confirm is due: the confirm must still be found by the write that settles it.
    const sc = scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: { type: 'constant', ratePerSec: 100 }, count: 20, persistent: true, confirms: { window: 100 } } },
      { id: 'q', kind: 'queue', config: { durable: true, diskWriteMs: { type: 'constant', value: 50 } } },
      { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } },
    ], ['p>q', 'q>c'], { durationMs: 2000 });
    const pooled = createSimulation(sc, { sampling: false });
    pooled.runUntil(sc.durationMs);
    const p = pooled.snapshot().nodes.p;
    expect(reportNumber(p, 'confirmed')).toBe(20);
    expect(reportNumber(p, 'unconfirmed')).toBe(0);
    expect((p?.confirmMs as { min?: number; max: number }).max).toBeGreaterThanOrEqual(50); // no confirm came before its write
  });
});
