import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import { LIVE, SAMPLE, type NodeModel } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/distributions';
import { arrivalProcess, type NextArrival } from './arrivals';
import { routingKeyPicker } from './routingKeys';

const EV_PUBLISH = 1;

type ProducerNode = NodeOf<'producer'>;
type Scripted = Extract<ProducerNode['config']['arrival'], { type: 'script' }>['messages'][number];

/** Publishes messages by an arrival process or a script, to its one outgoing edge. */
export class ProducerModel implements NodeModel {
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

  constructor(readonly index: number, readonly id: string, private readonly node: ProducerNode, private readonly ctx: SimContext) {
    const c = node.config;
    this.limit = c.count ?? Infinity;
    this.pickKey = routingKeyPicker(c.routingKeys, ctx.random(id, 'routingKey'));
    this.size = samplerFor(c.sizeBytes, ctx.random(id, 'size'));
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
    return {
      id: this.ctx.nextMessageId(), originAt: now, publishedAt: now, enqueuedAt: now,
      routingKey: scripted?.routingKey ?? this.pickKey(),
      headers: scripted?.headers ?? c.headers,
      priority: scripted?.priority ?? c.priority ?? -1,
      sizeBytes: scripted?.sizeBytes ?? Math.round(this.size()),
      redelivered: false, deliveryCount: 0, queueSeq: 0,
    };
  }

  private publish(message: Message): void {
    this.published++;
    this.intervalOut++;
    this.ctx.accounting.published++;
    const edge = this.outputs[0];
    // RabbitMQ A1.1.7: a message with nowhere to go is dropped (mandatory=false, no alternate exchange).
    if (!edge) { this.ctx.accounting.drop('unroutable'); return; }
    this.ctx.send(edge, message);
  }

  census(_into: Census): void { /* holds nothing */ }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.out] = this.published;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalOut = 0;
  }

  report(): NodeReport {
    return { kind: this.kind, out: this.published };
  }
}
