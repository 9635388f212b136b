/**
 * examples/scatter-gather-auction.json: Scatter-Gather, auction variant (A4). A requester scatters
 * through a fanout exchange to three bidders; an aggregator keyed on the correlation id completes by
 * size, by a good-enough offer, or by its inactivity timeout, and replies to the requester. One bidder
 * crashes for a while. Each claim of the description is checked on real runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf, type Scenario } from '../../schema';
import { createSimulation } from '../simulation';
import { reportNumber as num } from '../testSupport';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const sc = example('scatter-gather-auction.json');
const agg = sc.nodes.find((n) => n.kind === 'aggregator') as NodeOf<'aggregator'>;
const requester = sc.nodes.find((n) => n.kind === 'requester') as NodeOf<'requester'>;
const bidders = sc.nodes.filter((n) => n.kind === 'consumer').map((n) => n.id);
const crash = sc.faults.find((f) => f.type === 'crash')!;

const sim = createSimulation(sc);
sim.runUntil(crash.atMs);
const beforeCrash = sim.snapshot();
sim.runUntil(crash.atMs + crash.durationMs!);
const afterCrash = sim.snapshot();
sim.runUntil(sc.durationMs);
const snap = sim.snapshot();
const a = snap.nodes[agg.id]!;
const buyer = snap.nodes[requester.id]!;

describe('scatter-gather auction (examples/scatter-gather-auction.json)', () => {
  it('is an auction: the requester names the aggregator as its Return Address and scatters through a fanout', () => {
    expect(requester.config.replyTo).toBe(agg.id);
    expect(bidders).toHaveLength(agg.config.completionSize!);
    const fanout = sc.nodes.find((n) => n.kind === 'exchange') as NodeOf<'exchange'>;
    expect(fanout.config.type).toBe('fanout');
  });

  it('answers every request with one aggregate and no timeouts at the requester', () => {
    expect(num(buyer, 'sent')).toBeGreaterThan(50);
    expect(num(buyer, 'answered') + num(buyer, 'pending')).toBe(num(buyer, 'sent'));
    expect(num(buyer, 'timeouts')).toBe(0);
    expect(num(a, 'out')).toBe(num(buyer, 'replies'));
  });

  it('completes by size, by a good-enough offer and by timeout, each aggregate once', () => {
    const by = ['completedBySize', 'completedByGoodEnough', 'completedByTimeout'].map((f) => num(a, f));
    for (const n of by) expect(n).toBeGreaterThan(0);
    expect(by.reduce((x, y) => x + y, 0)).toBe(num(a, 'out'));
    expect(num(a, 'meanSize')).toBeLessThan(agg.config.completionSize!);
    expect(num(a, 'meanSize')).toBeGreaterThanOrEqual(1);
  });

  it('times out the auctions the crashed bidder cannot answer', () => {
    const timeouts = (s: typeof snap): number => num(s.nodes[agg.id], 'completedByTimeout');
    const completed = (s: typeof snap): number => num(s.nodes[agg.id], 'out');
    // Before the crash nearly every auction hears all bidders; during it nearly none can.
    expect(timeouts(beforeCrash)).toBeLessThan(0.2 * completed(beforeCrash));
    const during = completed(afterCrash) - completed(beforeCrash);
    expect(timeouts(afterCrash) - timeouts(beforeCrash)).toBeGreaterThan(0.8 * during);
  });

  it('discards the answers that come after their auction ended as late replies', () => {
    expect(num(a, 'late')).toBeGreaterThan(0);
    expect(snap.messages.droppedByReason.lateReply).toBe(num(a, 'late'));
    const replies = bidders.reduce((s, b) => s + num(snap.nodes[b], 'replies'), 0);
    expect(num(a, 'in') + num(a, 'late') + num(a, 'unmatched')).toBe(replies);
  });

  it('balances: every request copy, reply and aggregate is acked, held or dropped', () => {
    const m = snap.messages;
    expect(m.produced).toBe(m.acked + m.queued + m.inFlight + m.deadLettered + m.dropped);
    expect(m.forwarded).toBe(bidders.reduce((s, b) => s + num(snap.nodes[b], 'replies'), 0) + num(a, 'out'));
  });

  it('gives the same run for the same seed', () => {
    const again = createSimulation(sc);
    again.runUntil(sc.durationMs);
    expect(again.snapshot()).toEqual(snap);
  });
});
