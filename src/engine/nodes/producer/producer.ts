import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { LatencyHistogram } from '../../metrics/latencyHistogram';
import { ConfirmTracker, type ConfirmListener } from '../../model/confirm';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import { newMessage, type Message } from '../../model/message';
import type { Random } from '../../random/prng';
import { LIVE, SAMPLE, type NodeModel } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/distributions';
import { arrivalProcess, type NextArrival } from './arrivals';
import { routingKeyPicker } from './routingKeys';

const EV_PUBLISH = 1;

type ProducerNode = NodeOf<'producer'>;
type Scripted = Extract<ProducerNode['config']['arrival'], { type: 'script' }>['messages'][number];

/**
 * Publishes messages by an arrival process or a script, to its one outgoing edge. With publisher
 * confirms (semantics.md A1.6) at most `window` messages are unconfirmed: the rest wait here.
 */
export class ProducerModel implements NodeModel, ConfirmListener {
  readonly kind = 'producer';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private published = 0;
  private intervalOut = 0;
  private readonly limit: number;
  private readonly nextArrival: NextArrival | null;
  private readonly script: Scripted[];
  private readonly pickKey: () => string;
  private readonly size: Sampler;
  private readonly poisonDraw: Random;
  private readonly poisonOrdinals: Set<number>;
  /** Messages waiting for the confirm window to open. */
  private readonly outbox = new Fifo<Message>();
  private unconfirmed = 0;
  private acks = 0;
  private nackedConfirms = 0;
  private readonly confirmLatency: LatencyHistogram | null;

  constructor(readonly index: number, readonly id: string, private readonly node: ProducerNode, private readonly ctx: SimContext) {
    const c = node.config;
    this.limit = c.count ?? Infinity;
    this.pickKey = routingKeyPicker(c.routingKeys, ctx.random(id, 'routingKey'));
    this.size = samplerFor(c.sizeBytes, ctx.random(id, 'size'));
    this.poisonDraw = ctx.random(id, 'poison');
    this.poisonOrdinals = new Set(c.poison.messages);
    this.confirmLatency = c.confirms ? ctx.confirmLatency.create() : null;
    if (c.arrival.type === 'script') {
      this.nextArrival = null;
      // Stable sort: messages scripted for the same instant keep their written order.
      this.script = c.arrival.messages.map((m, i) => ({ m, i })).sort((a, b) => a.m.atMs - b.m.atMs || a.i - b.i).map((x) => x.m);
    } else {
      this.nextArrival = arrivalProcess(c.arrival, c.startAtMs, ctx.scenario.workload.rateMultiplier, ctx.random(id, 'arrival'));
      this.script = [];
    }
  }

  start(): void {
    const first = this.nextArrival ? this.nextArrival(this.node.config.startAtMs) : this.script[0]?.atMs;
    if (first !== undefined && Number.isFinite(first) && this.limit > 0) this.ctx.schedule(first - this.ctx.now(), this.index, EV_PUBLISH, null, 0);
  }

  receive(): void { /* a producer has no inputs */ }

  handle(type: number): void {
    if (type !== EV_PUBLISH) return;
    const now = this.ctx.now();
    const scripted = this.nextArrival ? undefined : this.script[this.published];
    this.publish(this.makeMessage(now, scripted));
    if (this.published >= this.limit) return;
    const next = this.nextArrival ? this.nextArrival(now) : this.script[this.published]?.atMs;
    if (next !== undefined && Number.isFinite(next)) this.ctx.schedule(Math.max(0, next - now), this.index, EV_PUBLISH, null, 0);
  }

  private makeMessage(now: number, scripted: Scripted | undefined): Message {
    const c = this.node.config;
    const ordinal = this.published + 1;
    const poison = scripted?.poison ?? ((this.poisonOrdinals.size > 0 && this.poisonOrdinals.has(ordinal)) || (c.poison.fraction > 0 && this.poisonDraw.next() < c.poison.fraction));
    return newMessage(this.ctx.nextMessageId(), now, {
      routingKey: scripted?.routingKey ?? this.pickKey(),
      headers: scripted?.headers ?? c.headers,
      priority: scripted?.priority ?? c.priority ?? -1,
      sizeBytes: scripted?.sizeBytes ?? Math.round(this.size()),
      poison,
      persistent: scripted?.persistent ?? c.persistent,
      expirationMs: scripted?.expirationMs ?? c.expirationMs ?? -1,
      mandatory: c.mandatory,
      trail: this.ctx.tracing ? [{ node: this.id, atMs: now, event: poison ? 'published (poison)' : 'published' }] : null,
    });
  }

  private publish(message: Message): void {
    this.published++;
    this.intervalOut++;
    this.ctx.accounting.published++;
    const window = this.node.config.confirms?.window;
    if (window !== undefined && this.unconfirmed >= window) { this.outbox.push(message); return; }
    this.send(message);
  }

  private send(message: Message): void {
    const edge = this.outputs[0];
    // RabbitMQ A1.1.7: a message with nowhere to go is dropped (mandatory=false, no alternate exchange).
    if (!edge) { this.ctx.accounting.drop('unroutable'); return; }
    if (this.node.config.confirms) {
      this.unconfirmed++;
      message.publishedAt = this.ctx.now();
      message.confirm = new ConfirmTracker(this, message.publishedAt);
    }
    this.ctx.send(edge, message);
  }

  /** A1.6: the broker acked or nacked one publish; the window opens for a waiting message. */
  confirmed(tracker: ConfirmTracker, nacked: boolean): void {
    this.unconfirmed--;
    if (nacked) this.nackedConfirms++;
    else this.acks++;
    this.confirmLatency?.record(this.ctx.now() - tracker.publishedAt);
    const window = this.node.config.confirms?.window ?? Infinity;
    while (this.unconfirmed < window && this.outbox.length > 0) this.send(this.outbox.shift()!);
  }

  census(into: Census): void { into.inFlight += this.outbox.length; }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.out] = this.published;
    out[o + LIVE.unacked] = this.unconfirmed;
    out[o + LIVE.ready] = this.outbox.length;
    out[o + LIVE.nacked] = this.nackedConfirms;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalOut = 0;
  }

  report(): NodeReport {
    const c = this.node.config;
    return {
      kind: this.kind, out: this.published,
      ...(c.confirms ? { confirmed: this.acks, nacked: this.nackedConfirms, unconfirmed: this.unconfirmed, waiting: this.outbox.length, confirmMs: this.confirmLatency!.summary() } : {}),
    };
  }
}
