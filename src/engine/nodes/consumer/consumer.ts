import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import { round3, type LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import type { Message } from '../../model/message';
import { LIVE, SAMPLE, type NodeModel, type Subscriber } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/distributions';
import type { Random } from '../../random/prng';
import { BusyTime } from './busyTime';

const EV_DONE = 1;

/**
 * A service that consumes from queues: `concurrency` parallel slots, a service-time distribution,
 * a failure probability, and optionally publishing each result on along its outgoing edge.
 */
export class ConsumerModel implements NodeModel {
  readonly kind = 'consumer';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  readonly subscriber: Subscriber;
  /** Deliveries waiting for a free slot, and the input edge each came along. */
  private readonly buffer = new Fifo<Message>();
  private readonly bufferEdges = new Fifo<EdgeRuntime>();
  private busy = 0;
  private readonly capacity: number;
  private readonly service: Sampler;
  private readonly failures: Random;
  private readonly failureProbability: number;
  private readonly busyTime: BusyTime;
  private received = 0;
  private processed = 0;
  private failed = 0;
  private forwarded = 0;
  private intervalIn = 0;
  private intervalOut = 0;
  private readonly latency: LatencyHistogram;

  constructor(readonly index: number, readonly id: string, node: NodeOf<'consumer'>, private readonly ctx: SimContext) {
    const c = node.config;
    this.subscriber = { ackMode: c.ackMode, prefetch: c.prefetch };
    this.capacity = c.concurrency;
    this.service = samplerFor(c.serviceTimeMs, ctx.random(id, 'service'));
    this.failures = ctx.random(id, 'failure');
    this.failureProbability = c.failureProbability;
    this.busyTime = new BusyTime(c.concurrency);
    this.latency = ctx.endToEnd.create();
  }

  /** Input edges by edge index (sparse), to find a delivery's subscription when processing ends. */
  private readonly inputByIndex: EdgeRuntime[] = [];

  start(): void {
    for (const edge of this.inputs) this.inputByIndex[edge.index] = edge;
  }

  receive(message: Message, edge: EdgeRuntime): void {
    this.received++;
    this.intervalIn++;
    if (this.busy < this.capacity && this.buffer.length === 0) { this.begin(message, edge); return; }
    this.buffer.push(message);
    this.bufferEdges.push(edge);
    this.pump();
  }

  /** Starts buffered deliveries while slots are free, oldest first. */
  private pump(): void {
    while (this.busy < this.capacity && this.buffer.length > 0) this.begin(this.buffer.shift()!, this.bufferEdges.shift()!);
  }

  private begin(message: Message, edge: EdgeRuntime): void {
    this.busyTime.change(this.ctx.now(), +1);
    this.busy++;
    this.ctx.schedule(this.service(), this.index, EV_DONE, message, edge.index);
  }

  handle(type: number, payload: unknown, arg: number): void {
    if (type !== EV_DONE) return;
    const message = payload as Message;
    const edge = this.inputByIndex[arg]!;
    this.busyTime.change(this.ctx.now(), -1);
    this.busy--;
    const failed = this.failureProbability > 0 && this.failures.next() < this.failureProbability;
    if (failed) this.fail(message, edge);
    else this.succeed(message, edge);
    this.pump();
  }

  private fail(message: Message, edge: EdgeRuntime): void {
    this.failed++;
    if (this.subscriber.ackMode === 'manual') {
      // A1.4: a failed message is nacked with requeue=true and goes back to the queue.
      edge.source.deliverySource?.nack(message, edge, true);
    } else {
      // A1.4: under auto-ack the broker already considers it delivered; a failure loses it.
      this.ctx.accounting.drop('lostAfterAutoAck');
    }
  }

  private succeed(message: Message, edge: EdgeRuntime): void {
    this.processed++;
    this.forward(message);
    this.ctx.accounting.acked++;
    if (message.originAt >= this.ctx.warmupMs) {
      const ms = this.ctx.now() - message.originAt;
      this.latency.record(ms);
      this.ctx.sampleLatency(ms);
    }
    if (this.subscriber.ackMode === 'manual') edge.source.deliverySource?.ack(message, edge);
  }

  /** Publishes the result on as a new message that keeps the chain's origin time. */
  private forward(message: Message): void {
    const out = this.outputs[0];
    if (!out) return;
    const now = this.ctx.now();
    this.forwarded++;
    this.intervalOut++;
    this.ctx.accounting.forwarded++;
    this.ctx.send(out, {
      id: this.ctx.nextMessageId(), originAt: message.originAt, publishedAt: now, enqueuedAt: now,
      routingKey: message.routingKey, headers: message.headers, priority: message.priority,
      sizeBytes: message.sizeBytes, redelivered: false, deliveryCount: 0, queueSeq: 0,
    });
  }

  census(into: Census): void { into.inFlight += this.buffer.length + this.busy; }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.in] = this.received; out[o + LIVE.out] = this.forwarded; out[o + LIVE.acked] = this.processed;
    out[o + LIVE.nacked] = this.subscriber.ackMode === 'manual' ? this.failed : 0;
    out[o + LIVE.dropped] = this.subscriber.ackMode === 'auto' ? this.failed : 0;
    out[o + LIVE.unacked] = this.buffer.length + this.busy;
    out[o + LIVE.busy] = this.busy; out[o + LIVE.capacity] = this.capacity;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.busy] = this.busy;
    out[o + SAMPLE.unacked] = this.buffer.length + this.busy;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalIn = 0; this.intervalOut = 0;
  }

  report(): NodeReport {
    return {
      kind: this.kind, ackMode: this.subscriber.ackMode, in: this.received, acked: this.processed,
      nacked: this.subscriber.ackMode === 'manual' ? this.failed : 0,
      dropped: this.subscriber.ackMode === 'auto' ? this.failed : 0,
      out: this.forwarded, busy: this.busy, buffered: this.buffer.length, concurrency: this.capacity,
      utilisation: round3(this.busyTime.utilisation(this.ctx.now())),
      latencyMs: this.latency.summary(),
    };
  }
}
