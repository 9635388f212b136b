import type { NodeReport } from '../api';
import type { NodeOf } from '../../schema';
import type { SimContext } from '../model/context';
import type { EdgeRuntime } from '../model/edge';
import { type Message } from '../model/message';
import { enterRouting, visited } from '../model/routingPass';
import { addHop } from '../model/trail';
import { IntervalRates } from '../model/intervalRates';
import { LIVE, type NodeModel } from '../model/node';
import { compileFilterPolicy, type MessageAttributes } from '../routing/filterPolicy';

/**
 * EIP Message Filter (semantics.md A4): a router with one output; messages whose headers the policy
 * (SNS filter-policy syntax, A2.5) refuses are discarded, not dead-lettered, or go to an Invalid
 * Message Channel when one is connected. The policy is data, never evaluated as code.
 */
export class FilterModel implements NodeModel {
  readonly kind = 'filter';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly accepts: (attributes: MessageAttributes) => boolean;
  private pass: EdgeRuntime | undefined;
  private invalid: EdgeRuntime | undefined;
  private received = 0;
  private passed = 0;
  private refused = 0;
  private toInvalid = 0;
  private readonly rates = new IntervalRates();

  constructor(readonly index: number, readonly id: string, node: NodeOf<'filter'>, private readonly ctx: SimContext) {
    this.accepts = compileFilterPolicy(node.config.policy);
  }

  start(): void {
    this.pass = this.outputs.find((e) => !e.invalidChannel);
    this.invalid = this.outputs.find((e) => e.invalidChannel);
  }

  receive(m: Message, edge: EdgeRuntime): void {
    // A1.6: a publisher's own publish to a node that is down gets no nack (its connection fails); one sent on by
    // another node is lost as before (SimContext.loseWithoutConfirm).
    if (this.down) { this.ctx.loseWithoutConfirm(m, edge, 'nodeDown', this.index); return; }
    this.received++;
    this.rates.in++;
    // A1.1.6 (routingPass.ts): a way back to an exchange, router or filter the message came through in this pass adds nothing.
    const pass = this.pass && !visited(m, this.pass) ? this.pass : undefined;
    const invalid = this.invalid && !visited(m, this.invalid) ? this.invalid : undefined;
    enterRouting(m, this.index);
    if (this.accepts(m.headers)) {
      addHop(m, this.index, this.ctx, 'passed filter');
      this.passed++;
      this.rates.out++;
      if (pass) this.ctx.send(pass, m);
      else this.discard(m, 'unroutable');
      return;
    }
    this.refused++;
    addHop(m, this.index, this.ctx, 'refused by filter');
    if (invalid) { this.toInvalid++; this.ctx.send(invalid, m); return; }
    this.discard(m, 'filtered');
  }

  private discard(m: Message, reason: 'filtered' | 'unroutable'): void {
    m.confirm?.settle(true);
    m.confirm = null;
    this.ctx.accounting.drop(reason, this.index);
  }

  handle(): void { /* no timed behaviour */ }

  private down = false;
  crash(): void { this.down = true; }
  restart(): void { this.down = false; }
  census(): void { /* holds nothing */ }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.offline] = this.down ? 1 : 0;
    out[o + LIVE.in] = this.received;
    out[o + LIVE.out] = this.passed;
    out[o + LIVE.dropped] = this.refused - this.toInvalid;
    out[o + LIVE.nacked] = this.toInvalid;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void { this.rates.write(out, o, intervalMs); }

  report(): NodeReport {
    return { kind: this.kind, in: this.received, out: this.passed, refused: this.refused, toInvalid: this.toInvalid, dropped: this.refused - this.toInvalid };
  }
}
