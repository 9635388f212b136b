import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../schema';
import { createSimulation } from '../../simulation';
import { scenarioOf } from '../../testSupport';
import { RecentIds } from './recentIds';

type Faults = NonNullable<ScenarioInput['faults']>;

/**
 * EIP Idempotent Receiver (semantics.md A4): a receiver-side store of seen message ids; on a duplicate, ack
 * and skip. docs/scenario-format.md: `idempotent.windowMs` remembers the ids it processed for that long.
 *
 * One message, published at 1 ms with confirms and a retry after 50 ms without a confirm (A1.6), up to 3
 * publishes. The publish link is 100 ms slower each way, so the confirm of the first copy comes back at
 * about 201 ms and the producer publishes the same message (same id) at 1, 51 and 101 ms: the consumer gets
 * three copies, at 101, 151 and 201 ms, and processes the first by 102 ms (service time 1 ms).
 */
function run(windowMs: number | null, worker: Record<string, unknown> = {}, poison = false) {
  const s = scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1, poison }] }, confirms: { window: 10 }, retry: { timeoutMs: 50, maxAttempts: 3 } } },
    { id: 'q', kind: 'queue' },
    { id: 'c', kind: 'consumer', config: { serviceTimeMs: { type: 'constant', value: 1 }, idempotent: windowMs === null ? null : { windowMs }, ...worker } },
  ], ['p>q', 'q>c'], { durationMs: 1000, faults: [{ atMs: 0, target: 'e0', type: 'linkDelay', addMs: 100 }] as Faults });
  const sim = createSimulation(s);
  sim.runUntil(1000);
  const snap = sim.snapshot();
  expect(snap.messages.retried).toBe(2); // the setup: three copies of one message reach the consumer
  expect(snap.nodes.q!.in).toBe(3);
  return { ...snap.audit!.consumers.c!, failed: snap.nodes.c!.failed };
}

describe('consumer idempotent window (EIP Idempotent Receiver, A4)', () => {
  it('without it, every copy is processed: duplicates', () => {
    expect(run(null)).toMatchObject({ processed: 1, skippedDuplicates: 0, duplicates: 1 });
  });

  it('skips every copy that comes within windowMs of the processing of the first', () => {
    // Copies at 151 and 201 ms: 49 and 99 ms after the id was processed (102 ms).
    expect(run(200)).toMatchObject({ processed: 1, skippedDuplicates: 2, duplicates: 0, guarantee: 'exactly-once' });
  });

  it('forgets an id windowMs after it was processed: a later copy is processed again', () => {
    // 60 ms: the copy at 151 ms is within the window and skipped; the one at 201 ms (99 ms on) is processed.
    expect(run(60)).toMatchObject({ processed: 1, skippedDuplicates: 1, duplicates: 1 });
    // 30 ms: both later copies come after the window.
    expect(run(30)).toMatchObject({ processed: 1, skippedDuplicates: 0, duplicates: 1 });
  });
});

describe('consumer idempotent window: a failed message is not remembered (A4; Camel removes the id on failure)', () => {
  it('processes each copy of a message that failed: none is skipped', () => {
    // A poison message fails every time; rejected (requeue=false) with no dead-letter target, each copy is gone.
    expect(run(60_000, { onFailure: 'reject' }, true)).toMatchObject({ processed: 0, skippedDuplicates: 0, failed: 3 });
  });
});

describe('consumer idempotent window: copies in service at once (A4; Camel\'s Idempotent Consumer adds the id eagerly)', () => {
  // The Camel page semantics.md A4 cites: "Camel will add the message id eagerly to the repository to detect
  // duplication also for Exchanges currently in progress". With two slots and 100 ms of work, the copy at
  // 151 ms comes while the first (101-201 ms) is still being processed: it is a duplicate, acked and skipped.
  const slow = { concurrency: 2, serviceTimeMs: { type: 'constant', value: 100 } };

  it('skips a copy that arrives while another copy of the same id is being processed', () => {
    expect(run(60_000, slow)).toMatchObject({ processed: 1, skippedDuplicates: 2, duplicates: 0, guarantee: 'exactly-once' });
  });

  it('processes every copy when it is not idempotent (the setup makes concurrent copies)', () => {
    expect(run(null, slow)).toMatchObject({ processed: 1, skippedDuplicates: 0, duplicates: 1 });
  });
});

describe('RecentIds: the window of ids processed', () => {
  it('remembers an id windowMs after its processing, inclusive, and forgets it after', () => {
    const ids = new RecentIds(10);
    ids.note(1, 0);
    expect(ids.has(1, 10)).toBe(true);
    expect(ids.has(1, 10.5)).toBe(false);
  });

  it('forgets every id older than the window, also when an id was processed twice (two copies in service at once)', () => {
    // Copies of id 1 processed at 0 and 5 (a consumer with concurrency 2 can process both: the check is made
    // when each starts), id 2 at 1. At 12 with a 10 ms window, 1 (last at 5) is remembered and 2 (at 1) is not.
    const ids = new RecentIds(10);
    ids.note(1, 0);
    ids.note(2, 1);
    ids.note(1, 5);
    expect(ids.has(2, 12)).toBe(false);
    expect(ids.has(1, 12)).toBe(true);
    expect(ids.has(1, 16)).toBe(false);
  });
});
