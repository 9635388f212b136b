/**
 * A reply lost on a link into its requester is owed to no consumer's delivery guarantee (A4 Return Address):
 * the kernel charges it to no node, as it does a reply lost on its way back along a call's own edge. It still
 * counts as dropped (linkLoss), and the request times out.
 */
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../../schema';
import type { AuditLog } from '../../audit';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../../testSupport';

describe('a reply lost on its way to the requester', () => {
  it('is dropped as linkLoss, charged to no node; its request times out', () => {
    const s = scenarioOf(
      [{ id: 'client', kind: 'requester', config: { arrival: scriptEvery(40, 10), timeoutMs: 100 } }, { id: 'requests', kind: 'queue' },
        { id: 'r0', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 } } }],
      ['client>requests', 'requests>r0', { id: 'replies', source: 'r0', target: 'client', config: {} }],
      { faults: [{ type: 'linkLoss', target: 'replies', atMs: 0, probability: 0.5 } as Fault] },
    );
    const sim = createSimulation(s);
    sim.runUntil(2000);
    const snap = sim.snapshot();
    const lost = snap.messages.droppedByReason.linkLoss ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(snap.nodes.client).toMatchObject({ timeouts: lost });
    // The run's own audit: no message id is held against the requester (node 0).
    const audit = (sim as unknown as { audit: AuditLog }).audit;
    expect(audit.idsDroppedAt(0)).toBe(0);
    expectBalanced(snap);
  });
});
