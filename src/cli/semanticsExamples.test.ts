/**
 * The delivery-semantics examples show what their descriptions claim. Expectations come from the
 * scenario (its counts, rates, limits and policies) and from the rules of ../shared/semantics.md,
 * never from figures copied out of a run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, type LatencySummary, type MessageView, type Simulation, type Snapshot } from '../engine';
import { parseScenarioText, type NodeOf, type Scenario, type ScenarioNode } from '../schema';

const dir = join(import.meta.dirname, '../../examples');

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.scenario;
}

/** The node figures these tests read (queue, consumer and producer reports; a field a kind lacks is undefined). */
interface Figures {
  in: number; out: number; acked: number; nacked: number; redelivered: number; dropped: number; deadLettered: number;
  expired: number; rejectedPublishes: number; ready: number; unacked: number; failed: number; duplicates: number;
  staleDeletes: number; lateDeletes: number; emptyPolls: number; utilisation: number; latencyMs: LatencySummary; queueWaitMs: LatencySummary;
}

interface Run { scenario: Scenario; sim: Simulation; snap: Snapshot; node(id: string): Figures }

function simulate(file: string): Run {
  const scenario = load(file);
  const sim = createSimulation(scenario, { sampling: false });
  const result = sim.runUntil(scenario.durationMs);
  if (result.error) throw new Error(result.error.message);
  const snap = sim.snapshot();
  return {
    scenario, sim, snap,
    node: (id) => {
      const n = snap.nodes[id];
      if (!n) throw new Error(`${file}: no node "${id}" in the report`);
      return n as unknown as Figures;
    },
  };
}

function nodeOf<K extends ScenarioNode['kind']>(scenario: Scenario, id: string, kind: K): NodeOf<K> {
  const n = scenario.nodes.find((x) => x.id === id);
  if (n?.kind !== kind) throw new Error(`expected ${kind} "${id}"`);
  return n as NodeOf<K>;
}

/** Everything a set of nodes holds (a queue's ready/invisible messages, a consumer's deliveries). */
const held = (sim: Simulation, ...ids: string[]): MessageView[] => ids.flatMap((id) => sim.inspectNode(id, 1_000_000) ?? []);

const balance = (s: Snapshot) => s.messages.acked + s.messages.queued + s.messages.inFlight + s.messages.deadLettered + s.messages.dropped;

const producerCount = (scenario: Scenario, id: string): number => {
  const count = nodeOf(scenario, id, 'producer').config.count;
  if (count === null) throw new Error(`producer "${id}" needs a count`);
  return count;
};

const NEW_EXAMPLES = [
  'poison-dlq.json', 'priority.json', 'ttl-and-length-limit.json', 'headers-exchange.json',
  'sns-filter-fanout.json', 'auto-vs-manual-ack.json', 'sqs-visibility-redrive.json', 'prefetch-round-trip.json',
  'exchange-to-exchange.json',
];

describe('delivery-semantics examples', () => {
  it('are all present', () => {
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(NEW_EXAMPLES));
  });

  it.each(NEW_EXAMPLES)('%s stays balanced at every simulated second, not only at the end', (file) => {
    const scenario = load(file);
    const sim = createSimulation(scenario, { sampling: false });
    for (let t = 1000; t <= scenario.durationMs; t += 1000) {
      expect(sim.runUntil(t).error).toBeUndefined();
      const snap = sim.snapshot();
      expect(balance(snap), `${file} at ${t} ms`).toBe(snap.messages.produced);
    }
  });

  it.each(NEW_EXAMPLES)('%s lays out left to right: every edge points right', (file) => {
    const scenario = load(file);
    const at = new Map(scenario.nodes.map((n) => [n.id, n.position]));
    for (const e of scenario.edges) expect(at.get(e.target)!.x, e.id).toBeGreaterThan(at.get(e.source)!.x);
  });
});

describe('poison-dlq.json (A1.10 delivery-limit, A1.9 dead-lettering)', () => {
  const run = simulate('poison-dlq.json');
  const { sim, scenario } = run;
  const limit = nodeOf(scenario, 'orders-limited', 'queue').config.deliveryLimit!;
  const dlq = held(sim, 'orders-dlq');
  const inPlayLimited = held(sim, 'orders-limited', 'worker-limited').filter((m) => m.poison);
  const poisonUnlimited = held(sim, 'orders-unlimited', 'worker-unlimited').filter((m) => m.poison);

  it('the DLQ holds poison messages only, each dead-lettered once from orders-limited with reason delivery_limit', () => {
    expect(dlq.length).toBeGreaterThan(0);
    for (const m of dlq) {
      expect(m.poison).toBe(true);
      expect(m.deaths).toHaveLength(1);
      expect(m.deaths[0]).toMatchObject({ queue: 'orders-limited', reason: 'delivery_limit', count: 1, exchange: 'orders-fanout' });
    }
    expect(run.snap.messages.deadLettered).toBe(dlq.length);
    expect(run.node('orders-limited').deadLettered).toBe(dlq.length);
  });

  it('nearly every poison message is in the DLQ by the end; the same poison copies still cycle on the unlimited side', () => {
    // The fanout gave both queues a copy of each poison message, and the unlimited queue never lets one go.
    expect(poisonUnlimited.length).toBe(dlq.length + inPlayLimited.length);
    expect(dlq.length / poisonUnlimited.length).toBeGreaterThan(0.9);
  });

  it('with delivery-limit N each poison message is delivered N + 1 times before it is dead-lettered', () => {
    const nacked = run.node('orders-limited').nacked;
    expect(nacked).toBeGreaterThanOrEqual((limit + 1) * dlq.length);
    expect(nacked).toBeLessThanOrEqual((limit + 1) * (dlq.length + inPlayLimited.length));
  });

  it('without a limit poison messages are requeued for ever: never dead-lettered, delivered far more often', () => {
    const unlimited = run.node('orders-unlimited');
    expect(unlimited.deadLettered).toBe(0);
    expect(unlimited.dropped).toBe(0);
    expect(unlimited.redelivered).toBeGreaterThan(10 * run.node('orders-limited').redelivered);
    expect(Math.max(...poisonUnlimited.map((m) => m.deliveryCount))).toBeGreaterThan(limit + 1);
    expect(run.node('worker-unlimited').utilisation).toBeGreaterThan(2 * run.node('worker-limited').utilisation);
  });
});

describe('prefetch-round-trip.json (A1.5 prefetch, A1.4 an ack settles when the broker gets it)', () => {
  const run = simulate('prefetch-round-trip.json');
  const { scenario } = run;
  const seconds = scenario.durationMs / 1000;
  const linkMs = scenario.edges.find((e) => e.target === 'worker-1')!.config.delayMs;
  const service = nodeOf(scenario, 'worker-1', 'consumer').config.serviceTimeMs;
  const meanServiceMs = service.type === 'exponential' ? service.mean : NaN;
  const rate = (id: string) => run.node(id).acked / seconds;

  it('prefetch 1: one delivery per round trip (link there, work, ack back), far below the arrival rate', () => {
    const perRoundTrip = 1000 / (2 * linkMs + meanServiceMs);
    expect(rate('worker-1')).toBeGreaterThan(0.9 * perRoundTrip);
    expect(rate('worker-1')).toBeLessThan(1.1 * perRoundTrip);
    expect(run.node('queue-1').ready).toBeGreaterThan(0.5 * run.node('queue-1').in); // the backlog grows all along
    expect(run.node('worker-1').utilisation).toBeLessThan(0.2); // idle, waiting on the network
  });

  it('prefetch 10 covers the round trip: the worker keeps up with its producer, the queue stays near empty', () => {
    expect(run.node('worker-2').acked).toBeGreaterThan(0.99 * run.node('queue-2').in);
    expect(run.node('queue-2').ready).toBeLessThan(10);
    expect(run.node('worker-2').latencyMs.mean).toBeLessThan(2 * (linkMs + meanServiceMs));
  });
});

describe('priority.json (A1.11 priorities, A1.5 prefetch)', () => {
  const run = simulate('priority.json');
  const worker = nodeOf(run.scenario, 'worker-prefetch-50', 'consumer').config;
  const service = worker.serviceTimeMs.type === 'constant' ? worker.serviceTimeMs.value : NaN;
  const latency = (id: string) => run.node(id).latencyMs;

  it('the queue is overloaded, so a backlog forms on both lanes', () => {
    const rate = (id: string) => {
      const a = nodeOf(run.scenario, id, 'producer').config.arrival;
      return a.type === 'poisson' ? a.ratePerSec : NaN;
    };
    expect(rate('vip-orders') + rate('bulk-reports')).toBeGreaterThan(1000 / service);
    expect(run.node('work-prefetch-1').ready).toBeGreaterThan(0);
  });

  it('with prefetch 1 a VIP message waits about one service time; bulk messages wait far longer', () => {
    expect(latency('vip-sink-1').count).toBeGreaterThan(0);
    expect(latency('vip-sink-1').p95).toBeLessThan(3 * service);
    expect(latency('bulk-sink-1').mean).toBeGreaterThan(5 * latency('vip-sink-1').mean);
  });

  it('with prefetch 50 a VIP message waits behind the bulk messages already delivered to the worker', () => {
    expect(latency('vip-sink-50').mean).toBeGreaterThan((worker.prefetch / 2) * service);
    expect(latency('vip-sink-50').mean).toBeGreaterThan(10 * latency('vip-sink-1').mean);
  });

  it('ready messages wait highest priority first', () => {
    const ready = run.sim.inspectNode('work-prefetch-1', 1_000_000)!.map((m) => m.priority ?? 0);
    for (let i = 1; i < ready.length; i++) expect(ready[i]).toBeLessThanOrEqual(ready[i - 1]!);
  });
});

describe('ttl-and-length-limit.json (A1.7 TTL, A1.8 length limits, A1.9 reasons)', () => {
  const run = simulate('ttl-and-length-limit.json');
  const { sim, scenario } = run;
  const dead = held(sim, 'dead-letters');
  const by = (queue: string, reason: string) => dead.filter((m) => m.deaths[0]!.queue === queue && m.deaths[0]!.reason === reason);
  const queueTtl = nodeOf(scenario, 'quotes', 'queue').config.messageTtlMs!;
  const messageTtl = nodeOf(scenario, 'flash-sales', 'producer').config.expirationMs!;

  it('every dead letter rests in dead-letters, one per death the queues counted', () => {
    expect(run.snap.messages.deadLettered).toBe(dead.length);
    expect(dead.length).toBe(run.node('quotes').deadLettered + run.node('clicks-drop-head').deadLettered + run.node('clicks-reject-dlx').deadLettered);
  });

  it('quotes: messages expire (reason expired), flash sales by their own lower TTL, prices by the queue TTL', () => {
    const expired = by('quotes', 'expired');
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.length).toBe(run.node('quotes').expired);
    const flash = expired.filter((m) => m.routingKey === 'flash-sale');
    const prices = expired.filter((m) => m.routingKey === 'price');
    expect(flash.length).toBeGreaterThan(0);
    expect(prices.length).toBeGreaterThan(0);
    for (const m of flash) {
      expect(m.deaths[0]!.originalExpirationMs).toBe(messageTtl);
      expect(m.deaths[0]!.timeMs - m.publishedAtMs).toBeGreaterThanOrEqual(messageTtl - 1e-6); // simulated times are floats
    }
    for (const m of prices) {
      expect(m.deaths[0]!.originalExpirationMs).toBeUndefined();
      expect(m.deaths[0]!.timeMs - m.publishedAtMs).toBeGreaterThanOrEqual(queueTtl - 1e-6);
    }
    // An expired message is never delivered.
    expect(run.node('quotes').queueWaitMs.max).toBeLessThanOrEqual(queueTtl + 1e-6);
  });

  it('drop-head dead-letters the oldest ready message (maxlen), after it waited', () => {
    const dropped = by('clicks-drop-head', 'maxlen');
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.length).toBe(run.node('clicks-drop-head').dropped);
    for (const m of dropped) expect(m.deaths[0]!.timeMs).toBeGreaterThan(m.publishedAtMs);
    expect(run.node('clicks-drop-head').rejectedPublishes).toBe(0);
  });

  it('reject-publish-dlx dead-letters the new message (maxlen) the moment it arrives', () => {
    const refused = by('clicks-reject-dlx', 'maxlen');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBe(run.node('clicks-reject-dlx').rejectedPublishes);
    for (const m of refused) expect(m.deaths[0]!.timeMs).toBe(m.publishedAtMs);
  });

  it('reject-publish discards the new message even though the queue has a dead-letter exchange', () => {
    const rejected = run.node('clicks-reject').rejectedPublishes;
    expect(rejected).toBeGreaterThan(0);
    expect(dead.filter((m) => m.deaths.some((d) => d.queue === 'clicks-reject'))).toHaveLength(0);
    expect(run.snap.messages.droppedByReason.rejectPublish).toBe(rejected);
  });

  it('the publisher gets a nack for each publish that a reject-publish queue refused (A1.6)', () => {
    const a = run.node('clicks-reject').rejectedPublishes;
    const b = run.node('clicks-reject-dlx').rejectedPublishes;
    const nacked = run.node('clicks').nacked;
    expect(nacked).toBeGreaterThanOrEqual(Math.max(a, b));
    expect(nacked).toBeLessThanOrEqual(a + b);
  });
});

/** A1.3 as the reference states it, written out for the test: x- arguments, void presence, type-strict equality. */
function headersBindingMatches(xMatch: string, args: Record<string, string | number | boolean | null>, headers: Record<string, string | number | boolean>): boolean {
  const withX = xMatch.endsWith('-with-x');
  const kept = Object.entries(args).filter(([k]) => k !== 'x-match' && (withX || !k.startsWith('x-')));
  const one = ([k, v]: [string, unknown]) => Object.hasOwn(headers, k) && (v === null || headers[k] === v);
  return xMatch.startsWith('all') ? kept.every(one) : kept.some(one);
}

describe('headers-exchange.json (A1.3)', () => {
  const run = simulate('headers-exchange.json');
  const producers = run.scenario.nodes.filter((n) => n.kind === 'producer');

  it('each queue gets the messages of the producers whose headers its binding matches', () => {
    const bindings = run.scenario.edges.filter((e) => e.source === 'documents');
    expect(bindings.length).toBeGreaterThanOrEqual(5);
    for (const b of bindings) {
      const expected = producers
        .filter((p) => headersBindingMatches(b.config.xMatch ?? 'all', b.config.bindingArgs ?? {}, p.config.headers))
        .reduce((sum, p) => sum + producerCount(run.scenario, p.id), 0);
      expect(run.node(b.target).in, b.target).toBe(expected);
    }
  });

  it('shows the corner cases the description names', () => {
    const all = producers.reduce((sum, p) => sum + producerCount(run.scenario, p.id), 0);
    expect(run.node('x-args-ignored').in).toBe(all); // all ignores x- arguments: nothing left, matches everything
    expect(run.node('acme-tenant').in).toBeLessThan(all); // any-with-x compares them
    expect(run.node('has-format').in).toBe(all); // a null argument tests presence only
    expect(run.node('schema-number').in).toBeLessThan(all); // the string "2" is not the number 2
    expect(run.snap.messages.dropped).toBe(0);
  });
});

describe('exchange-to-exchange.json (A1.1.6 e2e bindings, A1.1.5 one copy per queue)', () => {
  const run = simulate('exchange-to-exchange.json');

  it('one copy per queue: audit, bound to events and, through the orders exchange, to order events twice, gets each once', () => {
    expect([run.node('billing').in, run.node('shipping').in, run.node('audit').in]).toEqual([50, 50, 75]);
    expect(run.snap.messages).toMatchObject({ published: 100, routedCopies: 100, dropped: 25, droppedByReason: { unroutable: 25 } });
  });

  it('the orders exchange counts what the pass routed through it; every publish is confirmed', () => {
    expect(run.node('orders')).toMatchObject({ in: 50, out: 100 });
    expect(run.node('order-service')).toMatchObject({ confirmed: 100, nacked: 0 });
  });
});

describe('sns-filter-fanout.json (A2.4 fan-out, A2.5 filter policies)', () => {
  const run = simulate('sns-filter-fanout.json');
  // Worked out by hand from the policies (A2.5) and the producers' attributes in the file.
  const expected: Record<string, string[]> = {
    'eu-orders': ['web-eu', 'pos-berlin'], // exact, OR within the list
    'mid-size-orders': ['web-eu'], // numeric >= 100 < 1000: 250 in; 40, 99.5, 1500 out
    production: ['web-eu', 'web-us', 'pos-berlin'], // anything-but test/staging
    'web-stores': ['web-eu', 'web-us', 'load-test'], // prefix web-
    coupons: ['web-eu'], // exists: load-test's empty coupon does not count
    'us-or-large': ['web-us', 'load-test', 'pos-berlin'], // $or: us- prefix, or amount >= 1000
    archive: ['web-eu', 'web-us', 'pos-berlin', 'load-test'], // no policy: everything
  };

  it('each subscription queue receives exactly the messages its policy accepts', () => {
    const subscriptions = run.scenario.edges.filter((e) => e.source === 'order-events').map((e) => e.target).sort();
    expect(subscriptions).toEqual(Object.keys(expected).sort());
    for (const [queue, from] of Object.entries(expected)) {
      expect(run.node(queue).in, queue).toBe(from.reduce((sum, p) => sum + producerCount(run.scenario, p), 0));
    }
  });

  it('the policies use exact, prefix, anything-but, numeric, exists and $or', () => {
    const text = JSON.stringify(run.scenario.edges.map((e) => e.config.filterPolicy ?? null));
    for (const op of ['"prefix"', '"anything-but"', '"numeric"', '"exists"', '"$or"']) expect(text).toContain(op);
  });

  it('every copy is consumed from SQS by long-polling pull consumers', () => {
    for (const queue of Object.keys(expected)) {
      const reader = nodeOf(run.scenario, `${queue}-reader`, 'consumer').config;
      expect(reader.delivery).toBe('pull');
      expect(reader.waitTimeMs).toBeGreaterThan(0);
      expect(run.node(`${queue}-reader`).acked).toBe(run.node(queue).in);
    }
  });
});

describe('auto-vs-manual-ack.json (A1.4)', () => {
  const run = simulate('auto-vs-manual-ack.json');
  const p = nodeOf(run.scenario, 'auto-worker', 'consumer').config.failureProbability;

  it('auto-ack: every failure loses the message, nothing is nacked or redelivered', () => {
    const auto = run.node('auto-worker');
    expect(auto.failed).toBeGreaterThan(0);
    expect(auto.dropped).toBe(auto.failed);
    expect(run.snap.messages.droppedByReason.lostAfterAutoAck).toBe(auto.failed);
    expect(run.node('auto-ack-queue').nacked).toBe(0);
    expect(run.node('auto-ack-queue').redelivered).toBe(0);
    const sd = Math.sqrt((p * (1 - p)) / auto.in);
    expect(Math.abs(auto.failed / auto.in - p)).toBeLessThan(4 * sd);
  });

  it('manual ack: failures are nacked with requeue and redelivered, nothing is lost', () => {
    const manual = run.node('manual-worker');
    const queue = run.node('manual-ack-queue');
    expect(manual.failed).toBeGreaterThan(0);
    expect(manual.dropped).toBe(0);
    expect(queue.nacked).toBe(manual.failed);
    expect(queue.redelivered).toBeGreaterThan(0);
    expect(queue.redelivered).toBeLessThanOrEqual(manual.failed);
    expect(manual.failed - queue.redelivered).toBeLessThanOrEqual(queue.ready + queue.unacked);
    // Every published payment is acked, waiting or held: none left the system.
    expect(manual.acked + queue.ready + queue.unacked).toBe(run.snap.messages.published);
  });
});

describe('sqs-visibility-redrive.json (A2.1 visibility timeout, A2.2 redrive)', () => {
  const run = simulate('sqs-visibility-redrive.json');
  const { sim, scenario } = run;
  const jobs = nodeOf(scenario, 'jobs', 'queue').config;
  const producer = nodeOf(scenario, 'job-api', 'producer').config;
  const workers = ['worker-a', 'worker-b'];
  const dlq = held(sim, 'jobs-dlq');

  it('processing longer than the visibility timeout makes duplicates when another slot receives the job again: their late deletes delete nothing', () => {
    const service = nodeOf(scenario, 'worker-a', 'consumer').config.serviceTimeMs;
    expect(service.type === 'list' && Math.max(...service.values)).toBeGreaterThan(jobs.visibilityTimeoutMs!);
    const duplicates = workers.reduce((sum, w) => sum + run.node(w).duplicates, 0);
    expect(duplicates).toBeGreaterThan(0);
    expect(run.node('jobs').staleDeletes).toBe(duplicates);
  });

  it('a late delete still deletes the job when nobody received it since (its receipt is the latest)', () => {
    expect(run.node('jobs').lateDeletes).toBeGreaterThan(0);
    const acked = workers.reduce((sum, w) => sum + run.node(w).acked, 0);
    expect(run.node('jobs').acked).toBe(acked);
  });

  it('every poison job ends in the DLQ after maxReceiveCount receives, with reason maxReceiveCount', () => {
    const poison = dlq.filter((m) => m.poison);
    expect(poison).toHaveLength(producer.poison.messages.length);
    for (const m of dlq) {
      expect(m.receiveCount).toBe(jobs.maxReceiveCount);
      expect(m.deaths[0]).toMatchObject({ queue: 'jobs', reason: 'maxReceiveCount' });
    }
    expect(held(sim, 'jobs', ...workers).filter((m) => m.poison)).toHaveLength(0);
    expect(run.snap.messages.deadLettered).toBe(dlq.length);
  });

  it('a healthy job reaches the DLQ only when it was too slow on every receive', () => {
    const service = nodeOf(scenario, 'worker-a', 'consumer').config.serviceTimeMs;
    if (service.type !== 'list') throw new Error('expected a list of service times');
    const pSlow = service.values.filter((v) => v > jobs.visibilityTimeoutMs!).length / service.values.length;
    const healthy = dlq.filter((m) => !m.poison).length;
    // Expected count × pSlow^maxReceiveCount; allow generous room for chance.
    expect(healthy).toBeLessThanOrEqual(4 * producerCount(scenario, 'job-api') * pSlow ** jobs.maxReceiveCount! + 4);
  });

  it('long polling: an idle consumer comes back empty at most once per wait time', () => {
    for (const w of workers) {
      const { waitTimeMs } = nodeOf(scenario, w, 'consumer').config;
      expect(run.node(w).emptyPolls).toBeLessThanOrEqual(Math.ceil(scenario.durationMs / waitTimeMs) + dlq.length);
    }
  });
});
