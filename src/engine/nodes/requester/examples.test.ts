/**
 * The request/reply examples: each claim of a description is checked on a real run, with expected
 * figures derived from the example's own config where one is claimed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf, type Scenario } from '../../../schema';
import type { LatencySummary, NodeReport, Snapshot } from '../../api';
import { createSimulation } from '../../simulation';
import { reportNumber as num } from '../../testSupport';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

function run(sc: Scenario): Snapshot {
  const sim = createSimulation(sc, { sampling: false });
  sim.runUntil(sc.durationMs);
  return sim.snapshot();
}

const latency = (r: NodeReport | undefined, field: string) => r?.[field] as LatencySummary;
const requesterOf = (sc: Scenario, id: string) => sc.nodes.find((n) => n.id === id) as NodeOf<'requester'>;

describe('examples/request-reply.json', () => {
  const sc = example('request-reply.json');
  const snap = run(sc);
  const checkout = snap.nodes.checkout;
  const feed = snap.nodes['pricing-feed'];

  it('every request is answered, none times out, every reply finds its request', () => {
    for (const r of [checkout, feed]) {
      expect(num(r, 'timeouts')).toBe(0);
      expect(num(r, 'late') + num(r, 'unmatched')).toBe(0);
      expect(num(r, 'answered') + num(r, 'pending')).toBe(num(r, 'sent'));
    }
    expect(snap.messages.dropped).toBe(0);
  });

  it('the sync client sends 1 / (round trip + think time) requests a second; the async one its arrival rate', () => {
    const think = requesterOf(sc, 'checkout').config.thinkTimeMs;
    if (think.type !== 'constant') throw new Error('the example changed shape');
    const cycleMs = latency(checkout, 'rttMs').mean + think.value;
    expect(num(checkout, 'sent')).toBeCloseTo(sc.durationMs / cycleMs, -1);
    const arrival = requesterOf(sc, 'pricing-feed').config.arrival;
    if (arrival.type !== 'poisson') throw new Error('the example changed shape');
    expect(num(feed, 'sent') / (sc.durationMs / 1000)).toBeGreaterThan(arrival.ratePerSec * 0.95);
    expect(num(feed, 'sent')).toBeGreaterThan(3 * num(checkout, 'sent'));
  });

  it('both clients see about the same round trip, and the responders run at about 60% load', () => {
    expect(latency(checkout, 'rttMs').mean / latency(feed, 'rttMs').mean).toBeGreaterThan(0.7);
    expect(latency(checkout, 'rttMs').mean / latency(feed, 'rttMs').mean).toBeLessThan(1.3);
    for (const id of ['responder-1', 'responder-2']) {
      expect(num(snap.nodes[id], 'utilisation')).toBeGreaterThan(0.5);
      expect(num(snap.nodes[id], 'utilisation')).toBeLessThan(0.7);
    }
  });
});

describe('examples/publish-async-response.json', () => {
  const sc = example('publish-async-response.json');
  const snap = run(sc);
  const r = snap.nodes['quote-request'];

  it('each request reaches three insurers, and the fast two answer every one', () => {
    expect(num(snap.nodes.quotes, 'out')).toBe(3 * num(r, 'sent'));
    expect(num(snap.nodes['insurer-1'], 'replies')).toBe(num(r, 'sent'));
    expect(num(snap.nodes['insurer-2'], 'replies')).toBe(num(r, 'sent'));
  });

  it('the slow insurer makes some requests time out with two replies; their third reply comes late', () => {
    expect(num(r, 'timeouts')).toBeGreaterThan(0);
    expect(num(r, 'late')).toBeGreaterThan(0);
    expect(snap.messages.droppedByReason.lateReply).toBe(num(r, 'late'));
    expect(num(r, 'repliesPerRequest')).toBeLessThan(3);
    expect(num(r, 'repliesPerRequest')).toBeGreaterThan(2.5);
  });

  it('the slow insurer fails some requests with an error reply', () => {
    expect(num(snap.nodes['insurer-3'], 'failed')).toBeGreaterThan(0);
    expect(num(r, 'errors')).toBeGreaterThan(0);
    expect(num(r, 'errors')).toBeLessThanOrEqual(num(snap.nodes['insurer-3'], 'failed'));
  });
});

describe('examples/sync-vs-async-chain.json', () => {
  const sc = example('sync-vs-async-chain.json');
  const snap = run(sc);
  const n = snap.nodes;
  const healthy = { ...sc, faults: [] };
  const base = run(healthy).nodes;

  it('in the synchronous chain the slow-down spreads upstream: calls fail at sync-b and sync-a, the client times out', () => {
    expect(num(n['sync-b'], 'callTimeouts')).toBeGreaterThan(0);
    expect(num(n['sync-a'], 'callTimeouts') + num(n['sync-a'], 'callErrors')).toBeGreaterThan(0);
    expect(num(n.client, 'timeouts')).toBeGreaterThan(0);
    expect(num(n.client, 'late')).toBeGreaterThan(0);
    expect(snap.messages.droppedByReason.callFailed).toBe(num(n['sync-a'], 'failed') + num(n['sync-b'], 'failed'));
    // Without the fault nothing of this happens.
    expect(num(base.client, 'timeouts')).toBe(0);
    expect(num(base['sync-a'], 'failed') + num(base['sync-b'], 'failed')).toBe(0);
  });

  it('sync-a\'s slots sit busy waiting: its utilisation is many times async-a\'s, and its latency climbs to seconds', () => {
    expect(num(n['sync-a'], 'utilisation')).toBeGreaterThan(5 * num(n['async-a'], 'utilisation'));
    expect(latency(n['sync-a'], 'latencyMs').p95).toBeGreaterThan(1000);
    expect(latency(base['sync-a'], 'latencyMs').p95).toBeLessThan(200);
  });

  it('in the asynchronous chain only queue-c grows: async-a and async-b keep their latency, nothing fails, queue-c drains', () => {
    expect(num(n['queue-c'], 'maxReady')).toBeGreaterThan(100);
    expect(num(n['queue-c'], 'ready')).toBe(0);
    for (const id of ['async-a', 'async-b']) {
      expect(num(n[id], 'failed')).toBe(0);
      expect(latency(n[id], 'latencyMs').p99).toBeLessThan(2 * latency(base[id], 'latencyMs').p99);
      expect(num(n[id], 'acked')).toBe(num(base[id], 'acked'));
    }
    expect(num(n['queue-a'], 'maxReady') + num(n['queue-b'], 'maxReady')).toBeLessThan(20);
    expect(num(n['async-c'], 'acked')).toBe(num(base['async-c'], 'acked'));
  });
});
