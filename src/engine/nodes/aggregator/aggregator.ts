import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { IntervalRates } from '../../model/intervalRates';
import { newMessage, type Message } from '../../model/message';
import { addHop, addHopNote, startTrail } from '../../model/trail';
import { LIVE, SAMPLE, type NodeModel } from '../../model/node';
import { sendCopies } from '../../model/sendCopies';
import { IntervalLatency } from '../../metrics/intervalLatency';
import { round3 } from '../../metrics/latencyHistogram';
import { ClosedKeys } from './closedKeys';
import { completesOnArrival, Group, type CompletedBy } from './group';

const EV_INACTIVITY = 1;
/** How long completed correlation ids are remembered (to tell late replies), at least, in ms. */
const MIN_CLOSED_WINDOW_MS = 60_000;

type Config = NodeOf<'aggregator'>['config'];

/**
 * EIP Aggregator (semantics.md A4): a stateful filter that correlates replies by their Correlation
 * Identifier, completes each group on the first of completionSize, a good-enough score, or
 * completionTimeout (an inactivity timeout per correlation id, as in Camel), and publishes one aggregate.
 *
 * Accounting: each reply taken is consumed here (acked); the aggregate is a new message (forwarded).
 * An open group therefore holds no messages, only state. A crash loses that state, as Camel's default
 * in-memory aggregation repository does: the replies of open groups stay acked (they were consumed) and
 * are counted in `lostReplies`, the groups in `lostGroups`; they never complete.
 */
export class AggregatorModel implements NodeModel {
  readonly kind = 'aggregator';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly config: Config;
  private readonly groups = new Map<number, Group>();
  private readonly closed: ClosedKeys;
  private down = false;
  private readonly rates = new IntervalRates();
  /**
   * Per sample interval, how long the groups completed in it gathered: first reply → completion. That is
   * the aggregator's own part of a Scatter-Gather's latency (A4): waiting for the last bidder, or for the
   * completion timeout when a reply never comes. (A request's end to end shows at the requester behind it.)
   */
  readonly intervalLatency = new IntervalLatency();
  private readonly n = {
    taken: 0, sent: 0, bySize: 0, byTimeout: 0, byGoodEnough: 0, late: 0, unmatched: 0,
    nodeDown: 0, sizeTotal: 0, lostGroups: 0, lostReplies: 0,
  };

  constructor(readonly index: number, readonly id: string, node: NodeOf<'aggregator'>, private readonly ctx: SimContext) {
    this.config = node.config;
    this.closed = new ClosedKeys(Math.max(MIN_CLOSED_WINDOW_MS, 10 * (node.config.completionTimeoutMs ?? 0)));
  }

  start(): void { /* no first events: groups open as replies come */ }

  receive(m: Message): void {
    const now = this.ctx.now();
    if (this.down) { this.n.nodeDown++; this.ctx.lose(m, 'nodeDown', this.index); return; }
    // A4 Correlation Identifier: a reply that names no request goes to the Invalid Message Channel.
    if (m.correlationId < 0) {
      this.n.unmatched++;
      addHop(m, this.index, this.ctx, 'no correlation id: discarded');
      this.ctx.lose(m, 'unmatchedReply', this.index);
      return;
    }
    if (this.closed.has(m.correlationId, now)) {
      this.n.late++;
      if (m.trail !== null) addHopNote(m, this.index, this.ctx, `late for ${m.correlationId}: discarded`);
      this.ctx.lose(m, 'lateReply', this.index);
      return;
    }
    this.take(m, now);
  }

  /** Consumes one reply into its group and completes the group when the reply makes it complete. */
  private take(m: Message, now: number): void {
    this.n.taken++;
    this.rates.in++;
    m.confirm?.settle(true);
    m.confirm = null;
    this.ctx.accounting.acked++;
    let g = this.groups.get(m.correlationId);
    if (!g) {
      g = new Group(m.correlationId, m, now);
      this.groups.set(g.key, g);
      const t = this.config.completionTimeoutMs;
      if (t !== null) this.ctx.schedule(t, this.index, EV_INACTIVITY, g, 0);
    }
    const score = g.add(m, now);
    if (m.trail !== null) addHopNote(m, this.index, this.ctx, `aggregated into ${g.key} (${g.count})`); // text built only when traced
    const by = completesOnArrival(g, score, this.config);
    if (by) this.complete(g, by);
  }

  /**
   * Camel's completionTimeout is an inactivity timeout, reset by each reply of the key (A4). One timer
   * per group: when it fires early (a reply came since), it is set again for the rest of the quiet time.
   */
  handle(type: number, payload: unknown): void {
    if (type !== EV_INACTIVITY) return;
    const g = payload as Group;
    if (this.groups.get(g.key) !== g) return; // completed already, or lost in a crash
    const t = this.config.completionTimeoutMs!;
    const rest = g.lastAt + t - this.ctx.now();
    if (rest > 1e-9) { this.ctx.schedule(rest, this.index, EV_INACTIVITY, g, 0); return; }
    this.complete(g, 'timeout');
  }

  /**
   * Publishes one aggregate for the group (A4: correlationId and CamelAggregatedCompletedBy/Size) along
   * each output, a copy each: its reply edge to a requester and its publish edge on, when it has both.
   */
  private complete(g: Group, by: CompletedBy): void {
    const now = this.ctx.now();
    this.groups.delete(g.key);
    this.closed.close(g.key, now);
    if (by === 'size') this.n.bySize++;
    else if (by === 'timeout') this.n.byTimeout++;
    else this.n.byGoodEnough++;
    this.n.sizeTotal += g.count;
    if (g.originAt >= this.ctx.warmupMs) this.intervalLatency.record(now - g.firstAt);
    if (this.outputs.length === 0) return;
    const value = g.value(this.config.strategy);
    const headers: Record<string, string | number> = { completedBy: by, aggregatedSize: g.count };
    if (value !== null) headers['score'] = value;
    const aggregate = newMessage(this.ctx.nextMessageId(), now, {
      originAt: g.originAt, routingKey: g.routingKey, headers, priority: -1, sizeBytes: g.sizeBytes(this.config.strategy),
      trail: this.ctx.tracing ? startTrail(this.index, this.ctx, null) : null, publisher: this.id, correlationId: g.key,
    });
    if (aggregate.trail !== null) addHop(aggregate, this.index, this.ctx, `aggregate of ${g.count}, completed by ${by}`);
    this.n.sent++;
    this.rates.out++;
    this.ctx.accounting.forwarded++;
    sendCopies(this.ctx, this.outputs, aggregate);
  }

  crash(): void {
    this.down = true;
    for (const g of this.groups.values()) { this.n.lostGroups++; this.n.lostReplies += g.count; }
    this.groups.clear();
    this.closed.clear();
  }

  restart(): void { this.down = false; }

  census(): void { /* open groups are state; their replies were consumed (acked) on arrival */ }

  private get completed(): number { return this.n.bySize + this.n.byTimeout + this.n.byGoodEnough; }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.offline] = this.down ? 1 : 0;
    out[o + LIVE.in] = this.n.taken;
    out[o + LIVE.out] = this.n.sent;
    out[o + LIVE.ready] = this.groups.size;
    out[o + LIVE.dropped] = this.n.late;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    this.rates.write(out, o, intervalMs);
    this.intervalLatency.write(out, o);
    out[o + SAMPLE.ready] = this.groups.size;
  }

  report(): NodeReport {
    const n = this.n;
    return {
      kind: this.kind, in: n.taken, out: n.sent, open: this.groups.size,
      completedBySize: n.bySize, completedByTimeout: n.byTimeout, completedByGoodEnough: n.byGoodEnough,
      late: n.late, meanSize: this.completed === 0 ? 0 : round3(n.sizeTotal / this.completed),
      unmatched: n.unmatched, droppedWhileDown: n.nodeDown, lostGroups: n.lostGroups, lostReplies: n.lostReplies,
      strategy: this.config.strategy,
    };
  }
}
