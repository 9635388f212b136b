import type { DropReason, NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import { IntervalLatency } from '../../metrics/intervalLatency';
import type { LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import { TRANSIT_NONE, type Message } from '../../model/message';
import { addHop } from '../../model/trail';
import { ACK_SETTLED, ACK_STALE, type AckOutcome, type NodeModel, type Subscriber } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/samplers';
import type { Random } from '../../random/prng';
import { Caller } from './caller';
import { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import { EV_CALL_TIMEOUT, EV_DONE, EV_OFFLINE, EV_ONLINE, EV_POLL, EV_POLL_ANSWERED, EV_POLL_ARRIVES } from './events';
import { ConsumerFigures } from './figures';
import { GivingBack } from './givingBack';
import { InService } from './inService';
import { Polling, type PollInTransit } from './polling';
import { RecentIds } from './recentIds';
import { Responder } from './responder';
import { settlementLostOnLink } from './settlementLink';
import { Unprocessed } from './unprocessed';

type Config = NodeOf<'consumer'>['config'];

/** Spare delivery records kept at most: as many as are done with at once is all that is ever reused. */
const MAX_SPARE_DELIVERIES = 16;

/**
 * A service that consumes: pushed deliveries (basic.consume) or polls (basic.get, SQS ReceiveMessage),
 * `concurrency` parallel slots, a service-time distribution, failures (poison messages always fail),
 * offline periods, and optionally publishing each result on along its outgoing edge.
 *
 * This file holds the path of a delivery (receive → begin → done → succeed or fail → ack); what lies
 * off it has its own module: polling (polling.ts), synchronous calls (caller.ts), settling failures,
 * checksum rejections and duplicates (unprocessed.ts), giving back what it holds when it goes offline
 * (givingBack.ts), the Idempotent Receiver's memory (recentIds.ts), and its figures (figures.ts). Its counters
 * are its own fields (consumerCounters.ts, its base class), which the helpers that count are given as `this`.
 */
export class ConsumerModel extends ConsumerCounters implements NodeModel {
  // Fields are laid out in the order they are declared, after the counters (the base class's) and the
  // constructor's parameters: those read on every delivery come first, so that a delivery touches a few cache
  // lines of the consumer rather than all of them (docs/PERFORMANCE.md, "Locality").
  readonly subscriber: Subscriber & { online: boolean };
  private readonly buffer = new Fifo<Delivery>();
  private readonly inService: InService;
  /** Deliveries done with, for reuse (see done and newDelivery). */
  private readonly spareDeliveries: Delivery[] = [];
  // Facts of its config read per delivery, copied here once: the config object is not touched per message.
  /** Whether it makes synchronous calls (config.call). */
  private readonly makesCalls: boolean;
  private readonly verifiesChecksum: boolean;
  private readonly concurrency: number;
  private readonly idempotent: boolean;
  /** Its service time's sampler: an object, so that with one distribution in play its `draw` is inlined in `begin`. */
  private readonly service: Sampler;
  private slowdown = 1;
  private readonly failureProbability: number;
  private readonly failures: Random;
  private readonly manualAck: boolean;
  private readonly pulls: boolean;
  /** Whether it replies at all (config.reply.enabled; on by default, for requests that carry a Return Address). */
  private readonly repliesEnabled: boolean;
  /** Where results go on (and calls are made): its publish or push output, never a reply edge. */
  private forwardEdge: EdgeRuntime | undefined;
  private readonly latency: LatencyHistogram;
  readonly kind = 'consumer';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  /** End to end of what it acked in the current sample interval: the same figure as `latency`, per interval. */
  readonly intervalLatency = new IntervalLatency();
  private crashed = false;
  /**
   * Its offline windows in force now: windows may overlap, and it is away for their union, so the end of one
   * brings it back only when no other still runs (as the end of a window does not revive a crashed consumer).
   */
  private offlineWindows = 0;
  /** EIP Idempotent Receiver: the ids processed in the last idempotent.windowMs. */
  private readonly seen: RecentIds;
  private readonly responder: Responder;
  private readonly caller: Caller;
  private readonly polling: Polling;
  private readonly givingBack: GivingBack;
  private readonly figures: ConsumerFigures;
  private readonly unprocessed: Unprocessed;
  private get online(): boolean { return this.subscriber.online; }
  private set online(value: boolean) { this.subscriber.online = value; }

  constructor(readonly index: number, readonly id: string, node: NodeOf<'consumer'>, private readonly ctx: SimContext) {
    super();
    const c = node.config;
    this.config = c;
    this.subscriber = {
      ackMode: c.ackMode, prefetch: c.prefetch, delivery: c.delivery,
      // Offline from the start (see start()): known before any queue starts and looks at its subscribers.
      online: !c.offline.some((w) => w.fromMs <= 0),
      pollReturned: (edge, count) => this.polling.returned(edge, count),
      surrender: (edge) => this.surrender(edge),
      oldestUnackedAt: (edge) => this.givingBack.oldestUnackedAt(edge),
      ackArrived: (m, edge, sentAt) => this.ackArrived(m, edge, sentAt),
      ackVoided: (m) => this.ackVoided(m),
      deleteTooLate: (m) => this.deleteTooLate(m),
    };
    this.service = samplerFor(c.serviceTimeMs, ctx.random(id, 'service'));
    this.failures = ctx.random(id, 'failure');
    this.inService = new InService(c.concurrency);
    this.latency = ctx.endToEnd.create();
    this.responder = new Responder(id, index, this.outputs, c.reply, ctx);
    this.repliesEnabled = c.reply.enabled;
    this.concurrency = c.concurrency;
    this.verifiesChecksum = c.verifyChecksum;
    this.idempotent = c.idempotent !== null;
    this.makesCalls = c.call !== null;
    this.failureProbability = c.failureProbability;
    this.manualAck = c.ackMode === 'manual';
    this.pulls = c.delivery === 'pull';
    this.seen = new RecentIds(c.idempotent?.windowMs ?? 0);
    this.unprocessed = new Unprocessed(id, index, c, this, ctx);
    this.caller = new Caller(id, index, c, this, ctx);
    this.polling = new Polling(index, c, this.inputs, this.subscriber, this.buffer, this.inService, this, ctx);
    this.givingBack = new GivingBack(index, this.manualAck, this.buffer, this.inService, this.caller, this, ctx);
    this.figures = new ConsumerFigures(c, this.subscriber, this.buffer, this.inService, this.latency, this.intervalLatency, this, ctx);
  }

  private readonly config: Config;

  start(): void {
    this.forwardEdge = this.outputs.find((e) => e.role === 'publish' || e.role === 'push');
    const queues = this.inputs.filter((e) => e.role === 'subscribe').map((e) => e.source);
    this.ctx.audit?.addConsumer(this.index, this.id, queues.map((q) => q.index), queues.map((q) => q.id));
    // Every window's start is scheduled before any window's end: where one window ends as the next begins (at
    // the same instant), it goes away again before it comes back, and so stays away, taking nothing meanwhile.
    for (const w of this.config.offline) {
      // Offline from the start: never subscribed, so nothing is delivered or polled before it returns.
      if (w.fromMs <= 0) { this.online = false; this.offlineWindows++; }
      else this.ctx.schedule(w.fromMs, this.index, EV_OFFLINE, null, 0);
    }
    for (const w of this.config.offline) this.ctx.schedule(w.toMs, this.index, EV_ONLINE, null, 0);
    this.polling.start(); // the first polls of a pull consumer
  }

  // ---- receiving ------------------------------------------------------------------------------

  /**
   * A reply to one of its calls (A4 Return Address): back along its own push edge, or sent to it by a
   * callee behind a queue (a reply or push edge). What a queue delivers is always a delivery.
   */
  takesAsReply(message: Message, edge: EdgeRuntime): boolean {
    return edge.source === this || (this.makesCalls && message.correlationId >= 0 && edge.role !== 'subscribe');
  }

  receive(message: Message, edge: EdgeRuntime): void {
    if (message.transit !== TRANSIT_NONE && this.arrivedOnClosedChannel(message, edge)) return;
    if (this.takesAsReply(message, edge)) { this.callReplied(message); return; }
    addHop(message, this.index, this.ctx, 'received');
    if (edge.role === 'push' && !this.online) {
      // A non-persistent subscription: nothing holds the message for an offline subscriber.
      this.lost++;
      this.ctx.accounting.drop('subscriberOffline', this.index, message.id);
      return;
    }
    const delivery = this.newDelivery(message, edge);
    if (!this.online) { this.givingBack.giveBack(delivery); return; }
    this.received++;
    this.intervalIn++;
    this.ctx.audit?.delivered(this.index, message);
    if (message.corrupt && this.verifiesChecksum) { this.unprocessed.rejectCorrupt(delivery); return; }
    if (this.inService.size < this.concurrency && this.buffer.length === 0) this.begin(delivery);
    else { this.buffer.push(delivery); this.pump(); }
  }

  /**
   * A delivery that travelled a link with a delay arrived (its queue follows those: deliveriesInTransit.ts). A1.4: its
   * channel closed while it was on its way, so the broker requeued it at the close, and the client, which has no such
   * channel any more, drops it: not received, not processed, not acked. This copy is no one's: its object is reused.
   */
  private arrivedOnClosedChannel(message: Message, edge: EdgeRuntime): boolean {
    if (edge.source.deliverySource!.deliveryArrived(message, edge)) return false;
    this.ctx.messages.release(message);
    return true;
  }

  /** Starts buffered deliveries while slots are free, oldest first. */
  private pump(): void {
    while (this.inService.size < this.concurrency && this.buffer.length > 0) this.begin(this.buffer.shift()!);
  }

  private begin(d: Delivery): void {
    // EIP Idempotent Receiver (A4): a message already processed within the window, or a copy of one being
    // processed now, is acked and skipped. Camel adds the id eagerly "to detect duplication also for Exchanges
    // currently in progress", and removes it when the exchange fails: a failed id is not noted (succeed notes it).
    const skip = this.idempotent && (this.seen.has(d.message.id, this.ctx.now()) || this.inService.some((o) => o.message.id === d.message.id));
    this.inService.add(d, this.ctx.now());
    this.ctx.schedule(skip ? 0 : this.service.draw() * this.slowdown, this.index, EV_DONE, d, skip ? 1 : 0);
  }

  handle(type: number, payload: unknown, arg: number): void {
    if (type === EV_DONE) this.done(payload as Delivery, arg === 1);
    else if (type === EV_CALL_TIMEOUT) this.callTimedOut(payload as Delivery);
    else if (type === EV_POLL) this.polling.pollInput(arg);
    else if (type === EV_POLL_ARRIVES) this.polling.requestArrived(payload as PollInTransit);
    else if (type === EV_POLL_ANSWERED) this.polling.answerArrived(payload as PollInTransit);
    else if (type === EV_OFFLINE) { this.offlineWindows++; this.goOffline(); }
    else if (type === EV_ONLINE) { this.offlineWindows--; this.goOnline(); }
  }

  private done(d: Delivery, duplicate: boolean): void {
    if (!this.inService.holds(d)) return; // the consumer went offline meanwhile: already given back
    const m = d.message;
    const failed = !duplicate && (m.poison || (this.failureProbability > 0 && this.failures.next() < this.failureProbability));
    // A synchronous call keeps the slot until its reply comes (or it times out).
    const out = this.makesCalls && !failed && !duplicate ? this.wayOn(m, this.wantsReply(m)) : undefined;
    if (out) { this.call(d, out); return; }
    this.release(d);
    if (failed) this.fail(d);
    else if (duplicate) this.unprocessed.skipDuplicate(d);
    else this.succeed(d);
    this.next(d);
    // Its completion has fired and nothing holds it any more: reused for a later delivery. Only here: a delivery
    // given back while in service still has its completion pending (`holds` must then see it as no longer held),
    // and one waiting on a call has its timeout pending.
    if (this.spareDeliveries.length < MAX_SPARE_DELIVERIES) this.spareDeliveries.push(d);
  }

  /**
   * The record of `message` delivered along `edge`: a spare one (already in cache, and an old object, so storing
   * it into the slots and the event queue skips the write barrier's slow path) or a new one.
   */
  private newDelivery(message: Message, edge: EdgeRuntime): Delivery {
    const d = this.spareDeliveries.pop();
    if (d === undefined) return { message, edge, receipt: message.receipt, slot: -1, callId: -1, orphaned: false };
    d.message = message; d.edge = edge; d.receipt = message.receipt; d.slot = -1; d.callId = -1; d.orphaned = false;
    return d;
  }

  /** The slot of `d` is free again. */
  private release(d: Delivery): void {
    this.inService.delete(d, this.ctx.now());
  }

  /** After a delivery is settled: start buffered ones, and poll again for a pull consumer. */
  private next(d: Delivery): void {
    this.pump();
    if (this.pulls) this.polling.poll(d.edge);
  }

  /** Whether `m` asks for a reply (it carries a Return Address, A4) that this consumer gives. */
  private wantsReply(m: Message): boolean { return m.replyTo !== '' && this.repliesEnabled; }

  private fromQueue(d: Delivery): boolean { return d.edge.role === 'subscribe'; }

  private fail(d: Delivery, lostAs: DropReason = 'lostAfterAutoAck'): void {
    this.unprocessed.failed(d);
    // The failure goes back to the caller at once as an error reply (A4 Return Address).
    if (this.wantsReply(d.message)) this.reply(d, true);
    this.unprocessed.settleFailed(d, lostAs);
  }

  /** Processed: forwarded on (unless a call already sent it on), replied to, then acked. */
  private succeed(d: Delivery, called = false): void {
    const m = d.message;
    this.processed++;
    if (m.corrupt) this.corruptProcessed++; // its checksum is not verified: processed as if sound
    this.ctx.audit?.processed(this.index, m);
    if (this.idempotent) this.seen.note(m.id, this.ctx.now());
    const replying = this.wantsReply(m);
    // The result goes on, unless a call sent it on already.
    if (!called) this.forward(m, this.wayOn(m, replying));
    if (replying) this.reply(d, false);
    if (d.orphaned) { this.ackOnClosedChannel(d); return; }
    const fromQueueManual = this.fromQueue(d) && this.manualAck;
    if (fromQueueManual && d.edge.fault !== null && settlementLostOnLink(d, 'ack', this, this.index, this.ctx)) return;
    const settled = fromQueueManual ? d.edge.source.deliverySource?.ack(m, d.edge, d.receipt) ?? ACK_SETTLED : ACK_SETTLED;
    if (settled !== ACK_SETTLED) { this.ackNotSettled(m, settled); return; }
    addHop(m, this.index, this.ctx, 'acked');
    // Acked at once (as ackArrived does after the ack travelled): the hot path, so written out here (a call to
    // a shared method cost 1–2 % more instructions per event in mm1-200, bench/cachegrind.sh).
    this.ctx.accounting.acked++;
    if (m.originAt >= this.ctx.warmupMs) {
      const ms = this.ctx.now() - m.originAt;
      this.latency.record(ms);
      if (this.ctx.sampling) { this.intervalLatency.record(ms); this.ctx.sampleLatency(ms); }
    }
    // Acked from a RabbitMQ queue, the message is gone for good: the queue forgot it at the ack, and what came of it (a
    // result, a reply) is a new message. Its object is reused (messagePool.ts). Not an SQS message: another consumer may
    // hold it still, received again after its visibility timeout (A2.1).
    if (this.fromQueue(d) && d.edge.source.deliverySource?.exclusiveDeliveries === true) this.ctx.messages.release(m);
  }

  /**
   * The ack of `m` settled nothing yet: an SQS delete too late for its receipt (A2.1: it will be received again), or an
   * ack on its way along a link with a delay (A1.4), which counts when it reaches the queue (ackArrived) if its channel
   * is still open. Off the hot path: an ack across a link without a delay settles at once.
   */
  private ackNotSettled(m: Message, settled: AckOutcome): void {
    if (settled === ACK_STALE) { this.duplicates++; return; }
    addHop(m, this.index, this.ctx, 'acked');
    this.acksOnTheWay++;
  }

  /**
   * A1.4: an ack this consumer sent at `sentAt` across a link with a delay reached its RabbitMQ queue on an open channel:
   * the message is acked now (only now: had the channel closed first, the queue would have requeued it, ackVoided), as
   * succeed counts one acked at once. Its end-to-end latency ends when the ack was sent, as one that arrives at once does;
   * its object is reused (the queue forgot it). A2.1: likewise an SQS DeleteMessage that arrived in time, whose message
   * is not reused (an earlier receive of it may be held still, as in succeed). A skipped duplicate's ack is counted by
   * Unprocessed.
   */
  private ackArrived(m: Message, edge: EdgeRuntime, sentAt: number): void {
    if (this.unprocessed.duplicateAckSettled(m, true)) return;
    this.acksOnTheWay--;
    this.ctx.accounting.acked++;
    if (m.originAt >= this.ctx.warmupMs) {
      const ms = sentAt - m.originAt;
      this.latency.record(ms);
      if (this.ctx.sampling) { this.intervalLatency.record(ms); this.ctx.sampleLatency(ms); }
    }
    if (edge.source.deliverySource?.exclusiveDeliveries === true) this.ctx.messages.release(m);
  }

  /**
   * A2.1: this consumer's DeleteMessage arrived after the visibility timeout of the receive it names: nothing deleted, so
   * the message is received again (it counts, as a delete stale at once does, among the duplicates).
   */
  private deleteTooLate(m: Message): void {
    if (this.unprocessed.duplicateAckSettled(m, false)) return;
    this.acksOnTheWay--;
    this.duplicates++;
    addHop(m, this.index, this.ctx, 'delete too late (visibility timeout over)');
  }

  /**
   * A1.4: the channel closed while this consumer's ack was on its way: the broker never got it and requeued the message,
   * which this consumer will be given again (at-least-once). The ack failed, as one sent on a closed channel does; the
   * message is the queue's again, not this consumer's to reuse.
   */
  private ackVoided(m: Message): void {
    if (this.unprocessed.duplicateAckSettled(m, false)) return;
    this.acksOnTheWay--;
    this.ackFailed++;
    addHop(m, this.index, this.ctx, 'ack lost (channel closed on its way)');
  }

  /**
   * A1.4: processed, but the channel it came on closed meanwhile (its queue's broker crashed or failed over): the
   * ack fails, and the queue has requeued its copy, which will be processed again (at-least-once). Nothing is
   * settled or counted acked; the message is no one's but this consumer's (the queue holds a copy: givingBack.ts),
   * so its object is reused when an acked one would be.
   */
  private ackOnClosedChannel(d: Delivery): void {
    this.ackFailed++;
    addHop(d.message, this.index, this.ctx, 'ack failed (channel closed)');
    if (d.edge.source.deliverySource?.exclusiveDeliveries === true) this.ctx.messages.release(d.message);
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
    this.forwarded++;
    this.intervalOut++;
    this.ctx.accounting.forwarded++;
    return this.ctx.messages.create(this.ctx.nextMessageId(), this.ctx.now(), {
      originAt: m.originAt, routingKey: m.routingKey, headers: m.headers, priority: m.priority,
      sizeBytes: m.sizeBytes, persistent: m.persistent, trail: m.trail?.copy() ?? null, publisher: this.id, replyTo,
      groupId: m.groupId, dedupId: m.dedupId === '' ? '' : `${m.dedupId}/${this.id}`,
    });
  }

  private reply(d: Delivery, error: boolean): void {
    this.replies++;
    this.responder.reply(d.message, d.edge, error);
  }

  // ---- synchronous calls (the caller's side: caller.ts) --------------------------------------------

  /** Sends the result on as a request with itself as the Return Address (A4), holding the slot till the reply. */
  private call(d: Delivery, out: EdgeRuntime): void { this.caller.make(d, this.result(d.message, this.id), out); }

  /** A reply to one of its calls: the call it answers in time ends, well or with an error (A4). */
  private callReplied(reply: Message): void {
    const d = this.caller.replied(reply, this.online);
    if (d) this.endCall(d, reply.headers.error === true);
  }

  private callTimedOut(d: Delivery): void { if (this.caller.timedOut(d)) this.endCall(d, true); }

  /** A failed call fails the message here: the usual failure path, and an error reply to its caller. */
  private endCall(d: Delivery, failed: boolean): void {
    this.release(d);
    if (failed) this.fail(d, 'callFailed');
    else this.succeed(d, true);
    this.next(d);
  }

  // ---- offline (giving back what it holds: givingBack.ts) --------------------------------------

  /** A1.4: its channel closes: what it holds is given back (requeued, or lost under auto-ack), its polls forgotten. */
  private goOffline(): void {
    if (!this.online) return;
    this.online = false;
    this.givingBack.giveBackAll();
    for (const edge of this.inputs) edge.source.deliverySource?.setOnline(edge, false);
    this.polling.clear();
  }

  /**
   * The queue's channel closed: hand back, unsettled, what this subscription delivered (manual ack); what is being
   * processed goes on being processed, and the queue gets a copy of it (A1.4, givingBack.ts).
   */
  private surrender(edge: EdgeRuntime): Message[] {
    const given = this.givingBack.surrender(edge);
    if (this.manualAck) this.pump();
    return given;
  }

  // ---- faults ---------------------------------------------------------------------------------

  /** A crashed consumer does nothing; like a closed channel, its unacked messages go back or are lost (A1.4). */
  crash(): void { this.crashed = true; this.goOffline(); }
  restart(): void { this.crashed = false; this.goOnline(); }
  setSlowdown(factor: number): void { this.slowdown = factor; }

  private goOnline(): void {
    // An offline window ending does not revive a crashed consumer, nor does a restart (or the end of another
    // window) bring back one whose offline window still runs.
    if (this.online || this.crashed || this.offlineWindows > 0) return;
    this.online = true;
    for (const edge of this.inputs) edge.source.deliverySource?.setOnline(edge, true);
    if (this.pulls) this.polling.pollAll();
  }

  // ---- figures (figures.ts) ------------------------------------------------------------------

  census(into: Census): void { this.figures.census(into); }
  /** Deliveries held (in service first), for the message inspector. */
  messages(limit: number): { message: Message; state: string }[] { return this.figures.messages(limit); }
  writeLive(out: Float64Array, o: number): void { this.figures.writeLive(out, o); }
  writeSample(out: Float64Array, o: number, intervalMs: number): void { this.figures.writeSample(out, o, intervalMs); }
  report(): NodeReport { return this.figures.report(this.kind); }
}
