import type { NodeReport } from '../api';
import type { NodeOf } from '../../schema';
import type { SimContext } from '../model/context';
import type { EdgeRuntime } from '../model/edge';
import { copyMessage, type Message } from '../model/message';
import { LIVE, SAMPLE, type NodeModel } from '../model/node';
import { BindingTable } from '../routing/bindings';

/** Routes each message to the queues whose bindings match (RabbitMQ A1.1, A1.2). Holds nothing. */
export class ExchangeModel implements NodeModel {
  readonly kind = 'exchange';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private bindings!: BindingTable;
  private received = 0;
  private routed = 0;
  private unroutable = 0;
  private intervalIn = 0;
  private intervalOut = 0;

  constructor(readonly index: number, readonly id: string, private readonly node: NodeOf<'exchange'>, private readonly ctx: SimContext) {}

  start(): void {
    this.bindings = new BindingTable(this.node.config.type, this.outputs);
  }

  receive(message: Message): void {
    this.received++;
    this.intervalIn++;
    const targets = this.bindings.route(message.routingKey);
    if (targets.length === 0) {
      // A1.1.7: unroutable with mandatory=false and no alternate exchange: dropped.
      this.unroutable++;
      this.ctx.accounting.drop('unroutable');
      return;
    }
    this.routed += targets.length;
    this.intervalOut += targets.length;
    this.ctx.accounting.routedCopies += targets.length - 1;
    // Copy before sending: a zero-delay send runs the queue (and maybe a consumer) at once, which
    // stamps the message it was given.
    const copies: Message[] = [];
    for (let i = 1; i < targets.length; i++) copies.push(copyMessage(message));
    this.ctx.send(targets[0]!, message);
    for (let i = 1; i < targets.length; i++) this.ctx.send(targets[i]!, copies[i - 1]!);
  }

  handle(): void { /* no timed behaviour */ }
  census(): void { /* holds nothing */ }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.in] = this.received;
    out[o + LIVE.out] = this.routed;
    out[o + LIVE.dropped] = this.unroutable;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
    this.intervalIn = 0; this.intervalOut = 0;
  }

  report(): NodeReport {
    return { kind: this.kind, type: this.node.config.type, in: this.received, out: this.routed, dropped: this.unroutable, droppedByReason: { unroutable: this.unroutable } };
  }
}
