import { describe, expect, it } from 'vitest';
import type { Audit } from '../../engine/api';
import { auditView } from './auditModel';

const audit = (over: Partial<Audit> = {}): Audit => ({
  produced: 100, deliveredOnce: 90, deliveredMoreThanOnce: 4, duplicates: 3, lost: 7,
  lostByReason: { lostAfterAutoAck: 5, nodeDown: 2, linkLoss: 0 }, droppedAfterProcessing: 0, deadLettered: 1, outOfOrder: 2,
  consumers: {
    c1: { processed: 80, duplicates: 0, skippedDuplicates: 0, lost: 5, outOfOrder: 0, guarantee: 'at-most-once' },
    c2: { processed: 10, duplicates: 3, skippedDuplicates: 2, lost: 0, outOfOrder: 2, guarantee: 'at-least-once' },
  },
  competing: [], faults: [], ...over,
});

describe('audit model', () => {
  it('lists the totals in order with their test keys', () => {
    expect(auditView(audit()).totals.map((r) => [r.key, r.value])).toEqual([
      ['produced', 100], ['deliveredOnce', 90], ['deliveredMoreThanOnce', 4], ['duplicates', 3], ['lost', 7], ['deadLettered', 1], ['outOfOrder', 2],
    ]);
  });

  it('says what the totals count: deliveries per consumer, summed (they can exceed produced); losses per copy', () => {
    const byKey = Object.fromEntries(auditView(audit()).totals.map((r) => [r.key, r.title]));
    expect(byKey.deliveredOnce).toMatch(/per consumer.*can exceed produced/);
    expect(byKey.deliveredMoreThanOnce).toMatch(/per consumer/);
    expect(byKey.lost).toMatch(/copies.*retry got through/);
  });

  it('names loss reasons in words, biggest first, and leaves out zeros', () => {
    expect(auditView(audit()).losses).toEqual([
      { reason: 'lostAfterAutoAck', label: 'auto-ack crash', detail: 'acked on delivery, then processing failed or the consumer went away holding it (A1.4)', value: 5 },
      { reason: 'nodeDown', label: 'sent to a down node / no leader', detail: 'sent to a down node, or dead-lettered to a queue with no leader (a publish to a quorum queue with no leader is held instead)', value: 2 },
    ]);
    expect(auditView(audit({ lostByReason: { somethingNew: 1 } as Audit['lostByReason'] })).losses[0]).toMatchObject({ label: 'somethingNew', detail: 'somethingNew' });
  });

  it('gives each consumer its figures, its label and a guarantee badge with a meaning', () => {
    const [c1, c2] = auditView(audit(), { c1: 'Billing' }).consumers;
    expect(c1).toMatchObject({ id: 'c1', label: 'Billing', lost: 5, guarantee: 'at-most-once', guaranteeLabel: 'at-most-once', tone: 'warn' });
    expect(c2).toMatchObject({ id: 'c2', label: 'c2', duplicates: 3, skippedDuplicates: 2, outOfOrder: 2, guarantee: 'at-least-once', tone: 'info' });
    const ok = auditView(audit({ consumers: { c: { processed: 1, duplicates: 0, skippedDuplicates: 0, lost: 0, outOfOrder: 0, guarantee: 'exactly-once' } } }));
    expect(ok.consumers[0]).toMatchObject({ tone: 'ok', meaning: 'nothing lost, nothing processed twice' });
    const none = auditView(audit({ consumers: { c: { processed: 1, duplicates: 1, skippedDuplicates: 0, lost: 1, outOfOrder: 0, guarantee: 'none' } } }));
    expect(none.consumers[0]).toMatchObject({ tone: 'danger', guaranteeLabel: 'none' });
  });
});

describe('competing consumers in the audit model', () => {
  it('names a group by its consumers and queues as the canvas does, with its own guarantee', () => {
    const view = auditView(audit({
      competing: [{ consumers: ['c1', 'c2'], queues: ['q1'], processed: 88, duplicates: 3, lost: 5, guarantee: 'none' }],
    }), { c1: 'Billing', q1: 'Orders' });
    expect(view.competing).toEqual([expect.objectContaining({
      key: 'c1,c2', label: 'Billing, c2', queues: 'Orders', processed: 88, duplicates: 3, lost: 5, guaranteeLabel: 'none', tone: 'danger',
    })]);
  });

  it('no groups, no rows', () => {
    expect(auditView(audit()).competing).toEqual([]);
  });
});
