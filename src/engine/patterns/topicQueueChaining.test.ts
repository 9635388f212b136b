/**
 * examples/topic-queue-chaining.json: a topic fanning out into one queue per subscriber with competing
 * consumers behind each (SNS → SQS, A2.4), beside a direct push subscription. The same offline window
 * costs the queue-backed subscriber nothing and the direct subscriber exactly what was published in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type NodeOf, type Scenario } from '../../schema';
import { createSimulation } from '../simulation';

function example(file: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(join(import.meta.dirname, '../../../examples', file), 'utf8')));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

const sc = example('topic-queue-chaining.json');
const consumers = sc.nodes.filter((n): n is NodeOf<'consumer'> => n.kind === 'consumer');
const producerId = sc.nodes.find((n) => n.kind === 'producer')!.id;
const direct = consumers.find((c) => sc.edges.some((e) => e.target === c.id && sc.nodes.find((n) => n.id === e.source)?.kind === 'exchange'))!;
const offlineWindow = direct.config.offline[0]!;
/** Each queue-backed subscriber: its queue and the competing consumers behind it. */
const subscribers = sc.nodes.filter((n) => n.kind === 'queue').map((q) => ({
  queue: q.id,
  workers: sc.edges.filter((e) => e.source === q.id).map((e) => e.target),
}));

const sim = createSimulation(sc);
// The producer's count at the edges of the offline window: what the direct subscriber must miss.
sim.runUntil(offlineWindow.fromMs);
const publishedBefore = sim.snapshot().nodes[producerId]!['out'] as number;
sim.runUntil(offlineWindow.toMs);
const publishedDuring = (sim.snapshot().nodes[producerId]!['out'] as number) - publishedBefore;
sim.runUntil(sc.durationMs);
const snap = sim.snapshot();
const published = snap.nodes[producerId]!['out'] as number;
const processed = (id: string): number => snap.audit!.consumers[id]!.processed;

describe('topic-queue chaining (examples/topic-queue-chaining.json)', () => {
  it('has one queue per subscriber with two competing consumers each, and a direct subscriber', () => {
    expect(subscribers.length).toBeGreaterThanOrEqual(2);
    for (const s of subscribers) expect(s.workers).toHaveLength(2);
    expect(sc.edges.find((e) => e.target === direct.id)!.source).toBe(sc.nodes.find((n) => n.kind === 'exchange')!.id);
  });

  it('takes some queue-backed workers offline in the same window as the direct subscriber', () => {
    const offlineWorkers = subscribers.flatMap((s) => s.workers).filter((w) => consumers.find((c) => c.id === w)!.config.offline.length > 0);
    expect(offlineWorkers.length).toBeGreaterThan(0);
    expect(publishedDuring).toBeGreaterThan(0);
  });

  it('loses nothing for a queue-backed subscriber: its workers process every event once between them', () => {
    for (const s of subscribers) {
      const between = s.workers.reduce((sum, w) => sum + processed(w), 0);
      const stillHeld = s.workers.reduce((sum, w) => sum + (snap.nodes[w]!['busy'] as number) + (snap.nodes[w]!['buffered'] as number), 0)
        + (snap.nodes[s.queue]!['ready'] as number);
      expect(between + stillHeld, s.queue).toBe(published);
      for (const w of s.workers) expect(snap.audit!.consumers[w]).toMatchObject({ lost: 0, duplicates: 0 });
    }
  });

  it('loses for the direct subscriber exactly the events published while it was offline', () => {
    expect(snap.messages.droppedByReason.subscriberOffline).toBe(publishedDuring);
    expect(snap.messages.dropped).toBe(publishedDuring);
    expect(snap.audit!.consumers[direct.id]).toMatchObject({ lost: publishedDuring, guarantee: 'at-most-once' });
    const held = (snap.nodes[direct.id]!['busy'] as number) + (snap.nodes[direct.id]!['buffered'] as number);
    expect(processed(direct.id) + held).toBe(published - publishedDuring);
  });
});
