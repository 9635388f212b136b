import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { LatencyHistogram } from '../../metrics/latencyHistogram';
import { ConfirmTracker, type ConfirmListener } from '../../model/confirm';
import { startTrail } from '../../model/trail';
import type { SimContext } from '../../model/context';
import { LINK_RETURN_MS, oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import { copyMessage, type Message } from '../../model/message';
import type { Random } from '../../random/prng';
import { LIVE, SAMPLE, type NodeModel } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/samplers';
import { arrivalProcess, type ArrivalProcess } from './arrivals';
import { messageGroupPicker } from './messageGroups';
import { fixedRoutingKey, routingKeyPicker } from './routingKeys';

const EV_PUBLISH = 1;
const EV_CONFIRM = 2;
const EV_CONFIRM_TIMEOUT = 3;
const EV_RETRY = 4;
/** How a publish ended, as an EV_CONFIRM carries it: basic.ack, basic.nack (A1.6), or the connection failed (a down node). */
const OUTCOME_ACK = 0;
const OUTCOME_NACK = 1;
const OUTCOME_CONNECTION_FAILED = 2;

type ProducerNode = NodeOf<'producer'>;
type Scripted = Extract<ProducerNode['config']['arrival'], { type: 'script' }>['messages'][number];

/**
 * Publishes messages by an arrival process or a script, to its one outgoing edge. With publisher
 * confirms (semantics.md A1.6) at most `window` messages are unconfirmed: the rest wait here.
 */
export class ProducerModel implements NodeModel, ConfirmListener {
  // What every publish reads and writes comes first: V8 lays fields out in the order they are defined, so
  // these share the object's first cache lines. With hundreds of producers each line touched per message is a
  // likely cache miss (docs/PERFORMANCE.md, "Locality").
  private published = 0;
  private intervalOut = 0;
  private down = false;
  private unconfirmed = 0;
  /**
   * A total count (config.count) and whether there is one. Kept as a whole number and a flag, not as Infinity for
   * "unlimited": a field that may hold Infinity is a boxed double for every producer, one more object to read per
   * publish (docs/PERFORMANCE.md, "Locality").
   */
  private readonly limited: boolean;
  private readonly limit: number;
  /** When the next message is due, by the configured rate (null: scripted, see `script`). */
  private readonly arrival: ArrivalProcess | null;
  /** Where it publishes: its one output, known at start (undefined: nowhere, A1.1.7). */
  private out: EdgeRuntime | undefined = undefined;
  /** A1.6: with confirms, at most this many publishes unconfirmed; the rest wait in the outbox (0 without confirms: see windowFull). */
  private readonly confirmWindow: number;
  private readonly poisonFraction: number;
  private readonly poisonByOrdinal: boolean;
  /** Set when every message gets the same routing key / size, and whether it sets message groups at all. */
  private readonly fixedKey: string | null;
  private readonly fixedSize: number | null;
  private readonly groupsOn: boolean;
  /** The config's message properties, read on every publish, kept here: one object less to touch per message. */
  private readonly headers: ProducerNode['config']['headers'];
  private readonly priority: number;
  private readonly persistent: boolean;
  private readonly expirationMs: number;
  private readonly mandatory: boolean;
  /** Whether the deduplication id is the message id (A2.3). */
  private readonly dedupByMessageId: boolean;
  /** Publisher confirms on (A1.6). */
  private readonly confirming: boolean;
  readonly kind = 'producer';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly script: Scripted[];
  private readonly pickKey: () => string;
  private readonly pickGroup: () => string;
  private readonly size: Sampler;
  private readonly poisonDraw: Random;
  private readonly poisonOrdinals: Set<number>;
  /** The config, for what is not read per message. */
  private readonly c: ProducerNode['config'];
  /** Messages waiting for the confirm window to open. */
  private readonly outbox = new Fifo<Message>();
  private acks = 0;
  private nackedConfirms = 0;
  /**
   * Publishes never acked nor nacked, failed by the client as its connection or channel died (A1.6,
   * ConfirmTracker.connectionFailed): sent to a node that was down, or refused with 403, which closes the channel; or lost,
   * or its confirm lost, on its own link (lostOnLink).
   */
  private connectionFailures = 0;
  private readonly confirmLatency: LatencyHistogram | null;
  /** Publishes waiting for their confirm. */
  private readonly waiting = new Set<ConfirmTracker>();
  /** Poison messages published by poison faults: counted as published, but not against `count`, the script or `poison.messages`. */
  private injected = 0;
  private retries = 0;
  private timeouts = 0;
  private lateConfirms = 0;
  /** Ordering keys (producer and routing key) and their next sequence numbers, for the audit. */
  private readonly orderSeqs = new Map<string, { key: string; next: number }>();

  constructor(readonly index: number, readonly id: string, private readonly node: ProducerNode, private readonly ctx: SimContext) {
    const c = node.config;
    this.c = c;
    this.poisonFraction = c.poison.fraction;
    this.headers = c.headers;
    this.priority = c.priority ?? -1;
    this.persistent = c.persistent;
    this.expirationMs = c.expirationMs ?? -1;
    this.mandatory = c.mandatory;
    this.dedupByMessageId = c.deduplicationId === 'messageId';
    this.confirming = c.confirms !== null;
    this.confirmWindow = c.confirms?.window ?? 0;
    this.limited = c.count !== null;
    this.limit = c.count ?? 0;
    this.pickKey = routingKeyPicker(c.routingKeys, ctx.random(id, 'routingKey'));
    this.pickGroup = messageGroupPicker(c.messageGroups, ctx.random(id, 'messageGroup'));
    this.size = samplerFor(c.sizeBytes, ctx.random(id, 'size'));
    this.poisonDraw = ctx.random(id, 'poison');
    this.poisonOrdinals = new Set(c.poison.messages);
    this.poisonByOrdinal = this.poisonOrdinals.size > 0;
    this.fixedKey = fixedRoutingKey(c.routingKeys);
    this.fixedSize = c.sizeBytes.type === 'constant' ? Math.round(c.sizeBytes.value) : null;
    this.groupsOn = c.messageGroups !== null;
    this.confirmLatency = c.confirms ? ctx.confirmLatency.create() : null;
    if (c.arrival.type === 'script') {
      this.arrival = null;
      // Stable sort: messages scripted for the same instant keep their written order.
      this.script = c.arrival.messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.atMs - b.m.atMs || a.i - b.i).map((x) => x.m);
    } else {
      this.arrival = arrivalProcess(c.arrival, c.startAtMs, ctx.scenario.workload.rateMultiplier, ctx.random(id, 'arrival'));
      this.script = [];
    }
  }

  start(): void {
    this.out = this.outputs[0];
    const first = this.arrival ? this.arrival.next(this.node.config.startAtMs) : this.script[0]?.atMs;
    if (first !== undefined && Number.isFinite(first) && !this.exhausted()) this.ctx.schedule(first - this.ctx.now(), this.index, EV_PUBLISH, null, 0);
  }

  receive(): void { /* a producer has no inputs */ }

  handle(type: number, payload: unknown, arg: number): void {
    if (type === EV_CONFIRM) { this.confirmArrived(payload as ConfirmTracker, arg); return; }
    if (type === EV_CONFIRM_TIMEOUT) { this.confirmTimedOut(payload as ConfirmTracker); return; }
    if (type === EV_RETRY) { this.retry(payload as ConfirmTracker); return; }
    if (type !== EV_PUBLISH) return;
    const now = this.ctx.now();
    const scripted = this.arrival ? undefined : this.script[this.published];
    // A crashed producer's application is down too: nothing is created while it is.
    if (!this.down) this.publish(this.makeMessage(scripted));
    else if (!this.arrival) this.published++; // a scripted message due while down is never sent
    if (this.exhausted()) return;
    const next = this.arrival ? this.arrival.next(now) : this.script[this.published]?.atMs;
    if (next !== undefined && Number.isFinite(next)) this.ctx.schedule(Math.max(0, next - now), this.index, EV_PUBLISH, null, 0);
  }

  /**
   * A new message, published now. (It reads the clock itself: a time passed to a call not inlined is a new heap number.)
   * `forcePoison`: a poison fault's message, poison without drawing from the poison stream.
   */
  private makeMessage(scripted: Scripted | undefined, forcePoison = false): Message {
    const now = this.ctx.now();
    const ordinal = this.published + 1;
    const poison = forcePoison || (scripted?.poison ?? ((this.poisonByOrdinal && this.poisonOrdinals.has(ordinal)) || (this.poisonFraction > 0 && this.poisonDraw.next() < this.poisonFraction)));
    const routingKey = scripted?.routingKey ?? this.fixedKey ?? this.pickKey();
    const groupId = scripted?.groupId ?? (this.groupsOn ? this.pickGroup() : '');
    // A2.3: order is promised per message group, so with a group the audit checks order per group.
    const order = this.ctx.audit ? this.orderFor(groupId !== '' ? `group=${groupId}` : routingKey) : undefined;
    const id = this.ctx.nextMessageId();
    // A retry copies the message, so a dedup id taken from the message id stays the same across retries.
    const dedupId = scripted?.deduplicationId ?? (this.dedupByMessageId ? String(id) : '');
    return this.ctx.messages.create(id, now, {
      routingKey, orderKey: order?.key, orderSeq: order ? order.next++ : 0, publisher: this.id, groupId, dedupId,
      headers: scripted?.headers ?? this.headers,
      priority: scripted?.priority ?? this.priority,
      sizeBytes: scripted?.sizeBytes ?? this.fixedSize ?? Math.round(this.size.draw()),
      poison,
      persistent: scripted?.persistent ?? this.persistent,
      expirationMs: scripted?.expirationMs ?? this.expirationMs,
      mandatory: this.mandatory,
      trail: this.ctx.tracing ? startTrail(this.index, this.ctx, poison ? 'published (poison)' : 'published') : null,
    });
  }

  /** The ordering key of a routing key, or of a message group (`group=g1`, which no routing key clashes with in practice). */
  private orderFor(key: string): { key: string; next: number } {
    let order = this.orderSeqs.get(key);
    if (!order) { order = { key: `${this.id}|${key}`, next: 0 }; this.orderSeqs.set(key, order); }
    return order;
  }

  /** It has published its total count (config.count). */
  private exhausted(): boolean { return this.limited && this.published >= this.limit; }

  /** A1.6: as many publishes unconfirmed as the confirm window allows; never without confirms. */
  private windowFull(): boolean { return this.confirming && this.unconfirmed >= this.confirmWindow; }

  private publish(message: Message): void {
    this.published++;
    this.emit(message);
  }

  /** Every publish, of the workload or of a poison fault: counted, held while the confirm window is full, else sent. */
  private emit(message: Message): void {
    this.intervalOut++;
    this.ctx.accounting.published++;
    if (this.windowFull()) { this.outbox.push(message); return; }
    this.send(message);
  }

  private send(message: Message, attempt = 1): void {
    const edge = this.out;
    // RabbitMQ A1.1.7: a message with nowhere to go is dropped (mandatory=false, no alternate exchange).
    if (!edge) { this.ctx.accounting.drop('unroutable', this.index); return; }
    if (this.confirming) {
      const c = this.c;
      this.unconfirmed++;
      message.publishedAt = this.ctx.now();
      // Keep a pristine copy to publish again: routing and queues stamp the one that is sent.
      const original = c.retry ? copyMessage(message) : null;
      message.confirm = new ConfirmTracker(this, message.publishedAt, attempt, original);
      this.waiting.add(message.confirm);
      if (c.retry) this.ctx.schedule(c.retry.timeoutMs, this.index, EV_CONFIRM_TIMEOUT, message.confirm, 0);
    }
    this.ctx.send(edge, message);
  }

  /** A1.6: the broker acked or nacked one publish; the confirm travels back along the publish edge. */
  confirmed(tracker: ConfirmTracker, nacked: boolean): void {
    this.outcomeComesBack(tracker, nacked ? OUTCOME_NACK : OUTCOME_ACK);
  }

  /**
   * The publish went to a node that was down: no broker acks or nacks it (A1.6), the client fails it. We take it that
   * the client hears of its dead connection one link round trip after sending (a reset coming back), as it would of
   * a confirm; when and how a real client notices is not in semantics.md.
   */
  connectionFailed(tracker: ConfirmTracker): void {
    this.outcomeComesBack(tracker, OUTCOME_CONNECTION_FAILED);
  }

  private outcomeComesBack(tracker: ConfirmTracker, outcome: number): void {
    const edge = this.out;
    // Lost on the way back across a partition: the publisher hears nothing, and fails the publish once it notices its
    // dead connection (lostOnLink), as for a publish lost on the way there. With `retry`, it publishes again: if the
    // broker had acked it, the retry is a duplicate (at-least-once).
    if (edge?.fault?.partitioned) { this.lostOnLink(tracker); return; }
    const back = edge ? oneWayDelayMs(edge) : 0;
    if (back === 0) this.confirmArrived(tracker, outcome);
    else this.ctx.schedule(back, this.index, EV_CONFIRM, tracker, outcome);
  }

  /**
   * A publish of this producer, or its confirm, was lost on its link: it fails LINK_RETURN_MS later, when the client
   * notices its dead connection (missed heartbeats; the time is our assumption, see LINK_RETURN_MS), as a connection
   * failure: counted in connectionFailures, and published again after the back-off when it has `retry`.
   */
  lostOnLink(tracker: ConfirmTracker): void {
    this.ctx.schedule(LINK_RETURN_MS, this.index, EV_CONFIRM, tracker, OUTCOME_CONNECTION_FAILED);
  }

  private confirmArrived(tracker: ConfirmTracker, outcome: number): void {
    if (tracker.state !== 'waiting') {
      // Timed out already, or the producer crashed. A connection failure then is no confirm: nothing came late.
      if (outcome !== OUTCOME_CONNECTION_FAILED) this.lateConfirms++;
      return;
    }
    tracker.state = 'settled';
    this.waiting.delete(tracker);
    this.unconfirmed--;
    const failed = outcome !== OUTCOME_ACK;
    if (outcome === OUTCOME_NACK) this.nackedConfirms++;
    else if (outcome === OUTCOME_CONNECTION_FAILED) this.connectionFailures++;
    else this.acks++;
    // Publish → confirm; a connection failure is no confirm.
    if (outcome !== OUTCOME_CONNECTION_FAILED) this.confirmLatency?.record(this.ctx.now() - tracker.publishedAt);
    // After a nack or a failed connection the publisher backs off for the retry timeout before trying again: at once
    // would only meet the same queue or node, still down.
    if (failed && this.node.config.retry) this.ctx.schedule(this.node.config.retry.timeoutMs, this.index, EV_RETRY, tracker, 0);
    this.openWindow();
  }

  /** No confirm in time: give up on this publish and, with retries left, publish the same message again. */
  private confirmTimedOut(tracker: ConfirmTracker): void {
    if (tracker.state !== 'waiting') return;
    tracker.state = 'abandoned';
    this.waiting.delete(tracker);
    this.unconfirmed--;
    this.timeouts++;
    this.retry(tracker);
    this.openWindow();
  }

  /** The retry carries the same message id: if the first copy got through after all, it is a duplicate. */
  private retry(tracker: ConfirmTracker): void {
    const retry = this.node.config.retry;
    if (!retry || !tracker.original || tracker.attempt >= retry.maxAttempts || this.down) return;
    this.retries++;
    this.ctx.countRetry();
    this.send(copyMessage(tracker.original), tracker.attempt + 1);
  }

  private openWindow(): void {
    while (!this.windowFull() && this.outbox.length > 0) this.send(this.outbox.shift()!);
  }

  /**
   * A poison fault: `count` poison messages at once, through the same path as every publish (accounting, confirm
   * window, routing, audit, trail). Each takes a routing key, group and size like the workload's. A crashed producer's
   * application is down (see handle): it publishes nothing. Not counted against `count`, the script or
   * `poison.messages`, so the workload after it is the one the scenario describes.
   */
  publishPoison(count: number): void {
    if (this.down) return;
    for (let i = 0; i < count; i++) {
      this.injected++;
      this.emit(this.makeMessage(undefined, true));
    }
  }

  /** The faults issue: a crashed producer creates nothing, loses its outbox and forgets what it was waiting for. */
  crash(): void {
    if (this.down) return;
    this.down = true;
    for (let m = this.outbox.shift(); m; m = this.outbox.shift()) this.ctx.accounting.drop('producerCrash', this.index);
    // Confirms of publishes from before the crash find no one waiting.
    for (const t of this.waiting) t.state = 'abandoned';
    this.waiting.clear();
    this.unconfirmed = 0;
  }

  restart(): void { this.down = false; }

  census(into: Census): void { into.inFlight += this.outbox.length; }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.out] = this.published + this.injected;
    out[o + LIVE.unacked] = this.unconfirmed;
    out[o + LIVE.ready] = this.outbox.length;
    out[o + LIVE.nacked] = this.nackedConfirms;
    out[o + LIVE.offline] = this.down ? 1 : 0;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalOut = 0;
  }

  report(): NodeReport {
    const c = this.node.config;
    return {
      kind: this.kind, out: this.published + this.injected,
      ...(c.confirms ? {
        confirmed: this.acks, nacked: this.nackedConfirms, connectionFailures: this.connectionFailures,
        unconfirmed: this.unconfirmed, waiting: this.outbox.length, confirmMs: this.confirmLatency!.summary(),
      } : {}),
      ...(c.retry ? { retries: this.retries, timeouts: this.timeouts, lateConfirms: this.lateConfirms } : {}),
      down: this.down ? 1 : 0,
    };
  }
}
