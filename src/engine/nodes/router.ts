import type { NodeReport } from '../api';
import type { NodeOf } from '../../schema';
import type { SimContext } from '../model/context';
import type { EdgeRuntime } from '../model/edge';
import { type Message } from '../model/message';
import { addHop } from '../model/trail';
import { enterRouting, notYetVisited } from '../model/routingPass';
import { sendCopies } from '../model/sendCopies';
import { IntervalRates } from '../model/intervalRates';
import { LIVE, type NodeModel } from '../model/node';
import { compileFilterPolicy, type MessageAttributes } from '../routing/filterPolicy';

interface Rule { accepts: (attributes: MessageAttributes) => boolean; to: string[] }

/**
 * EIP Content-Based Router (mode `first`: the first matching rule decides) and Recipient List (mode
 * `all`: every matching rule adds its targets), semantics.md A4: compute the list, then send a copy to each.
 */
export class RouterModel implements NodeModel {
  readonly kind = 'router';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly rules: Rule[];
  private readonly edgeTo = new Map<string, EdgeRuntime>();
  private received = 0;
  private sent = 0;
  private unroutable = 0;
  private readonly rates = new IntervalRates();

  constructor(readonly index: number, readonly id: string, private readonly node: NodeOf<'router'>, private readonly ctx: SimContext) {
    this.rules = node.config.rules.map((r) => ({ accepts: compileFilterPolicy(r.when), to: r.to }));
  }

  start(): void {
    for (const e of this.outputs) if (!this.edgeTo.has(e.target.id)) this.edgeTo.set(e.target.id, e);
  }

  private recipients(m: Message): EdgeRuntime[] {
    const ids = new Set<string>();
    for (const rule of this.rules) {
      if (!rule.accepts(m.headers)) continue;
      for (const id of rule.to) ids.add(id);
      if (this.node.config.mode === 'first') break;
    }
    if (ids.size === 0) for (const id of this.node.config.otherwise) ids.add(id);
    return [...ids].flatMap((id) => this.edgeTo.get(id) ?? []);
  }

  receive(m: Message, edge: EdgeRuntime): void {
    // A1.6: a publisher's own publish to a node that is down gets no nack (its connection fails); one sent on by
    // another node is lost as before (SimContext.loseWithoutConfirm).
    if (this.down) { this.ctx.loseWithoutConfirm(m, edge, 'nodeDown', this.index); return; }
    this.received++;
    this.rates.in++;
    // A1.1.6 (routingPass.ts), as at an exchange: a rule sending back to where the message came through in this pass adds nothing.
    const targets = notYetVisited(m, this.recipients(m));
    enterRouting(m, this.index);
    // The hop's text is built only for a traced message: a list of targets per message is not free.
    if (m.trail !== null) addHop(m, this.index, this.ctx, targets.length > 0 ? `routed to ${targets.map((t) => t.target.id).join(', ')}` : 'no rule matched');
    if (targets.length === 0) {
      m.confirm?.settle(true);
      m.confirm = null;
      this.unroutable++;
      this.ctx.accounting.drop('unroutable', this.index);
      return;
    }
    this.sent += targets.length;
    this.rates.out += targets.length;
    sendCopies(this.ctx, targets, m);
  }

  handle(): void { /* no timed behaviour */ }

  private down = false;
  crash(): void { this.down = true; }
  restart(): void { this.down = false; }
  census(): void { /* holds nothing */ }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.offline] = this.down ? 1 : 0;
    out[o + LIVE.in] = this.received;
    out[o + LIVE.out] = this.sent;
    out[o + LIVE.dropped] = this.unroutable;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void { this.rates.write(out, o, intervalMs); }

  report(): NodeReport {
    return { kind: this.kind, mode: this.node.config.mode, in: this.received, out: this.sent, dropped: this.unroutable };
  }
}
