import type { DropReason, NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import { IntervalLatency } from '../../metrics/intervalLatency';
import { round3, type LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import { addHop, newMessage, type Message } from '../../model/message';
import { LIVE, SAMPLE, type NodeModel, type Subscriber } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/distributions';
import type { Random } from '../../random/prng';
import { BusyTime } from './busyTime';
import { OutstandingCalls } from './calls';
import { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import { InService } from './inService';
import { Responder } from './responder';

const EV_DONE = 1;
const EV_POLL = 2;
const EV_OFFLINE = 3;
const EV_ONLINE = 4;
const EV_CALL_TIMEOUT = 5;

type Config = NodeOf<'consumer'>['config'];

/**
 * A service that consumes: pushed deliveries (basic.consume) or polls (basic.get, SQS ReceiveMessage),
 * `concurrency` parallel slots, a service-time distribution, failures (poison messages always fail),
 * offline periods, and optionally publishing each result on along its outgoing edge.
 */
export class ConsumerModel implements NodeModel {
  readonly kind = 'consumer';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  readonly subscriber: Subscriber & { online: boolean };
  private readonly buffer = new Fifo<Delivery>();
  private readonly inService = new InService();
  private readonly inputByIndex: EdgeRuntime[] = [];
  private readonly polling = new Set<number>();
  private readonly service: Sampler;
  private readonly failures: Random;
  private readonly busyTime: BusyTime;
  private readonly latency: LatencyHistogram;
  /** End to end of what it acked in the current sample interval: the same figure as `latency`, per interval. */
  readonly intervalLatency = new IntervalLatency();
  private readonly n = new ConsumerCounters();
  private slowdown = 1;
  private crashed = false;
  /** EIP Idempotent Receiver: ids processed within the window, oldest first, and when. */
  private readonly seen = new Map<number, number>();
  private readonly responder: Responder;
  /** Whether it replies at all (config.reply.enabled): most consumers do not, and ask on every message. */
  private readonly replies: boolean;
  private readonly calls = new OutstandingCalls();
  /** Where results go on (and calls are made): its publish or push output, never a reply edge. */
  private forwardEdge: EdgeRuntime | undefined;
  private get online(): boolean { return this.subscriber.online; }
  private set online(value: boolean) { this.subscriber.online = value; }

  constructor(readonly index: number, readonly id: string, node: NodeOf<'consumer'>, private readonly ctx: SimContext) {
    const c = node.config;
    this.config = c;
    this.subscriber = {
      ackMode: c.ackMode, prefetch: c.prefetch, delivery: c.delivery,
      // Offline from the start (see start()): known before any queue starts and looks at its subscribers.
      online: !c.offline.some((w) => w.fromMs <= 0),
      pollReturned: (edge, count) => this.pollReturned(edge, count),
      surrender: (edge) => this.surrender(edge),
    };
    this.service = samplerFor(c.serviceTimeMs, ctx.random(id, 'service'));
    this.failures = ctx.random(id, 'failure');
    this.busyTime = new BusyTime(c.concurrency);
    this.latency = ctx.endToEnd.create();
    this.responder = new Responder(id, index, this.outputs, c.reply, ctx);
    this.replies = c.reply.enabled;
  }

  private readonly config: Config;

  start(): void {
    for (const edge of this.inputs) this.inputByIndex[edge.index] = edge;
    this.forwardEdge = this.outputs.find((e) => e.role === 'publish' || e.role === 'push');
    this.ctx.audit?.addConsumer(this.index, this.id, this.inputs.filter((e) => e.role === 'subscribe').map((e) => e.source.index));
    for (const w of this.config.offline) {
      // Offline from the start: never subscribed, so nothing is delivered or polled before it returns.
      if (w.fromMs <= 0) this.online = false;
      else this.ctx.schedule(w.fromMs, this.index, EV_OFFLINE, null, 0);
      this.ctx.schedule(w.toMs, this.index, EV_ONLINE, null, 0);
    }
    // The first polls are events at t=0: every queue must have started before it is polled.
    if (this.config.delivery === 'pull') for (const edge of this.inputs) if (edge.role === 'subscribe') this.ctx.schedule(0, this.index, EV_POLL, null, edge.index);
  }

  private get held(): number { return this.buffer.length + this.inService.size; }

  // ---- receiving ------------------------------------------------------------------------------

  receive(message: Message, edge: EdgeRuntime): void {
    // A reply to one of its calls (A4 Return Address): back along its own push edge, or sent to it by a
    // callee behind a queue (a reply or push edge). What a queue delivers is always a delivery.
    if (edge.source === this || (this.config.call !== null && message.correlationId >= 0 && edge.role !== 'subscribe')) { this.callReplied(message); return; }
    const now = this.ctx.now();
    addHop(message, this.id, now, 'received');
    if (edge.role === 'push' && !this.online) {
      // A non-persistent subscription: nothing holds the message for an offline subscriber.
      this.n.lost++;
      this.ctx.accounting.drop('subscriberOffline', this.index, message.id);
      return;
    }
    const delivery: Delivery = { message, edge, receipt: message.receipt, slot: -1, callId: -1 };
    if (!this.online) { this.giveBack(delivery); return; }
    this.n.received++;
    this.n.intervalIn++;
    this.ctx.audit?.delivered(this.index, message);
    if (message.corrupt && this.config.verifyChecksum) { this.rejectCorrupt(delivery); return; }
    if (this.inService.size < this.config.concurrency && this.buffer.length === 0) this.begin(delivery);
    else { this.buffer.push(delivery); this.pump(); }
  }

  /** Starts buffered deliveries while slots are free, oldest first. */
  private pump(): void {
    while (this.inService.size < this.config.concurrency && this.buffer.length > 0) this.begin(this.buffer.shift()!);
  }

  private begin(d: Delivery): void {
    this.busyTime.change(this.ctx.now(), +1);
    this.inService.add(d);
    // EIP Idempotent Receiver: a message already processed within the window is acked and skipped.
    const skip = this.config.idempotent !== null && this.seenRecently(d.message.id);
    this.ctx.schedule(skip ? 0 : this.service() * this.slowdown, this.index, EV_DONE, d, skip ? 1 : 0);
  }

  private seenRecently(id: number): boolean {
    const window = this.config.idempotent!.windowMs;
    const now = this.ctx.now();
    for (const [oldId, at] of this.seen) { if (at >= now - window) break; this.seen.delete(oldId); }
    return this.seen.has(id);
  }

  handle(type: number, payload: unknown, arg: number): void {
    if (type === EV_DONE) this.done(payload as Delivery, arg === 1);
    else if (type === EV_CALL_TIMEOUT) this.callTimedOut(payload as Delivery);
    else if (type === EV_POLL) this.poll(this.inputByIndex[arg]!);
    else if (type === EV_OFFLINE) this.goOffline();
    else if (type === EV_ONLINE) this.goOnline();
  }

  private done(d: Delivery, duplicate: boolean): void {
    if (!this.inService.holds(d)) return; // the consumer went offline meanwhile: already given back
    const m = d.message;
    const failed = !duplicate && (m.poison || (this.config.failureProbability > 0 && this.failures.next() < this.config.failureProbability));
    // A synchronous call keeps the slot until its reply comes (or it times out).
    const out = this.config.call !== null && !failed && !duplicate ? this.wayOn(m, this.wantsReply(m)) : undefined;
    if (out) { this.call(d, out); return; }
    this.release(d);
    if (failed) this.fail(d);
    else if (duplicate) this.skipDuplicate(d);
    else this.succeed(d);
    this.next(d);
  }

  /** The slot of `d` is free again. */
  private release(d: Delivery): void {
    this.inService.delete(d);
    this.busyTime.change(this.ctx.now(), -1);
  }

  /** After a delivery is settled: start buffered ones, and poll again for a pull consumer. */
  private next(d: Delivery): void {
    this.pump();
    if (this.config.delivery === 'pull') this.poll(d.edge);
  }

  private wantsReply(m: Message): boolean { return this.replies && this.responder.wants(m); }

  private fromQueue(d: Delivery): boolean { return d.edge.role === 'subscribe'; }

  private fail(d: Delivery, lostAs: DropReason = 'lostAfterAutoAck'): void {
    this.n.failed++;
    addHop(d.message, this.id, this.ctx.now(), d.message.poison ? 'failed (poison)' : 'failed');
    // The failure goes back to the caller at once as an error reply (A4 Return Address).
    if (this.wantsReply(d.message)) this.reply(d, true);
    if (this.fromQueue(d) && this.config.ackMode === 'manual') {
      this.n.nacks++;
      // A1.4: nack with requeue=true, or reject (requeue=false: dead-lettered or discarded).
      d.edge.source.deliverySource?.nack(d.message, d.edge, this.config.onFailure === 'requeue', d.receipt);
      return;
    }
    // A1.4: under auto-ack (or a push subscription) the message was settled on delivery; a failure loses it.
    this.n.lost++;
    this.ctx.accounting.drop(lostAs, this.index, d.message.id);
  }

  /** A duplicate an idempotent consumer recognised: acked without processing it again. */
  private skipDuplicate(d: Delivery): void {
    this.ctx.audit?.skippedDuplicate(this.index);
    const settled = this.fromQueue(d) && this.config.ackMode === 'manual' ? d.edge.source.deliverySource?.ack(d.message, d.edge, d.receipt) ?? true : true;
    if (settled) this.ctx.accounting.acked++;
  }

  /** Processed: forwarded on (unless a call already sent it on), replied to, then acked. */
  private succeed(d: Delivery, called = false): void {
    const m = d.message;
    this.n.processed++;
    if (m.corrupt) this.n.corruptProcessed++; // its checksum is not verified: processed as if sound
    this.ctx.audit?.processed(this.index, m);
    if (this.config.idempotent !== null) this.seen.set(m.id, this.ctx.now());
    const replying = this.wantsReply(m);
    // The result goes on, unless a call sent it on already.
    if (!called) this.forward(m, this.wayOn(m, replying));
    if (replying) this.reply(d, false);
    const settled = this.fromQueue(d) && this.config.ackMode === 'manual'
      ? d.edge.source.deliverySource?.ack(m, d.edge, d.receipt) ?? true
      : true;
    if (!settled) { this.n.duplicates++; return; } // A2.1: deleted too late; it will be received again
    addHop(m, this.id, this.ctx.now(), 'acked');
    this.ctx.accounting.acked++;
    if (m.originAt >= this.ctx.warmupMs) {
      const ms = this.ctx.now() - m.originAt;
      this.latency.record(ms);
      this.intervalLatency.record(ms);
      this.ctx.sampleLatency(ms);
    }
  }

  /** Publishes the result on as a new message that keeps the chain's origin time. */
  private forward(m: Message, out: EdgeRuntime | undefined): void {
    if (out) this.ctx.send(out, this.result(m, ''));
  }

  /**
   * Where the result of `m` goes on (or its call goes): the publish or push output, but not the one to
   * where its reply goes (A4 Return Address) when it replies. A consumer may have an output of each role,
   * so the edge to the caller is passed over whatever order the document lists the edges in.
   */
  private wayOn(m: Message, replying: boolean): EdgeRuntime | undefined {
    const out = this.forwardEdge;
    if (!replying || out === undefined || out.target.id !== m.replyTo) return out;
    return this.outputs.find((e) => (e.role === 'publish' || e.role === 'push') && e.target.id !== m.replyTo);
  }

  /**
   * The result of processing `m`, a new message; `replyTo` makes it a request (a call). It keeps the
   * input's MessageGroupId, so a service between two FIFO queues keeps per-group order (A2.3), and derives
   * its deduplication id from the input's: a redelivered input yields a result the next FIFO queue drops.
   */
  private result(m: Message, replyTo: string): Message {
    this.n.forwarded++;
    this.n.intervalOut++;
    this.ctx.accounting.forwarded++;
    return newMessage(this.ctx.nextMessageId(), this.ctx.now(), {
      originAt: m.originAt, routingKey: m.routingKey, headers: m.headers, priority: m.priority,
      sizeBytes: m.sizeBytes, persistent: m.persistent, trail: m.trail ? [...m.trail] : null, publisher: this.id, replyTo,
      groupId: m.groupId, dedupId: m.dedupId === '' ? '' : `${m.dedupId}/${this.id}`,
    });
  }

  private reply(d: Delivery, error: boolean): void {
    this.n.replies++;
    this.responder.reply(d.message, d.edge, error);
  }

  // ---- synchronous calls ----------------------------------------------------------------------

  /**
   * Sends the result on as a request with itself as the Return Address (A4) and waits for the reply,
   * holding the slot: the caller's capacity is tied up for as long as the callee takes.
   */
  private call(d: Delivery, out: EdgeRuntime): void {
    const request = this.result(d.message, this.id);
    this.n.calls++;
    this.calls.begin(d, request.id);
    this.ctx.schedule(this.config.call!.timeoutMs, this.index, EV_CALL_TIMEOUT, d, 0);
    this.ctx.send(out, request);
  }

  /** A reply with our call's id: the call ends, well or with an error. Otherwise it is late (A4). */
  private callReplied(reply: Message): void {
    addHop(reply, this.id, this.ctx.now(), 'call reply');
    // A reply is not a message owed to this consumer (it answers its own request, A4): dropping one is no
    // loss in its delivery audit (node -1); the call times out and the message it serves fails instead.
    if (!this.online) { this.ctx.lose(reply, 'nodeDown', -1); return; } // its connection is closed
    // Its checksum is verified like any message's: a damaged reply is discarded unmatched, so the call times out.
    if (reply.corrupt && this.config.verifyChecksum) {
      this.n.corruptRejected++;
      this.n.lost++; // dropped here, as a damaged delivery it cannot nack is (rejectCorrupt)
      this.ctx.accounting.drop('corrupt');
      return;
    }
    const d = this.calls.take(reply.correlationId);
    if (!d) { this.ctx.accounting.drop('lateReply'); return; }
    this.n.callReplies++;
    this.ctx.accounting.acked++; // the reply is consumed
    const failed = reply.headers.error === true;
    if (failed) this.n.callErrors++;
    this.endCall(d, failed);
  }

  private callTimedOut(d: Delivery): void {
    if (!this.calls.cancel(d)) return; // answered already, or given back
    this.n.callTimeouts++;
    this.endCall(d, true);
  }

  /** A failed call fails the message here: the usual failure path, and an error reply to its caller. */
  private endCall(d: Delivery, failed: boolean): void {
    this.release(d);
    if (failed) this.fail(d, 'callFailed');
    else this.succeed(d, true);
    this.next(d);
  }

  /**
   * Its checksum does not match: rejected without being processed. From a queue under manual ack it is
   * nacked with requeue=false (A1.4: dead-lettered, or discarded as 'rejected'); otherwise dropped.
   */
  private rejectCorrupt(d: Delivery): void {
    this.n.corruptRejected++;
    addHop(d.message, this.id, this.ctx.now(), 'rejected (checksum)');
    if (this.fromQueue(d) && this.config.ackMode === 'manual') {
      this.n.nacks++;
      d.edge.source.deliverySource?.nack(d.message, d.edge, false, d.receipt);
      return;
    }
    this.n.lost++;
    this.ctx.accounting.drop('corrupt', this.index, d.message.id);
  }

  // ---- offline --------------------------------------------------------------------------------

  /**
   * A1.4: when a consumer's channel closes its unacked deliveries are requeued; under auto-ack they
   * were settled on delivery and are lost. SQS: in-flight messages come back after their visibility timeout.
   */
  private goOffline(): void {
    if (!this.online) return;
    this.online = false;
    const now = this.ctx.now();
    for (const d of this.inService.takeAll()) { this.busyTime.change(now, -1); this.giveBack(d); }
    for (let d = this.buffer.shift(); d; d = this.buffer.shift()) this.giveBack(d);
    for (const edge of this.inputs) edge.source.deliverySource?.setOnline(edge, false);
    this.polling.clear();
  }

  private giveBack(d: Delivery): void {
    this.calls.cancel(d); // a reply to its call will find no one waiting
    if (d.receipt > 0) return; // A2.1: an SQS message comes back by its visibility timeout
    if (this.fromQueue(d) && this.config.ackMode === 'manual') {
      d.edge.source.deliverySource?.nack(d.message, d.edge, true, d.receipt);
      return;
    }
    this.n.lost++;
    this.ctx.accounting.drop('lostAfterAutoAck', this.index, d.message.id);
  }

  /** The queue's channel closed: hand back, unsettled, what this subscription delivered (manual ack). */
  private surrender(edge: EdgeRuntime): Message[] {
    if (this.config.ackMode !== 'manual') return [];
    const fromEdge = (d: Delivery) => d.edge === edge && d.receipt === 0;
    const now = this.ctx.now();
    const given = this.inService.takeWhere(fromEdge).map((d) => { this.busyTime.change(now, -1); this.calls.cancel(d); return d.message; });
    const kept = new Fifo<Delivery>();
    for (let d = this.buffer.shift(); d; d = this.buffer.shift()) {
      if (fromEdge(d)) given.push(d.message);
      else kept.push(d);
    }
    for (let d = kept.shift(); d; d = kept.shift()) this.buffer.push(d);
    this.pump();
    return given;
  }

  // ---- faults ---------------------------------------------------------------------------------

  /** A crashed consumer does nothing; like a closed channel, its unacked messages go back or are lost (A1.4). */
  crash(): void { this.crashed = true; this.goOffline(); }
  restart(): void { this.crashed = false; this.goOnline(); }
  setSlowdown(factor: number): void { this.slowdown = factor; }

  private goOnline(): void {
    if (this.online || this.crashed) return; // an offline window ending does not revive a crashed consumer
    this.online = true;
    for (const edge of this.inputs) edge.source.deliverySource?.setOnline(edge, true);
    if (this.config.delivery === 'pull') this.pollAll();
  }

  // ---- polling --------------------------------------------------------------------------------

  private pollAll(): void {
    for (const edge of this.inputs) if (edge.role === 'subscribe') this.poll(edge);
  }

  /** Polls along `edge` when online, no poll is outstanding there, and a slot is free. */
  private poll(edge: EdgeRuntime): void {
    const free = this.config.concurrency - this.held;
    if (!this.online || free <= 0 || this.polling.has(edge.index) || !edge.source.deliverySource) return;
    // A poll cannot cross a partitioned link: try again after the poll interval.
    if (edge.fault?.partitioned) { this.ctx.schedule(this.config.pollIntervalMs, this.index, EV_POLL, null, edge.index); return; }
    this.polling.add(edge.index);
    this.n.polls++;
    edge.source.deliverySource.poll(edge, Math.min(this.config.batchSize, free), this.config.waitTimeMs);
  }

  private pollReturned(edge: EdgeRuntime, count: number): void {
    this.polling.delete(edge.index);
    if (count > 0) { this.poll(edge); return; }
    this.n.emptyPolls++;
    if (this.online) this.ctx.schedule(this.config.pollIntervalMs, this.index, EV_POLL, null, edge.index);
  }

  // ---- figures --------------------------------------------------------------------------------

  census(into: Census): void {
    // An SQS queue counts its own messages until they are deleted or moved, even while a consumer
    // processes them (a receipt > 0 marks an SQS receive); everything else held here is in flight.
    this.inService.forEach((d) => { if (d.receipt === 0) into.inFlight++; });
    this.buffer.forEach((d) => { if (d.receipt === 0) into.inFlight++; });
  }

  /** Deliveries held (in service first), for the message inspector. */
  messages(limit: number): { message: Message; state: string }[] {
    const out: { message: Message; state: string }[] = [];
    this.inService.forEach((d) => { out.push({ message: d.message, state: 'being processed' }); });
    this.buffer.forEach((d) => { out.push({ message: d.message, state: 'buffered (prefetched)' }); });
    return out.slice(0, limit);
  }

  writeLive(out: Float64Array, o: number): void {
    const n = this.n;
    out[o + LIVE.in] = n.received; out[o + LIVE.out] = n.forwarded; out[o + LIVE.acked] = n.processed;
    out[o + LIVE.nacked] = n.nacks; out[o + LIVE.dropped] = n.lost;
    out[o + LIVE.unacked] = this.held; out[o + LIVE.busy] = this.inService.size; out[o + LIVE.capacity] = this.config.concurrency;
    out[o + LIVE.offline] = this.online ? 0 : 1;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.n.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.n.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.busy] = this.inService.size;
    out[o + SAMPLE.unacked] = this.held;
    this.intervalLatency.write(out, o);
    this.n.intervalIn = 0; this.n.intervalOut = 0;
  }

  report(): NodeReport {
    const n = this.n;
    return {
      kind: this.kind, ackMode: this.config.ackMode, delivery: this.config.delivery, in: n.received, acked: n.processed,
      failed: n.failed, nacked: n.nacks, dropped: n.lost, duplicates: n.duplicates, out: n.forwarded,
      busy: this.inService.size, buffered: this.buffer.length, concurrency: this.config.concurrency,
      polls: n.polls, emptyPolls: n.emptyPolls, online: this.online ? 1 : 0,
      replies: n.replies, calls: n.calls, callReplies: n.callReplies, callTimeouts: n.callTimeouts, callErrors: n.callErrors,
      corruptRejected: n.corruptRejected, corruptProcessed: n.corruptProcessed,
      utilisation: round3(this.busyTime.utilisation(this.ctx.now())),
      latencyMs: this.latency.summary(),
    };
  }
}
