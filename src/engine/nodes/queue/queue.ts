import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import { LIVE, SAMPLE, type DeliverySource, type NodeModel } from '../../model/node';
import { ReadyList } from './readyList';
import { Subscription } from './subscription';

/**
 * A RabbitMQ classic queue: FIFO, competing consumers served round-robin within their prefetch
 * (semantics.md A1.4, A1.5, A1.15).
 */
export class QueueModel implements NodeModel, DeliverySource {
  readonly kind = 'queue';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  readonly deliverySource = this;
  private readonly ready = new ReadyList();
  private readonly subs: Subscription[] = [];
  /** Subscriptions by edge index (sparse): settling is on the hot path, so no Map. */
  private readonly subByEdge: Subscription[] = [];
  private rr = 0;
  private seq = 0;
  private unacked = 0;
  private received = 0;
  private delivered = 0;
  private acked = 0;
  private nacked = 0;
  private redelivered = 0;
  private rejected = 0;
  private maxReady = 0;
  private intervalIn = 0;
  private intervalOut = 0;
  private readonly wait: LatencyHistogram;

  constructor(readonly index: number, readonly id: string, private readonly node: NodeOf<'queue'>, private readonly ctx: SimContext) {
    this.wait = ctx.queueWait.create();
  }

  start(): void {
    for (const edge of this.outputs) {
      const subscriber = edge.target.subscriber;
      if (!subscriber) continue;
      const sub = new Subscription(edge, subscriber);
      this.subs.push(sub);
      this.subByEdge[edge.index] = sub;
    }
  }

  receive(message: Message): void {
    this.received++;
    this.intervalIn++;
    message.queueSeq = this.seq++;
    message.enqueuedAt = this.ctx.now();
    this.ready.push(message);
    if (this.ready.length > this.maxReady) this.maxReady = this.ready.length;
    this.dispatch();
  }

  handle(): void { /* no timed behaviour yet (TTL arrives with the delivery-semantics work) */ }

  /** Hands ready messages to consumers that can take them, head first. */
  private dispatch(): void {
    while (this.ready.length > 0) {
      const sub = this.nextSubscriber();
      if (!sub) return;
      this.deliver(sub, this.ready.shift()!);
    }
  }

  /** A1.15: round-robin over consumers, skipping those blocked by their prefetch. */
  private nextSubscriber(): Subscription | undefined {
    const n = this.subs.length;
    for (let k = 0; k < n; k++) {
      const i = (this.rr + k) % n;
      const sub = this.subs[i]!;
      if (sub.canTake()) { this.rr = i + 1; return sub; }
    }
    return undefined;
  }

  private deliver(sub: Subscription, message: Message): void {
    const waited = this.ctx.now() - message.enqueuedAt;
    if (message.originAt >= this.ctx.warmupMs) {
      this.wait.record(waited);
    }
    // A1.4: every delivery after the first carries redelivered=true.
    if (message.redelivered) this.redelivered++;
    message.deliveryCount++;
    this.delivered++;
    this.intervalOut++;
    if (sub.subscriber.ackMode === 'manual') { sub.unacked++; this.unacked++; }
    this.ctx.send(sub.edge, message);
  }

  ack(_message: Message, edge: EdgeRuntime): void {
    this.settle(edge);
    this.acked++;
    this.dispatch();
  }

  nack(message: Message, edge: EdgeRuntime, requeue: boolean): void {
    this.settle(edge);
    this.nacked++;
    if (requeue) {
      // A1.4: a requeued message is marked redelivered and, on a classic queue, goes back to its
      // original position (the BROKER example: [a,b,c], get a,b, nack b → [b, c]).
      message.redelivered = true;
      message.enqueuedAt = this.ctx.now();
      this.ready.insertInOrder(message);
    } else {
      // A1.4: requeue=false with no dead-letter exchange discards the message.
      this.rejected++;
      this.ctx.accounting.drop('rejected');
    }
    this.dispatch();
  }

  private settle(edge: EdgeRuntime): void {
    const sub = this.subByEdge[edge.index];
    if (sub && sub.unacked > 0) { sub.unacked--; this.unacked--; }
  }

  census(into: Census): void { into.queued += this.ready.length; }

  /** The ready messages head to tail, for inspection and tests. */
  readyMessages(): Message[] { return this.ready.toArray(); }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.in] = this.received; out[o + LIVE.out] = this.delivered; out[o + LIVE.acked] = this.acked;
    out[o + LIVE.nacked] = this.nacked; out[o + LIVE.redelivered] = this.redelivered; out[o + LIVE.dropped] = this.rejected;
    out[o + LIVE.ready] = this.ready.length; out[o + LIVE.unacked] = this.unacked;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.ready] = this.ready.length;
    out[o + SAMPLE.unacked] = this.unacked;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalIn = 0; this.intervalOut = 0;
  }

  report(): NodeReport {
    return {
      kind: this.kind, flavor: this.node.config.flavor, in: this.received, out: this.delivered,
      acked: this.acked, nacked: this.nacked, redelivered: this.redelivered, dropped: this.rejected,
      ready: this.ready.length, unacked: this.unacked, maxReady: this.maxReady, consumers: this.subs.length,
      queueWaitMs: this.wait.summary(),
    };
  }
}
