import type { NodeReport } from '../api';
import type { NodeOf } from '../../schema';
import type { SimContext } from '../model/context';
import type { EdgeRuntime } from '../model/edge';
import { LIVE, SAMPLE, type NodeModel } from '../model/node';
import { samplerFor, type Sampler } from '../random/samplers';

/**
 * A cluster member hosting exchanges and queues. It has no edges: queues and exchanges name it in
 * their config. A crash takes down everything it hosts; replicated queues fail over (A1.13).
 */
export class BrokerModel implements NodeModel {
  readonly kind = 'broker';
  readonly outputs: EdgeRuntime[] = [];
  readonly inputs: EdgeRuntime[] = [];
  private readonly hosted: NodeModel[] = [];
  private readonly disk: Sampler;
  private diskFactor = 1;
  private up = true;
  private crashes = 0;
  private downSince = 0;
  private downTime = 0;

  constructor(readonly index: number, readonly id: string, readonly node: NodeOf<'broker'>, private readonly ctx: SimContext) {
    this.disk = samplerFor(node.config.diskWriteMs, ctx.random(id, 'disk'));
  }

  get isUp(): boolean { return this.up; }
  get replicationDelayMs(): number { return this.node.config.replicationDelayMs; }
  get electionDelayMs(): number { return this.node.config.electionDelayMs; }

  /** One disk write on this broker, ms (slowed by a slowDisk fault). */
  diskWriteMs(): number { return this.disk.draw() * this.diskFactor; }

  host(node: NodeModel): void { this.hosted.push(node); }

  start(): void { /* hosted nodes register themselves */ }
  receive(): void { /* a broker has no edges */ }
  handle(): void { /* no timed behaviour */ }
  census(): void { /* its queues count their own messages */ }

  crash(): void {
    if (!this.up) return;
    this.up = false;
    this.crashes++;
    this.downSince = this.ctx.now();
    for (const n of this.hosted) n.brokerDown?.(this.id);
  }

  restart(): void {
    if (this.up) return;
    this.up = true;
    this.downTime += this.ctx.now() - this.downSince;
    for (const n of this.hosted) n.brokerUp?.(this.id);
  }

  setDiskFactor(factor: number): void { this.diskFactor = factor; }

  writeLive(out: Float64Array, o: number): void {
    out[o + LIVE.offline] = this.up ? 0 : 1;
    out[o + LIVE.in] = this.hosted.length;
  }

  writeSample(out: Float64Array, o: number): void {
    out[o + SAMPLE.p50] = NaN; out[o + SAMPLE.p95] = NaN; out[o + SAMPLE.p99] = NaN;
  }

  report(): NodeReport {
    const down = this.downTime + (this.up ? 0 : this.ctx.now() - this.downSince);
    return { kind: this.kind, up: this.up ? 1 : 0, hosts: this.hosted.length, crashes: this.crashes, downMs: down };
  }
}
