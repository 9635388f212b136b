import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../../schema';
import type { Simulation, Snapshot } from '../../api';
import { createSimulation } from '../../simulation';
import { expectBalanced, scenarioOf, scriptEvery } from '../../testSupport';
import { CHANNEL_TICK_MS, firstTickAfter } from './consumerTimeouts';

/**
 * A1.4 consumer delivery-ack timeout (RabbitMQ ≤ 4.2): a channel holding a delivery unacked longer than the timeout is
 * closed with PRECONDITION_FAILED and its deliveries are requeued. The channel checks on its tick, every 60 s
 * (channel_tick_interval), and only `delivered_at < now − timeout` counts (RMQ-SRC rabbit_channel).
 */
type QueueConfig = Record<string, unknown>;
type ConsumerConfig = Record<string, unknown>;

function sim(queue: QueueConfig, consumer: ConsumerConfig, messages = 1, durationMs = 1_000_000, gapMs = 1): Simulation {
  return createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: scriptEvery(messages, gapMs) } },
    { id: 'q', kind: 'queue', config: queue },
    { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...consumer } },
  ], ['p>q', 'q>c'], { durationMs } as Partial<ScenarioInput>));
}

const at = (s: Simulation, t: number): Snapshot => { s.runUntil(t); const snap = s.snapshot(); expectBalanced(snap); return snap; };
const service = (ms: number) => ({ serviceTimeMs: { type: 'constant' as const, value: ms } });

describe('firstTickAfter', () => {
  it('is the first multiple of the tick strictly after the time', () => {
    expect(firstTickAfter(0)).toBe(CHANNEL_TICK_MS);
    expect(firstTickAfter(59_999)).toBe(60_000);
    expect(firstTickAfter(60_000)).toBe(120_000);
    expect(firstTickAfter(120_001)).toBe(180_000);
  });
});

describe('A1.4 consumer timeout on a classic queue', () => {
  // One message, published at 1 ms, processed for 200 s against a 120 s timeout: it can never be acked in time.
  const slow = () => sim({ consumerTimeoutMs: 120_000 }, service(200_000));

  it('closes the channel at the first tick after the delivery is older than the timeout, not before', () => {
    const s = slow();
    // Delivered at 1 ms: past the timeout from 120 001 ms, so the tick at 180 s closes the channel; the one at 120 s cannot.
    expect(at(s, 179_999).nodes.q).toMatchObject({ consumerTimeouts: 0, unacked: 1, redelivered: 0 });
    const snap = at(s, 180_000);
    // The message is requeued and delivered again at once (prefetch 5), to wait behind the copy still being processed.
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 1, out: 2, redelivered: 1, unacked: 1, ready: 0 });
    // The broker closed the channel and requeued the delivery (A1.4): no consumer nacked it.
    expect(snap.nodes.q).toMatchObject({ nacked: 0, requeuedOnChannelClose: 1 });
    expect(snap.nodes.c).toMatchObject({ busy: 1, buffered: 1, ackFailed: 0 });
  });

  it('lets the application finish the message it was processing; its ack then fails (the channel is closed)', () => {
    const s = slow();
    const snap = at(s, 200_001);
    expect(snap.nodes.c).toMatchObject({ ackFailed: 1, acked: 0, busy: 1, buffered: 0 });
    expect(snap.nodes.q).toMatchObject({ acked: 0, unacked: 1 });
  });

  it('redelivers it for ever when processing always outlasts the timeout: processed again and again, never acked', () => {
    const s = slow();
    // Closes at 180 s; the redelivery (at 180 s) is past the timeout from 300 000 ms exclusive, so at the 360 s tick;
    // then every 180 s: 540, 720, 900 s. Each orphan finishes 200 s after it started: 200 001, 400 001, 600 001, 800 001 ms.
    const snap = at(s, 1_000_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 5, out: 6, redelivered: 5, acked: 0 });
    expect(snap.nodes.c).toMatchObject({ ackFailed: 4, acked: 0 }); // every ack it sent failed
    expect(snap.messages).toMatchObject({ produced: 1, acked: 0, queued: 0, inFlight: 1 }); // redelivered, buffered
    // One message processed more than once (four times done, none acked): at-least-once, the duplicate counted once.
    expect(snap.audit!.consumers.c).toMatchObject({ processed: 1, duplicates: 1, guarantee: 'at-least-once' });
  });

  it('never closes a channel whose deliveries are acked in time', () => {
    // Eight messages, one slot of 100 s, prefetch 1: each is delivered as the one before is acked and is acked 100 s
    // later, inside the 120 s timeout, however long it waited in the queue (ready messages do not count).
    const s = sim({ consumerTimeoutMs: 120_000 }, { ...service(100_000), prefetch: 1 }, 8);
    const snap = at(s, 1_000_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 0, acked: 8, redelivered: 0 });
  });

  it('closes a channel whose prefetched deliveries wait too long behind a slow one (a large prefetch on a slow consumer)', () => {
    // The same, with prefetch 5: five are delivered at once, and the third waits 200 s unacked in the buffer.
    const s = sim({ consumerTimeoutMs: 120_000 }, service(100_000), 8);
    expect(at(s, 1_000_000).nodes.q!.consumerTimeouts).toBeGreaterThan(0);
  });

  it('counts a buffered delivery: prefetched messages wait unacked, and the oldest decides', () => {
    // Three messages at 1, 2, 3 ms, one slot of 50 s, timeout 90 s: the third is delivered at 3 ms and starts at 100 s,
    // so at the 120 s tick... it is the oldest unacked (3 ms) and 3 + 90 000 < 120 000: the channel closes.
    const s = sim({ consumerTimeoutMs: 90_000 }, service(50_000), 3);
    expect(at(s, 119_999).nodes.q).toMatchObject({ consumerTimeouts: 0, acked: 2 });
    const snap = at(s, 120_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 1, acked: 2, redelivered: 1 });
  });

  it('does not count a delivery that reaches the timeout exactly at a tick: only older than the timeout is past it', () => {
    // Delivered at 1 ms with a timeout of 59 999 ms: exactly at the timeout at the 60 s tick, so closed at the next.
    const s = sim({ consumerTimeoutMs: 59_999 }, service(200_000));
    expect(at(s, 119_999).nodes.q).toMatchObject({ consumerTimeouts: 0 });
    expect(at(s, 120_000).nodes.q).toMatchObject({ consumerTimeouts: 1 });
  });

  it('applies RabbitMQ\'s 30-minute default when none is set', () => {
    const s = sim({}, service(40 * 60_000), 1, 3_000_000);
    expect(at(s, 1_859_999).nodes.q).toMatchObject({ consumerTimeouts: 0 });
    expect(at(s, 1_860_000).nodes.q).toMatchObject({ consumerTimeouts: 1 }); // 1 ms + 30 min, then the next tick: 31 min
  });

  it('returns every delivery of the closed channel, in service and buffered', () => {
    // Prefetch 5, one slot of 100 s, three messages, timeout 30 s: at 60 s the channel holds all three.
    const s = sim({ consumerTimeoutMs: 30_000 }, service(100_000), 3);
    const snap = at(s, 60_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 1, redelivered: 3, out: 6 });
    // Delivered again at once: the consumer buffers them behind the orphan.
    expect(snap.nodes.c).toMatchObject({ busy: 1, buffered: 3 });
    expect(snap.messages).toMatchObject({ produced: 3, inFlight: 3, queued: 0 });
  });

  it('does not apply to auto-ack consumers, which hold nothing unacked', () => {
    const s = sim({ consumerTimeoutMs: 30_000 }, { ...service(100_000), ackMode: 'auto' }, 3);
    expect(at(s, 400_000).nodes.q).toMatchObject({ consumerTimeouts: 0, redelivered: 0 });
  });
});

describe('A1.4 consumer timeout on a quorum queue (A1.10: each return counts toward the delivery-limit)', () => {
  it('dead-letters a message returned by timeouts more often than the delivery-limit', () => {
    // Timeout 30 s, processing 100 s: closes at 60 s, 120 s, 180 s (each redelivery is at a tick, past the timeout from
    // 30 s later, so at the next tick). Delivery-limit 2: the third return dead-letters it (no dead-letter target: dropped).
    const s = sim({ flavor: 'quorum', consumerTimeoutMs: 30_000, deliveryLimit: 2 }, service(100_000), 1, 1_000_000);
    const snap = at(s, 1_000_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 3, redelivered: 2, deadLettered: 0, discarded: 1 });
    expect(snap.messages).toMatchObject({ produced: 1, queued: 0, inFlight: 0 });
    expect(snap.messages.droppedByReason).toMatchObject({ delivery_limit: 1 });
  });
});

describe('consumerTimeoutMs in the scenario', () => {
  const doc = (queue: QueueConfig) => ({ version: 3, nodes: [{ id: 'q', kind: 'queue', config: queue }], edges: [] });

  it('is refused on an SQS queue, which has a visibility timeout instead (A2.1)', () => {
    const r = parseScenario(doc({ flavor: 'sqs', consumerTimeoutMs: 60_000 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'nodes[0].config.consumerTimeoutMs' });
  });

  it('must be a positive number of ms', () => {
    for (const bad of [0, -1, Number.NaN]) expect(parseScenario(doc({ consumerTimeoutMs: bad })).ok).toBe(false);
    expect(parseScenario(doc({ flavor: 'quorum', consumerTimeoutMs: 1 })).ok).toBe(true);
  });
});

describe('A1.4 consumer timeout: invariants over random slow consumers', () => {
  const slowConsumers = {
    flavor: fc.constantFrom('classic', 'quorum'),
    timeout: fc.integer({ min: 1, max: 200_000 }),
    mean: fc.integer({ min: 1_000, max: 200_000 }),
    prefetch: fc.integer({ min: 1, max: 4 }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    count: fc.integer({ min: 1, max: 12 }),
    gap: fc.integer({ min: 1, max: 60_000 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  };
  type SlowConsumer = { [K in keyof typeof slowConsumers]: (typeof slowConsumers)[K] extends fc.Arbitrary<infer T> ? T : never };
  /** Closes besides the timeout: the queue crashing (durable, persistent: what it held comes back) and the consumer going offline. */
  interface Closes { crashAt: number | null; offlineAt: number | null }
  const noCloses: Closes = { crashAt: null, offlineAt: null };

  /** `r` across a q → c link of `delayMs`, with the `closes`; not run yet. */
  function build(r: SlowConsumer, delayMs: number, closes: Closes): Simulation {
    const faults = closes.crashAt === null ? [] : [{ atMs: closes.crashAt, target: 'q', type: 'crash' as const, durationMs: 30_000 }];
    const offline = closes.offlineAt === null ? [] : [{ fromMs: closes.offlineAt, toMs: closes.offlineAt + 30_000 }];
    return createSimulation(scenarioOf([
      { id: 'p', kind: 'producer', config: { arrival: scriptEvery(r.count, r.gap), persistent: true } },
      { id: 'q', kind: 'queue', config: { flavor: r.flavor, consumerTimeoutMs: r.timeout, ...(r.flavor === 'classic' ? { durable: true } : {}) } },
      { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: r.prefetch, concurrency: r.concurrency, serviceTimeMs: { type: 'exponential', mean: r.mean }, offline } },
    ], ['p>q', { id: 'e1', source: 'q', target: 'c', config: { delayMs } }], { durationMs: 1_200_000, seed: r.seed, faults } as Partial<ScenarioInput>));
  }

  /**
   * Runs `r` across a q → c link of `delayMs`, balanced and checked by `each` every minute (`everyEvent`: after every
   * event); a second run repeats it exactly.
   */
  function check(r: SlowConsumer, delayMs: number, each: (snap: Snapshot) => void, closes = noCloses, everyEvent = false): void {
    const a = build(r, delayMs, closes);
    const look = (snap: Snapshot) => {
      expectBalanced(snap);
      expect(snap.nodes.q!.unacked as number).toBeLessThanOrEqual(r.prefetch);
      each(snap);
    };
    if (everyEvent) stepUntil(a, 1_200_000, () => look(a.snapshot()));
    else for (let t = 60_000; t <= 1_200_000; t += 60_000) look(at(a, t));
    a.runUntil(1_200_000);
    const b = build(r, delayMs, closes);
    b.runUntil(1_200_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  }

  /** Runs `sim` one event at a time until `end`, calling `after` after each (not after a sample, which changes nothing). */
  function stepUntil(sim: Simulation, end: number, after: () => void): void {
    while (sim.nextEventTime() <= end) if (sim.runUntil(sim.nextEventTime(), 1).events > 0) after();
  }

  it('every message stays accounted for, a closed channel leaves nothing unacked behind, and runs repeat exactly', () => {
    fc.assert(fc.property(fc.record(slowConsumers), (r) => check(r, 0, (snap) => {
      // The queue's unacked are exactly the deliveries the consumer holds on its open channel (what it still processes
      // of a closed one is an orphan, counted nowhere: the queue requeued a copy), and never more than its prefetch.
      expect(snap.nodes.q!.unacked).toBe(snap.messages.inFlight);
    })), { numRuns: 60 });
  });

  it('across links with a delay, through queue crashes and consumers going offline: the same after every event', () => {
    const closes = fc.record({
      crashAt: fc.option(fc.integer({ min: 1, max: 1_100_000 }), { nil: null }),
      offlineAt: fc.option(fc.integer({ min: 1, max: 1_100_000 }), { nil: null }),
    });
    fc.assert(fc.property(fc.record({ ...slowConsumers, delay: fc.integer({ min: 1, max: 100_000 }) }), closes, (r, c) => check(r, r.delay, (snap) => {
      // A1.4: what is on its way either way is unacked for the queue and in flight for the run: a delivery on its way to
      // the consumer, and a message whose ack or nack is on its way back (acked only when its ack arrives). A close
      // requeues both, so the two counts never part.
      expect(snap.nodes.q!.unacked).toBe(snap.messages.inFlight);
    }, c, true)), { numRuns: 40 });
  });
});

/**
 * A1.4: the consumer timeout is the broker's: a delivery is unacked from when the queue sends it until its ack arrives
 * back at the queue, wherever it is meanwhile (on its way, held by the consumer, its ack on its way back). Here the link
 * q → c has a 90 s delay, longer than the 60 s check tick, and the timeout is 120 s. When the channel closes, the broker
 * requeues every delivery it holds unacked, the one whose ack is still on its way too, and ignores that ack when it
 * arrives: the consumer processes the message again (at-least-once).
 */
describe('A1.4 consumer timeout across a link with a delay (the broker\'s view)', () => {
  // m1 at 1 ms: reaches c at 90 001, is processed in 1 s, and its ack would reach q at 181 001. m2 at 150 s is on its way
  // (until 240 s) when the tick at 180 s finds m1 unacked for more than 120 s (delivered at 1 ms): the channel closes.
  const slowLink = () => createSimulation(scenarioOf([
    { id: 'p', kind: 'producer', config: { arrival: { type: 'script', messages: [{ atMs: 1 }, { atMs: 150_000 }] } } },
    { id: 'q', kind: 'queue', config: { consumerTimeoutMs: 120_000 } },
    { id: 'c', kind: 'consumer', config: { ackMode: 'manual', prefetch: 5, ...service(1_000) } },
  ], ['p>q', { id: 'e1', source: 'q', target: 'c', config: { delayMs: 90_000 } }], { durationMs: 1_000_000 } as Partial<ScenarioInput>));

  it('counts a delivery whose ack is on its way back as unacked: the tick at 180 s closes the channel', () => {
    const s = slowLink();
    // At 179 999 ms m1 has been acked by c (91 001) but its ack has not arrived: still unacked for the broker, and not
    // acked for the run either (in flight, the queue's).
    expect(at(s, 179_999).nodes.q).toMatchObject({ consumerTimeouts: 0, unacked: 2, acked: 0 });
    expect(at(s, 179_999).nodes.c).toMatchObject({ in: 1, acked: 0, busy: 0, buffered: 0 });
    expect(at(s, 179_999).messages).toMatchObject({ acked: 0, inFlight: 2 });
    const snap = at(s, 180_000);
    // The close requeues m1, whose ack is on its way, and m2, still on its way to c (A1.4), and delivers both again at once.
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 1, requeuedOnChannelClose: 2, out: 4, redelivered: 2, unacked: 2, acked: 0 });
    expect(snap.nodes.c).toMatchObject({ acked: 0, ackFailed: 1 }); // the ack it sent is void
  });

  it('then m1\'s late ack (181 001 ms) changes nothing; m2\'s first delivery is dropped by c (240 s); both are processed again', () => {
    const s = slowLink();
    const late = at(s, 181_001);
    expect(late.nodes.q).toMatchObject({ acked: 0, unacked: 2, ready: 0, out: 4 });
    expect(late.messages).toMatchObject({ acked: 0, inFlight: 2 });
    expect(at(s, 240_000).nodes.c).toMatchObject({ in: 1, busy: 0, buffered: 0 });
    // Both redeliveries (180 s) reach c at 270 s: m1 is processed a second time, the at-least-once duplicate.
    const again = at(s, 272_000);
    expect(again.nodes.c).toMatchObject({ in: 3, ackFailed: 1 });
    expect(again.audit!.consumers.c).toMatchObject({ processed: 2, duplicates: 1, guarantee: 'at-least-once' });
  });

  it('across a 180 s round trip no delivery is ever acked within 120 s: every tick that looks closes the channel, nothing is ever acked', () => {
    const s = slowLink();
    // Closes at 180, 360, 540, 720 and 900 s, each time with both acks on their way: requeued, redelivered, processed again.
    const snap = at(s, 1_000_000);
    expect(snap.nodes.q).toMatchObject({ consumerTimeouts: 5, acked: 0, unacked: 2, ready: 0, requeuedOnChannelClose: 10, redelivered: 10 });
    expect(snap.nodes.c).toMatchObject({ in: 11, ackFailed: 9 });
    expect(snap.messages).toMatchObject({ acked: 0, dropped: 0, inFlight: 2 });
  });
});
