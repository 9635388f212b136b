import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import { IntervalLatency } from '../../metrics/intervalLatency';
import { round3, type LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { newMessage, type Message } from '../../model/message';
import { addHop, startTrail } from '../../model/trail';
import { LIVE, SAMPLE, type NodeModel, type Subscriber } from '../../model/node';
import { samplerFor, type Sampler } from '../../random/samplers';
import { routingKeyPicker } from '../producer/routingKeys';
import { Correlation, type PendingRequest } from './correlation';
import { requestArrivals, type RequestArrivals } from './requestArrivals';
import { RequesterCounters } from './requesterCounters';

/** sync: the next request is due (arg: generation); async: the next arrival (arg: its ordinal). */
const EV_SEND = 1;
const EV_TIMEOUT = 2;
/** Settled request ids are remembered this many timeouts, then a reply to one counts as unmatched. */
const KEEP_SETTLED_TIMEOUTS = 10;
/** …and at least this long (ms), so a reply held up in a backlog still counts as late, not unmatched. */
const KEEP_SETTLED_MIN_MS = 60_000;
/** A reply queue delivers to the requester without limit: it settles each reply on receipt (auto-ack). */
const REPLY_PREFETCH = 65535;

type Config = NodeOf<'requester'>['config'];

/**
 * EIP Request-Reply with a Return Address and a Correlation Identifier (semantics.md A4). Requests go
 * along its one output (publish to a broker entity, or push straight to a service: a direct call);
 * replies come on a reply edge, from a reply queue it subscribes to, or back along its push edge.
 * sync: one request outstanding at a time; async: requests by an arrival process, at most maxOutstanding.
 */
export class RequesterModel implements NodeModel {
  readonly kind = 'requester';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  readonly subscriber: Subscriber & { online: boolean };
  private readonly config: Config;
  private readonly n = new RequesterCounters();
  private readonly correlation: Correlation;
  private readonly rtt: LatencyHistogram;
  /** Round trips of the replies that came in the current sample interval: rttMs per interval, plus late replies. */
  readonly intervalLatency = new IntervalLatency();
  private readonly arrivals: RequestArrivals;
  private readonly think: Sampler;
  private readonly size: Sampler;
  private readonly pickKey: () => string;
  private readonly limit: number;
  private arrived = 0;
  private crashed = false;
  /** Bumped by a crash so a sync requester's timers from before it do nothing. */
  private generation = 0;

  constructor(readonly index: number, readonly id: string, node: NodeOf<'requester'>, private readonly ctx: SimContext) {
    const c = node.config;
    this.config = c;
    this.limit = c.count ?? Infinity;
    this.correlation = new Correlation(Math.max(c.timeoutMs * KEEP_SETTLED_TIMEOUTS, KEEP_SETTLED_MIN_MS));
    this.rtt = ctx.endToEnd.create();
    this.arrivals = requestArrivals(c.arrival, c.startAtMs, ctx.scenario.workload.rateMultiplier, ctx.random(id, 'arrival'));
    this.think = samplerFor(c.thinkTimeMs, ctx.random(id, 'think'));
    this.size = samplerFor(c.sizeBytes, ctx.random(id, 'size'));
    this.pickKey = routingKeyPicker(c.routingKeys, ctx.random(id, 'routingKey'));
    this.subscriber = {
      ackMode: 'auto', prefetch: REPLY_PREFETCH, delivery: 'push', online: true,
      pollReturned: () => { /* it never polls */ },
      surrender: () => [], // auto-ack: nothing it holds is the queue's any more
      oldestUnackedAt: () => Infinity,
      ackArrived: () => { /* auto-ack: it sends no ack */ },
      ackVoided: () => { /* auto-ack: it sends no ack */ },
      deleteTooLate: () => { /* auto-ack: it sends no delete */ },
    };
  }

  start(): void {
    if (this.limit <= 0) return;
    // sync mode ignores `arrival`: it sends when the previous request settles.
    if (this.config.mode === 'sync') { this.ctx.schedule(this.config.startAtMs, this.index, EV_SEND, null, this.generation); return; }
    this.scheduleArrival(this.arrivals.next(this.config.startAtMs, 0));
  }

  private scheduleArrival(at: number): void {
    if (Number.isFinite(at)) this.ctx.schedule(Math.max(0, at - this.ctx.now()), this.index, EV_SEND, null, this.arrived);
  }

  handle(type: number, payload: unknown, arg: number): void {
    if (type === EV_TIMEOUT) this.timedOut(payload as PendingRequest);
    else if (type === EV_SEND && this.config.mode === 'sync') { if (arg === this.generation && !this.crashed) this.sendRequest(-1); }
    else if (type === EV_SEND) this.arrival();
  }

  /** async: a request falls due; it is sent now, or waits for a free place under maxOutstanding. */
  private arrival(): void {
    const k = this.arrived++;
    const now = this.ctx.now();
    if (!this.crashed) { // a crashed requester's application is down: nothing is created while it is
      if (this.correlation.size < (this.config.maxOutstanding ?? Infinity)) this.sendRequest(k);
      else this.n.waiting++;
    }
    if (this.arrived < this.limit) this.scheduleArrival(this.arrivals.next(now, this.arrived));
  }

  /** Sends a request; `k` is the ordinal of the arrival it is (its scripted fields), -1 for sync mode. */
  private sendRequest(k: number): void {
    const edge = this.outputs.find((e) => e.role === 'publish' || e.role === 'push');
    const now = this.ctx.now();
    const message = this.makeRequest(now, k);
    this.n.sent++;
    this.n.intervalOut++;
    this.ctx.accounting.published++;
    // A1.1.7: a request with nowhere to go is dropped, and no reply is awaited.
    if (!edge) { this.ctx.accounting.drop('unroutable', this.index, message.id); return; }
    const request = this.correlation.open(message.id, now);
    this.ctx.schedule(this.config.timeoutMs, this.index, EV_TIMEOUT, request, 0);
    this.ctx.send(edge, message);
  }

  /** A4 Return Address and Correlation Identifier: replyTo names where replies go; they carry our id. */
  private makeRequest(now: number, k: number): Message {
    const c = this.config;
    const scripted = this.arrivals.scripted(k);
    return newMessage(this.ctx.nextMessageId(), now, {
      routingKey: scripted?.routingKey ?? this.pickKey(),
      headers: scripted?.headers ?? c.headers, priority: scripted?.priority ?? -1,
      sizeBytes: scripted?.sizeBytes ?? Math.round(this.size.draw()),
      poison: scripted?.poison ?? false, persistent: scripted?.persistent ?? c.persistent,
      trail: this.ctx.tracing ? startTrail(this.index, this.ctx, 'request sent') : null,
      publisher: this.id, replyTo: c.replyTo ?? this.id,
    });
  }

  // ---- replies --------------------------------------------------------------------------------

  /** Whatever comes to a requester answers one of its requests (A4 Return Address): none is a delivery owed to it. */
  takesAsReply(): boolean { return true; }

  receive(message: Message, _edge: EdgeRuntime): void {
    const now = this.ctx.now();
    addHop(message, this.index, this.ctx, 'reply received');
    // A crashed requester has no connection: a reply sent to it now is lost.
    if (this.crashed) { this.ctx.lose(message, 'nodeDown', this.index); return; }
    this.n.replies++;
    this.n.intervalIn++;
    // A client checks a reply's integrity before it reads the correlation id: a damaged reply is discarded
    // unmatched (reason corrupt), so its request waits on and times out unless a sound reply comes.
    if (message.corrupt) { this.n.corruptReplies++; this.ctx.accounting.drop('corrupt', this.index, message.id); return; }
    const match = this.correlation.match(message.correlationId, now);
    if (match.kind === 'late') {
      this.n.late++;
      // The sampled round trip counts a late reply too (rttMs does not): once the timeout cuts the answered
      // round trips short, how long replies really take to come back is what shows a slow-down upstream (A4).
      if (message.originAt >= this.ctx.warmupMs) this.intervalLatency.record(now - message.originAt);
      this.ctx.accounting.drop('lateReply', this.index, message.id);
      return;
    }
    if (match.kind === 'unmatched') { this.n.unmatched++; this.ctx.accounting.drop('unmatchedReply', this.index, message.id); return; }
    const request = match.request;
    request.replies++;
    if (message.headers.error === true) this.n.errors++;
    this.ctx.accounting.acked++;
    // The round trip runs from the request's publish; it is also the reply chain's end-to-end latency.
    if (message.originAt >= this.ctx.warmupMs) {
      const ms = now - request.sentAt;
      this.rtt.record(ms);
      this.intervalLatency.record(ms);
      this.ctx.sampleLatency(ms);
    }
    if (request.replies >= this.config.expectedReplies) { this.n.answered++; this.settle(request); }
  }

  private timedOut(request: PendingRequest): void {
    if (request.settled) return;
    this.n.timeouts++;
    this.settle(request);
  }

  /** A request answered or timed out frees its place: the next request may go. */
  private settle(request: PendingRequest): void {
    this.n.repliesOfSettled += request.replies;
    this.correlation.settle(request, this.ctx.now());
    if (this.crashed) return;
    if (this.config.mode === 'sync') {
      if (this.n.sent < this.limit) this.ctx.schedule(this.think.draw(), this.index, EV_SEND, null, this.generation);
      return;
    }
    // The waiting requests are the latest arrivals, in order: the oldest of them goes now.
    if (this.n.waiting > 0) { const k = this.arrived - this.n.waiting; this.n.waiting--; this.sendRequest(k); }
  }

  // ---- faults ---------------------------------------------------------------------------------

  /** A crashed requester sends nothing and forgets what it awaited; replies reaching it are lost (nodeDown). */
  crash(): void {
    if (this.crashed) return;
    this.crashed = true;
    this.generation++;
    // The application's own queue of due requests dies with it: counted, so every arrival is accounted for.
    this.n.unsent += this.n.waiting;
    this.n.waiting = 0;
    this.n.abandoned += this.correlation.abandonAll(this.ctx.now());
    this.setOnline(false);
  }

  /** Back up: a sync requester starts a new request at once; an async one with its next arrival. */
  restart(): void {
    if (!this.crashed) return;
    this.crashed = false;
    this.setOnline(true);
    if (this.config.mode === 'sync' && this.n.sent < this.limit) this.ctx.schedule(0, this.index, EV_SEND, null, this.generation);
  }

  /** Its reply queues stop (or resume) delivering: replies wait there while it is down. */
  private setOnline(online: boolean): void {
    this.subscriber.online = online;
    for (const edge of this.inputs) if (edge.role === 'subscribe') edge.source.deliverySource?.setOnline(edge, online);
  }

  // ---- figures --------------------------------------------------------------------------------

  census(_into: Census): void { /* it holds no messages: a pending request is a memory of one, not a copy */ }

  writeLive(out: Float64Array, o: number): void {
    const n = this.n;
    out[o + LIVE.in] = n.replies; out[o + LIVE.out] = n.sent; out[o + LIVE.acked] = n.answered;
    out[o + LIVE.dropped] = n.timeouts; out[o + LIVE.nacked] = n.late + n.unmatched;
    out[o + LIVE.unacked] = this.correlation.size; out[o + LIVE.offline] = this.crashed ? 1 : 0;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.n.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.n.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.unacked] = this.correlation.size;
    this.intervalLatency.write(out, o);
    this.n.intervalIn = 0; this.n.intervalOut = 0;
  }

  report(): NodeReport {
    const n = this.n;
    const settled = n.answered + n.timeouts;
    return {
      kind: this.kind, mode: this.config.mode, sent: n.sent, answered: n.answered, errors: n.errors,
      timeouts: n.timeouts, abandoned: n.abandoned, late: n.late, unmatched: n.unmatched, corruptReplies: n.corruptReplies, pending: this.correlation.size, waiting: n.waiting, unsent: n.unsent,
      replies: n.replies, repliesPerRequest: settled === 0 ? 0 : round3(n.repliesOfSettled / settled),
      rttMs: this.rtt.summary(), down: this.crashed ? 1 : 0,
    };
  }
}
