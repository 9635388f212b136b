import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditLog } from './audit';
import { Accounting } from './metrics/accounting';
import type { Message } from './model/message';

/**
 * The audit keeps its figures up to date event by event. Its reference is the definition, computed at the end
 * from every (consumer, id) seen, as the audit did before (a Map per consumer, grouped at each report).
 */
interface Seen { delivered: Map<number, number>; processed: Map<number, number>; queues: number[] }

function byDefinition(consumers: Map<number, Seen>, dropped: Map<number, Set<number>>) {
  const groupOf = (index: number, s: Seen) => (s.queues.length === 0 ? `consumer:${index}` : [...s.queues].sort((a, b) => a - b).join(','));
  const groups = new Map<string, Map<number, number>>();
  for (const [index, s] of consumers) {
    const key = groupOf(index, s);
    const counts = groups.get(key) ?? new Map<number, number>();
    groups.set(key, counts);
    for (const [id, n] of s.processed) counts.set(id, (counts.get(id) ?? 0) + n);
  }
  let deliveredOnce = 0, deliveredMoreThanOnce = 0, duplicates = 0;
  for (const counts of groups.values()) for (const n of counts.values()) if (n > 1) duplicates++;
  const perConsumer: Record<string, { processed: number; duplicates: number; lost: number }> = {};
  for (const [index, s] of consumers) {
    for (const n of s.delivered.values()) { if (n === 1) deliveredOnce++; else deliveredMoreThanOnce++; }
    const group = groups.get(groupOf(index, s))!;
    let dup = 0;
    for (const id of s.processed.keys()) if (group.get(id)! > 1) dup++;
    const lost = new Set<number>();
    for (const id of dropped.get(index) ?? []) if (!s.processed.has(id)) lost.add(id);
    for (const q of s.queues) {
      const readers = [...consumers.values()].filter((c) => c.queues.includes(q));
      for (const id of dropped.get(q) ?? []) if (!readers.some((r) => r.processed.has(id))) lost.add(id);
    }
    perConsumer[`c${index}`] = { processed: s.processed.size, duplicates: dup, lost: lost.size };
  }
  return { deliveredOnce, deliveredMoreThanOnce, duplicates, perConsumer };
}

type Event = { kind: 'delivered' | 'processed' | 'dropped'; node: number; id: number };

// Nodes 0–2 are queues, 3–6 consumers; a consumer reads any subset of the queues (none: a push subscriber).
const QUEUES = [0, 1, 2];
const CONSUMERS = [3, 4, 5, 6];
const topology = fc.tuple(...CONSUMERS.map(() => fc.subarray(QUEUES)));
const event = fc.record({
  kind: fc.constantFrom('delivered' as const, 'processed' as const, 'dropped' as const),
  node: fc.integer({ min: 0, max: 6 }),
  id: fc.integer({ min: 1, max: 12 }), // few ids: repeats, duplicates and recoveries are common
});
const message = (id: number) => ({ id, orderKey: '', orderSeq: 0 }) as unknown as Message;

describe('AuditLog', () => {
  it('keeps, event by event, the figures their definition gives at the end', () => {
    fc.assert(fc.property(topology, fc.array(event, { maxLength: 300, size: 'max' }), (queuesOf, events: Event[]) => {
      const audit = new AuditLog();
      const accounting = new Accounting(audit);
      const seen = new Map<number, Seen>();
      CONSUMERS.forEach((c, i) => {
        audit.addConsumer(c, `c${c}`, queuesOf[i]!);
        seen.set(c, { delivered: new Map(), processed: new Map(), queues: queuesOf[i]! });
      });
      const dropped = new Map<number, Set<number>>();
      for (const e of events) {
        const s = seen.get(e.node);
        if (e.kind === 'dropped') {
          accounting.drop('linkLoss', e.node, e.id);
          dropped.set(e.node, (dropped.get(e.node) ?? new Set()).add(e.id));
        } else if (s && e.kind === 'delivered') {
          audit.delivered(e.node, message(e.id));
          s.delivered.set(e.id, (s.delivered.get(e.id) ?? 0) + 1);
        } else if (s) {
          audit.processed(e.node, message(e.id));
          s.processed.set(e.id, (s.processed.get(e.id) ?? 0) + 1);
        }
      }
      const report = audit.report(accounting, 0);
      const expected = byDefinition(seen, dropped);
      expect({ deliveredOnce: report.deliveredOnce, deliveredMoreThanOnce: report.deliveredMoreThanOnce, duplicates: report.duplicates })
        .toEqual({ deliveredOnce: expected.deliveredOnce, deliveredMoreThanOnce: expected.deliveredMoreThanOnce, duplicates: expected.duplicates });
      for (const [id, c] of Object.entries(report.consumers)) expect({ id, processed: c.processed, duplicates: c.duplicates, lost: c.lost }).toEqual({ id, ...expected.perConsumer[id]! });
    }), { numRuns: 500 });
  });

  it('counts a message processed 20 times by one consumer as one duplicate, not 19 (the counts stop at 15)', () => {
    const audit = new AuditLog();
    audit.addConsumer(0, 'c', [1]);
    for (let i = 0; i < 20; i++) { audit.delivered(0, message(7)); audit.processed(0, message(7)); }
    const report = audit.report(new Accounting(audit), 0);
    expect(report).toMatchObject({ deliveredOnce: 0, deliveredMoreThanOnce: 1, duplicates: 1 });
    expect(report.consumers.c).toMatchObject({ processed: 1, duplicates: 1, guarantee: 'at-least-once' });
  });

  it('stops at its id limit with the report it would have given then, and keeps it (the run goes on)', () => {
    fc.assert(fc.property(topology, fc.array(event, { maxLength: 300, size: 'max' }), fc.integer({ min: 1, max: 40 }), (queuesOf, events: Event[], limit) => {
      // `limited` checks its limit at every call; `reference` is fed the same calls until it remembers `limit` ids.
      const limited = new AuditLog(limit, 1);
      const accounting = new Accounting(limited);
      let clock = 0;
      const census = { queued: 0, inFlight: 0, deadLettered: 0 };
      limited.watch({ now: () => clock, accounting, census: () => ({ ...census, deadLettered: clock }) });
      const reference = new AuditLog();
      const referenceAccounting = new Accounting(reference);
      let stoppedAt = -1;
      CONSUMERS.forEach((c, i) => { limited.addConsumer(c, `c${c}`, queuesOf[i]!); reference.addConsumer(c, `c${c}`, queuesOf[i]!); });
      const feed = (audit: AuditLog, acc: Accounting, e: Event) => {
        if (e.kind === 'dropped') acc.drop('linkLoss', e.node, e.id);
        else if (e.kind === 'delivered') audit.delivered(e.node, message(e.id));
        else audit.processed(e.node, message(e.id));
      };
      for (const e of events) {
        clock++;
        if (e.kind !== 'dropped' && !CONSUMERS.includes(e.node)) continue; // no call reaches the audit
        if (stoppedAt < 0 && reference.idsRemembered() >= limit) stoppedAt = clock;
        feed(limited, accounting, e);
        if (stoppedAt < 0) feed(reference, referenceAccounting, e);
      }
      const report = limited.report(accounting, 999);
      if (stoppedAt < 0) {
        expect(report.stoppedAtMs).toBeUndefined();
        expect(report).toEqual(reference.report(referenceAccounting, 999));
        return;
      }
      // Every figure as of the stop: the audit's own, and those it takes from the run (drops, dead letters).
      expect(report).toEqual({ ...reference.report(referenceAccounting, stoppedAt), stoppedAtMs: stoppedAt, idsRemembered: reference.idsRemembered(), idLimit: limit });
      expect(reference.idsRemembered()).toBeGreaterThanOrEqual(limit);
    }), { numRuns: 500 });
  });

  it('a limited audit refuses to stop without knowing its run (watch)', () => {
    const audit = new AuditLog(1, 1);
    audit.addConsumer(0, 'c', [1]);
    audit.delivered(0, message(1));
    expect(() => audit.delivered(0, message(2))).toThrow(/watch/);
  });
});
