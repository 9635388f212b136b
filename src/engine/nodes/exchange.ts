import type { NodeReport } from '../api';
import type { NodeOf } from '../../schema';
import type { SimContext } from '../model/context';
import type { EdgeRuntime } from '../model/edge';
import { type Message } from '../model/message';
import { addHop } from '../model/trail';
import { enterPass, enterRouting, notYetVisited, shareOf } from '../model/routingPass';
import { sendCopies } from '../model/sendCopies';
import { IntervalRates } from '../model/intervalRates';
import { LIVE, type NodeModel } from '../model/node';
import { BindingTable, uniqueTargets } from '../routing/bindings';
import { isExchangeBinding, planPass, type PassExchange } from '../routing/exchangePass';
import { BrokerModel } from './broker';
import { Permission } from './queue/permissions';

/** Alternate exchanges pointing at each other could pass a message round for ever. */
const MAX_EXCHANGE_HOPS = 16;

/**
 * Routes each message to the queues (and push subscribers) whose bindings match (RabbitMQ A1.1–A1.3),
 * filtered by subscription filter policies (SNS A2.5). Holds nothing.
 */
export class ExchangeModel implements NodeModel, PassExchange {
  readonly kind = 'exchange';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private bindings!: BindingTable;
  private alternate: EdgeRuntime | undefined;
  /** Has exchange-to-exchange bindings (A1.1.6): only then may a message need a pass over several exchanges. */
  private bindsExchanges = false;
  private received = 0;
  private routed = 0;
  private unroutable = 0;
  private filtered = 0;
  private returned = 0;
  private toAlternate = 0;
  /** Publishes refused for want of write permission. */
  private refused = 0;
  private readonly publish: Permission;
  private readonly rates = new IntervalRates();
  private down = false;

  constructor(readonly index: number, readonly id: string, private readonly node: NodeOf<'exchange'>, private readonly ctx: SimContext) {
    this.publish = new Permission(node.config.permissions?.publish);
  }

  start(): void {
    const broker = this.node.config.broker === undefined ? undefined : this.ctx.nodeById(this.node.config.broker);
    if (broker instanceof BrokerModel) broker.host(this);
    this.bindings = new BindingTable(this.node.config.type, this.outputs.filter((e) => e.role === 'bind' || e.role === 'push'));
    this.alternate = this.outputs.find((e) => e.role === 'alternate');
    this.bindsExchanges = this.outputs.some(isExchangeBinding);
  }

  get alternateEdge(): EdgeRuntime | undefined { return this.alternate; }
  get routing(): boolean { return !this.down; }
  ownMatches(m: Message): EdgeRuntime[] { return uniqueTargets(this.bindings.route(m).targets); }

  receive(message: Message, edge: EdgeRuntime): void {
    if (this.down) { this.ctx.loseWithoutConfirm(message, edge, 'nodeDown', this.index); return; } // A1.6: a publisher's own publish is not nacked
    // A client's publish needs write permission on the exchange: RabbitMQ answers 403 ACCESS_REFUSED and
    // closes the channel, so the publish is lost. No basic.nack comes (A1.6 nacks only on an internal queue error or
    // reject-publish): the client fails the publish as its channel closes (not in semantics.md). Alternate-exchange
    // and exchange-to-exchange hops are internal.
    if (edge.role === 'publish' && !this.publish.allows(message.publisher || edge.source.id)) {
      this.refused++;
      this.ctx.loseWithoutConfirm(message, edge, 'accessRefused', this.index);
      return;
    }
    this.received++;
    this.rates.in++;
    // A1.1.6: a copy reaching this exchange along a binding (or alternate) of a pass over e2e bindings was routed
    // already, with the pass: it goes on along this exchange's share of it (exchangePass.ts).
    const share = edge.role === 'publish' || message.routedVia === null ? undefined : shareOf(message, this.index);
    if (share !== undefined && share.length > 0) { addHop(message, this.index, this.ctx, 'routed'); this.forward(message, share); return; }
    message.exchange = this.id;
    addHop(message, this.index, this.ctx, 'routed');
    const { targets: matched, filtered } = this.bindings.route(message);
    // A1.1.6 (routingPass.ts): a binding back to an exchange, router or filter the message came through in this pass adds nothing.
    const targets = notYetVisited(message, uniqueTargets(matched));
    if (this.bindsExchanges && targets.some(isExchangeBinding)) { this.routePass(message, targets); return; }
    enterRouting(message, this.index);
    if (targets.length === 0) { this.unroutableMessage(message, filtered); return; }
    this.routed += targets.length;
    this.rates.out += targets.length;
    sendCopies(this.ctx, targets, message);
  }

  /**
   * A1.1.6: `targets` include other exchanges: one routing over the combined bindings of every exchange reached, each
   * visited once, each destination given one copy (exchangePass.ts). The publish is unroutable only when the whole
   * pass reaches no destination; its own bindings matched, so this exchange's alternate is not used (RMQ-SRC
   * rabbit_exchange `process_alternate`: only an exchange whose own bindings match nothing offers its alternate).
   */
  private routePass(m: Message, targets: readonly EdgeRuntime[]): void {
    const plan = planPass(this, targets, m, m.routedVia ?? [], exchangeOf);
    if (!plan.routable) { enterRouting(m, this.index); this.unroutableMessage(m, false, false); return; }
    enterPass(m, plan);
    this.forward(m, plan.shares.get(this.index)!);
  }

  /**
   * Sends a copy along each edge of this exchange's share of a pass. Counted as its own routing, so its figures and
   * the canvas's moving copies follow the message along the e2e bindings: `in` counts the copies that reached it,
   * `out` those it sent to a binding, `toAlternate` one sent to its alternate exchange in the pass.
   */
  private forward(m: Message, share: readonly EdgeRuntime[]): void {
    for (const e of share) if (e.role === 'alternate') this.toAlternate++; else this.routed++;
    this.rates.out += share.length;
    sendCopies(this.ctx, share, m);
  }

  /**
   * A1.1.7: an unroutable message goes to the alternate exchange if there is one; otherwise it is
   * returned to a publisher that set mandatory (basic.return, before the confirm, A1.6), or dropped.
   */
  private unroutableMessage(m: Message, filtered: boolean, toAlternate = true): void {
    if (toAlternate && this.alternate && m.exchangeHops < MAX_EXCHANGE_HOPS) {
      m.exchangeHops++;
      this.toAlternate++;
      this.ctx.send(this.alternate, m);
      return;
    }
    m.confirm?.settle(true); // A1.6: an unroutable message is confirmed once routing finds no queue
    m.confirm = null;
    if (m.mandatory) { this.returned++; this.ctx.accounting.drop('returned', this.index); return; }
    if (filtered) { this.filtered++; this.ctx.accounting.drop('filtered', this.index); return; }
    this.unroutable++;
    this.ctx.accounting.drop('unroutable', this.index);
  }

  handle(): void { /* no timed behaviour */ }

  crash(): void { this.down = true; }
  restart(): void { this.down = false; }
  brokerDown(): void { this.crash(); }
  brokerUp(): void { this.restart(); }
  census(): void { /* holds nothing */ }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.in] = this.received;
    out[o + LIVE.out] = this.routed + this.toAlternate;
    out[o + LIVE.dropped] = this.unroutable + this.filtered + this.returned + this.refused;
    out[o + LIVE.offline] = this.down ? 1 : 0;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void { this.rates.write(out, o, intervalMs); }

  report(): NodeReport {
    return {
      kind: this.kind, type: this.node.config.type, in: this.received, out: this.routed, toAlternate: this.toAlternate,
      dropped: this.unroutable + this.filtered + this.returned + this.refused, refused: this.refused,
      droppedByReason: { unroutable: this.unroutable, filtered: this.filtered, returned: this.returned, accessRefused: this.refused },
    };
  }
}

const exchangeOf = (node: NodeModel): PassExchange | null => (node instanceof ExchangeModel ? node : null);
