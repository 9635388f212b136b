/**
 * The fault examples show what their descriptions claim. Expectations come from the scenario (its rates,
 * fault times and durations, prefetch, election and mirror delays) and from the rules of
 * ../shared/semantics.md (A1.4, A1.6, A1.12, A1.13, A4), never from figures copied out of a run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation, type Snapshot } from '../engine';
import { parseScenarioText, SCENARIO_VERSION, type Fault, type NodeOf, type Scenario, type ScenarioNode } from '../schema';

const dir = join(import.meta.dirname, '../../examples');

const FAULT_EXAMPLES = [
  'consumer-crash-auto-ack.json', 'broker-failover-quorum.json', 'async-mirror-loss.json',
  'network-partition.json', 'retry-duplicates-idempotent.json',
];

function load(file: string): Scenario {
  const parsed = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.scenario;
}

function nodeOf<K extends ScenarioNode['kind']>(scenario: Scenario, id: string, kind: K): NodeOf<K> {
  const n = scenario.nodes.find((x) => x.id === id);
  if (n?.kind !== kind) throw new Error(`expected ${kind} "${id}"`);
  return n as NodeOf<K>;
}

function faultOf<T extends Fault['type']>(scenario: Scenario, target: string, type: T): Extract<Fault, { type: T }> {
  const f = scenario.faults.find((x) => x.target === target && x.type === type);
  if (!f) throw new Error(`expected a ${type} fault on "${target}"`);
  return f as Extract<Fault, { type: T }>;
}

const durationOf = (f: Fault): number => {
  if (f.durationMs === undefined) throw new Error(`fault on ${f.target} needs a duration`);
  return f.durationMs;
};

function constantRate(scenario: Scenario, id: string): number {
  const a = nodeOf(scenario, id, 'producer').config.arrival;
  if (a.type !== 'constant') throw new Error(`producer "${id}" should publish at a constant rate`);
  return a.ratePerSec;
}

const start = (scenario: Scenario): Simulation => createSimulation(scenario, { sampling: false });

function runTo(sim: Simulation, tMs: number): Snapshot {
  const r = sim.runUntil(tMs);
  if (r.error) throw new Error(r.error.message);
  return sim.snapshot();
}

/** The report figures these tests read (queue, consumer and producer reports; a field a kind lacks reads as NaN). */
const FIELDS = ['available', 'ready', 'redelivered', 'in', 'acked', 'busy', 'buffered', 'nacked', 'confirmed', 'unconfirmed', 'retries', 'held', 'lostBeforeConfirm', 'ackFailed'] as const;
type Figures = Record<(typeof FIELDS)[number], number>;

function fig(snap: Snapshot, id: string): Figures {
  const n = snap.nodes[id];
  if (!n) throw new Error(`no node "${id}" in the report`);
  const out = {} as Figures;
  for (const f of FIELDS) { const v = n[f]; out[f] = typeof v === 'number' ? v : NaN; }
  return out;
}

const accounted = (s: Snapshot) => s.messages.acked + s.messages.queued + s.messages.inFlight + s.messages.deadLettered + s.messages.dropped;
const created = (s: Snapshot) => s.messages.published + s.messages.routedCopies + s.messages.forwarded + s.messages.retried;
const audit = (s: Snapshot) => {
  if (!s.audit) throw new Error('the run has no audit');
  return s.audit;
};
/** Distinct messages processed by each consumer, summed (a message two consumers processed counts twice). */
const processedSum = (s: Snapshot) => Object.values(audit(s).consumers).reduce((n, c) => n + c.processed, 0);

describe('fault examples', () => {
  it.each(FAULT_EXAMPLES)('%s parses, has a description, faults and a left-to-right layout', (file) => {
    const scenario = load(file);
    expect(scenario.version).toBe(SCENARIO_VERSION);
    expect(scenario.description.length).toBeGreaterThan(200);
    expect(scenario.faults.length).toBeGreaterThan(0);
    const at = new Map(scenario.nodes.map((n) => [n.id, n.position]));
    for (const e of scenario.edges) expect(at.get(e.target)!.x, e.id).toBeGreaterThan(at.get(e.source)!.x);
  });

  it.each(FAULT_EXAMPLES)('%s stays balanced at every simulated second', (file) => {
    const scenario = load(file);
    const sim = start(scenario);
    for (let t = 1000; t <= scenario.durationMs; t += 1000) {
      const snap = runTo(sim, t);
      expect(accounted(snap), `${file} at ${t} ms: acked + queued + inFlight + deadLettered + dropped`).toBe(snap.messages.produced);
      expect(created(snap), `${file} at ${t} ms: published + routedCopies + forwarded + retried`).toBe(snap.messages.produced);
      expect(audit(snap).lost, `${file} at ${t} ms`).toBe(snap.messages.dropped);
      expect(audit(snap).produced).toBe(snap.messages.produced);
    }
  });

  it.each(FAULT_EXAMPLES)('%s replays exactly: same seed, same snapshot', (file) => {
    const scenario = load(file);
    const a = start(scenario);
    const b = start(scenario);
    expect(runTo(a, scenario.durationMs)).toEqual(runTo(b, scenario.durationMs));
  });
});

describe('consumer-crash-auto-ack.json (A1.4: auto-ack loses what a crashed consumer held; manual ack requeues it)', () => {
  const scenario = load('consumer-crash-auto-ack.json');
  const workers = scenario.nodes.filter((n): n is NodeOf<'consumer'> => n.kind === 'consumer');
  const auto = workers.find((w) => w.config.ackMode === 'auto')!;
  const manual = workers.find((w) => w.config.ackMode === 'manual')!;
  const autoCrash = faultOf(scenario, auto.id, 'crash');
  const manualCrash = faultOf(scenario, manual.id, 'crash');
  const queue = scenario.nodes.find((n) => n.kind === 'queue')!.id;
  const sim = start(scenario);
  const beforeAuto = runTo(sim, autoCrash.atMs - 1);
  const atAuto = runTo(sim, autoCrash.atMs);
  const beforeManual = runTo(sim, manualCrash.atMs - 1);
  const atManual = runTo(sim, manualCrash.atMs);
  const end = runTo(sim, scenario.durationMs);

  it('the two workers share one queue and the crashes come one after the other', () => {
    expect(auto && manual).toBeTruthy();
    expect(autoCrash.atMs + durationOf(autoCrash)).toBeLessThan(manualCrash.atMs);
  });

  it('the auto-ack worker loses everything it held at the instant it crashes, and nothing is redelivered then', () => {
    expect(beforeAuto.messages.dropped).toBe(0);
    const lost = atAuto.messages.droppedByReason.lostAfterAutoAck ?? 0;
    expect(lost).toBeGreaterThan(0);
    expect(fig(beforeManual, queue).redelivered).toBe(0);
    // Lost only at that instant: nothing else loses messages in this scenario.
    expect(end.messages.droppedByReason).toEqual({ lostAfterAutoAck: lost });
    expect(audit(end).consumers[auto.id]).toMatchObject({ lost, duplicates: 0, guarantee: 'at-most-once' });
  });

  it('the manual-ack worker\'s unacked deliveries, at most its prefetch, go back and are redelivered: nothing lost', () => {
    const redelivered = fig(atManual, queue).redelivered;
    expect(redelivered).toBeGreaterThan(0);
    expect(redelivered).toBeLessThanOrEqual(manual.config.prefetch);
    expect(atManual.messages.dropped).toBe(atAuto.messages.dropped);
    expect(audit(end).consumers[manual.id]).toMatchObject({ lost: 0, duplicates: 0, guarantee: 'exactly-once' });
  });

  it('once the run drains, every order was processed once or lost', () => {
    // The last burst ends well before the run does (onOff: on 2 s, off 8 s), and the workers are faster than the mean rate.
    expect(end.messages.queued + end.messages.inFlight).toBe(0);
    expect(audit(end).duplicates).toBe(0);
    expect(processedSum(end) + end.messages.dropped).toBe(end.messages.produced);
  });
});

/** The replicated-queue examples share a topology: a producer with confirms, a queue on three brokers, two ledgers. */
function replicated(file: string) {
  const scenario = load(file);
  const queue = scenario.nodes.find((n): n is NodeOf<'queue'> => n.kind === 'queue')!;
  const brokers = queue.config.brokers!;
  const leader = brokers[0]!;
  const crash = faultOf(scenario, leader, 'crash');
  const producer = scenario.nodes.find((n): n is NodeOf<'producer'> => n.kind === 'producer')!;
  const consumers = scenario.nodes.filter((n): n is NodeOf<'consumer'> => n.kind === 'consumer');
  return { scenario, queue, brokers, leader, crash, producer, consumers };
}

describe('broker-failover-quorum.json (A1.13: no confirmed message lost while a majority lives)', () => {
  const { scenario, queue, brokers, leader, crash, producer, consumers } = replicated('broker-failover-quorum.json');
  const election = nodeOf(scenario, brokers[1]!, 'broker').config.electionDelayMs;
  const sim = start(scenario);
  const before = runTo(sim, crash.atMs - 1);
  const electing = runTo(sim, crash.atMs + election / 2);
  const elected = runTo(sim, crash.atMs + election + 1);
  const end = runTo(sim, scenario.durationMs);

  it('is a quorum queue on three brokers with confirms and retries', () => {
    expect(queue.config.flavor).toBe('quorum');
    expect(brokers).toHaveLength(3);
    expect(producer.config.confirms).not.toBeNull();
    expect(producer.config.retry).not.toBeNull();
  });

  it('has no leader during the election delay, then the next live member leads', () => {
    expect(fig(before, queue.id).available).toBe(1);
    expect(before.nodes[queue.id]!.leader).toBe(leader);
    expect(fig(electing, queue.id).available).toBe(0);
    expect(fig(elected, queue.id).available).toBe(1);
    expect(elected.nodes[queue.id]!.leader).toBe(brokers[1]);
  });

  it('holds publishes during the election (neither refused nor nacked) and takes them when the leader is elected', () => {
    // A1.13: the channel's quorum-queue client keeps them pending and sends them to the new leader (heldPublishes.ts).
    expect(fig(electing, queue.id).held).toBeGreaterThan(0);
    expect(fig(elected, queue.id).held).toBe(0);
    expect(end.messages.droppedByReason.nodeDown ?? 0).toBe(0);
    expect(fig(end, producer.id).nacked).toBe(0);
    // Confirmed late: the first held publish waited for the whole election.
    expect((end.nodes[producer.id]!.confirmMs as { max: number }).max).toBeGreaterThan(election * 0.9);
  });

  it('confirms the held payments within the retry timeout: only a write lost before its confirm is published again, none is lost for the ledgers', () => {
    expect(producer.config.retry!.timeoutMs).toBeGreaterThan(election);
    // A write the failover lost was never confirmed: its confirm went down with the leader, the publisher timed out.
    expect(fig(end, producer.id).retries).toBe(fig(end, queue.id).lostBeforeConfirm);
    for (const c of consumers) expect(audit(end).consumers[c.id]!.lost, c.id).toBe(0);
  });

  it('every confirmed message is processed or still held', () => {
    const p = fig(end, producer.id);
    expect(p.confirmed).toBeGreaterThan(0);
    expect(processedSum(end) + end.messages.queued + end.messages.inFlight).toBeGreaterThanOrEqual(p.confirmed);
    // Whatever the failover lost was never confirmed: only what was written within the replication time.
    expect(end.messages.droppedByReason.unreplicatedOnFailover ?? 0).toBeLessThanOrEqual(1);
  });

  it('the ledgers\' unacked deliveries (full prefetch, as a backlog has built up) are requeued when the leader\'s channels close', () => {
    expect(fig(before, queue.id).ready).toBeGreaterThan(0);
    const prefetch = consumers.reduce((n, c) => n + c.config.prefetch, 0);
    expect(fig(end, queue.id).redelivered).toBe(prefetch);
  });

  it('each ledger finishes the payment it was processing, its ack fails, and the requeued payment is processed again: at-least-once (A1.4)', () => {
    for (const c of consumers) {
      expect(fig(end, c.id).ackFailed, c.id).toBe(1); // one slot each
      expect(audit(end).consumers[c.id], c.id).toMatchObject({ duplicates: 1, lost: 0, guarantee: 'at-least-once' });
    }
    expect(audit(end).duplicates).toBe(consumers.length);
  });
});

describe('async-mirror-loss.json (async mirrors lose confirmed messages on failover)', () => {
  const { scenario, queue, brokers, crash, producer, consumers } = replicated('async-mirror-loss.json');
  const mirrorDelayMs = queue.config.mirrorDelayMs!;
  const rate = constantRate(scenario, producer.id);
  const sim = start(scenario);
  const before = runTo(sim, crash.atMs - 1);
  const at = runTo(sim, crash.atMs);
  const end = runTo(sim, scenario.durationMs);

  it('is a classic queue mirrored to three brokers', () => {
    expect(queue.config.flavor ?? 'classic').toBe('classic');
    expect(brokers).toHaveLength(3);
  });

  it('a mirror takes over at once: no election, no refused publish', () => {
    expect(fig(at, queue.id).available).toBe(1);
    expect(at.nodes[queue.id]!.leader).toBe(brokers[1]);
    expect(end.messages.droppedByReason.nodeDown ?? 0).toBe(0);
  });

  it('loses the messages of the last mirrorDelayMs, about rate × delay, as the backlog held them all', () => {
    expect(fig(before, queue.id).ready).toBeGreaterThan(rate * mirrorDelayMs / 1000);
    const lost = at.messages.droppedByReason.unreplicatedOnFailover ?? 0;
    const expected = (rate * mirrorDelayMs) / 1000;
    expect(lost).toBeGreaterThanOrEqual(expected - 1);
    expect(lost).toBeLessThanOrEqual(expected + 1);
    expect(end.messages.droppedByReason).toEqual({ unreplicatedOnFailover: lost });
  });

  it('those messages had been confirmed: confirmed exceeds what was processed or is still held', () => {
    const p = fig(end, producer.id);
    expect(p.nacked).toBe(0);
    const kept = processedSum(end) + end.messages.queued + end.messages.inFlight;
    expect(p.confirmed).toBeGreaterThan(kept);
    // Each lost message was confirmed, or its confirm (the disk write still under way) went down with the
    // leader: then the publisher timed out and sent it again, and that copy was kept and confirmed. Of what
    // is kept, only the last publishes (p.unconfirmed) still wait for their confirm.
    const lost = end.messages.droppedByReason.unreplicatedOnFailover ?? 0;
    expect(p.confirmed - (kept - p.unconfirmed)).toBe(lost - p.retries);
  });

  it('requeues the ledgers\' unacked deliveries, processes again the one each was processing (its ack failed, A1.4), and marks both none', () => {
    expect(fig(end, queue.id).redelivered).toBe(consumers.reduce((n, c) => n + c.config.prefetch, 0));
    for (const c of consumers) {
      expect(fig(end, c.id).ackFailed, c.id).toBe(1);
      // Confirmed payments lost (not at-least-once) and one processed twice (not at-most-once).
      expect(audit(end).consumers[c.id], c.id).toMatchObject({ duplicates: 1, guarantee: 'none' });
      expect(audit(end).consumers[c.id]!.lost, c.id).toBeGreaterThan(0);
    }
  });
});

describe('network-partition.json (link delay and jitter, partition, loss)', () => {
  const scenario = load('network-partition.json');
  const producer = scenario.nodes.find((n) => n.kind === 'producer')!.id;
  const consumer = scenario.nodes.find((n) => n.kind === 'consumer')!.id;
  const rate = constantRate(scenario, producer);
  const jitter = scenario.faults.find((f): f is Extract<Fault, { type: 'linkDelay' }> => f.type === 'linkDelay')!;
  const partition = scenario.faults.find((f) => f.type === 'partition')!;
  const loss = scenario.faults.find((f): f is Extract<Fault, { type: 'linkLoss' }> => f.type === 'linkLoss')!;
  const jitterEnd = jitter.atMs + durationOf(jitter);
  const sim = start(scenario);
  const beforeJitter = runTo(sim, jitter.atMs);
  // Messages sent just before the window ended may still arrive late, by at most addMs + jitterMs.
  const afterJitter = runTo(sim, jitterEnd + jitter.addMs + jitter.jitterMs + 1);
  const beforePartition = runTo(sim, partition.atMs - 1);
  const afterPartition = runTo(sim, partition.atMs + durationOf(partition));
  const beforeLoss = runTo(sim, loss.atMs - 1);
  const end = runTo(sim, scenario.durationMs);

  it('the faults come one after the other', () => {
    expect(afterJitter.timeMs).toBeLessThan(partition.atMs);
    expect(partition.atMs + durationOf(partition)).toBeLessThan(loss.atMs);
  });

  it('jitter reorders messages, only while it lasts', () => {
    expect(audit(beforeJitter).outOfOrder).toBe(0);
    expect(audit(afterJitter).outOfOrder).toBeGreaterThan(0);
    expect(audit(end).outOfOrder).toBe(audit(afterJitter).outOfOrder);
    expect(audit(end).consumers[consumer]!.outOfOrder).toBe(audit(end).outOfOrder);
  });

  it('a partition loses every message sent across it: rate × duration', () => {
    expect(beforePartition.messages.dropped).toBe(0);
    const lost = afterPartition.messages.droppedByReason.partition ?? 0;
    const expected = (rate * durationOf(partition)) / 1000;
    expect(Math.abs(lost - expected)).toBeLessThanOrEqual(1);
    expect(end.messages.droppedByReason.partition).toBe(lost);
  });

  it('link loss drops about its probability of what crosses the link while it lasts', () => {
    expect(beforeLoss.messages.droppedByReason.linkLoss ?? 0).toBe(0);
    const n = (rate * durationOf(loss)) / 1000;
    const mean = n * loss.probability;
    const sd = Math.sqrt(n * loss.probability * (1 - loss.probability));
    const lost = end.messages.droppedByReason.linkLoss ?? 0;
    expect(Math.abs(lost - mean)).toBeLessThan(5 * sd);
  });

  it('the audit counts every loss by reason, and the consumer is at-most-once', () => {
    expect(audit(end).lostByReason).toEqual(end.messages.droppedByReason);
    expect(audit(end).consumers[consumer]!.guarantee).toBe('at-most-once');
    expect(audit(end).duplicates).toBe(0);
  });
});

describe('retry-duplicates-idempotent.json (publisher retries, EIP Idempotent Receiver)', () => {
  const scenario = load('retry-duplicates-idempotent.json');
  const producer = scenario.nodes.find((n): n is NodeOf<'producer'> => n.kind === 'producer')!;
  const workers = scenario.nodes.filter((n): n is NodeOf<'consumer'> => n.kind === 'consumer');
  const idempotent = workers.find((w) => w.config.idempotent !== null)!;
  const plain = workers.find((w) => w.config.idempotent === null)!;
  const delay = scenario.faults.find((f): f is Extract<Fault, { type: 'linkDelay' }> => f.type === 'linkDelay')!;
  const retry = producer.config.retry!;
  const sim = start(scenario);
  const before = runTo(sim, delay.atMs - 1);
  const end = runTo(sim, scenario.durationMs);
  const queueOf = (worker: string) => scenario.edges.find((e) => e.target === worker)!.source;

  it('the delayed round trip is longer than the retry timeout', () => {
    // The confirm comes back along the same edge, so a round trip takes twice the added delay.
    expect(2 * delay.addMs).toBeGreaterThan(retry.timeoutMs);
  });

  it('no retry before the delay; duplicates only from retries, nothing lost', () => {
    expect(before.messages.retried).toBe(0);
    expect(audit(before).duplicates).toBe(0);
    expect(end.messages.retried).toBeGreaterThan(0);
    expect(end.messages.dropped).toBe(0);
    // Each publish in the window is sent at most maxAttempts times.
    const window = (constantRate(scenario, producer.id) * (durationOf(delay) + retry.timeoutMs * retry.maxAttempts)) / 1000;
    expect(end.messages.retried).toBeLessThanOrEqual((retry.maxAttempts - 1) * window);
  });

  it('both queues get every copy: the first publish and each retry', () => {
    for (const w of workers) expect(fig(end, queueOf(w.id)).in).toBe(end.messages.published + end.messages.retried);
  });

  it('the plain worker processes duplicates: at-least-once', () => {
    const a = audit(end).consumers[plain.id]!;
    expect(a).toMatchObject({ lost: 0, skippedDuplicates: 0, guarantee: 'at-least-once' });
    expect(a.duplicates).toBeGreaterThan(0);
    expect(fig(end, plain.id).acked).toBeGreaterThan(a.processed);
  });

  it('the idempotent worker skips every duplicate: exactly-once, the same distinct orders as the plain one', () => {
    const a = audit(end).consumers[idempotent.id]!;
    expect(a).toMatchObject({ lost: 0, duplicates: 0, guarantee: 'exactly-once' });
    expect(a.skippedDuplicates).toBeGreaterThan(0);
    expect(a.processed).toBe(audit(end).consumers[plain.id]!.processed);
    // Every copy it received is processed once, skipped, or still held (in service or buffered).
    const worker = fig(end, idempotent.id);
    expect(a.processed + a.skippedDuplicates + worker.busy + worker.buffered).toBe(worker.in);
    expect(a.processed).toBeLessThanOrEqual(end.messages.published);
    expect(a.processed).toBeGreaterThanOrEqual(end.messages.published - worker.busy - worker.buffered - fig(end, queueOf(idempotent.id)).ready);
  });
});
