import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import type { Fifo } from '../../model/fifo';
import type { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import { EV_POLL } from './events';
import type { InService } from './inService';

type Config = NodeOf<'consumer'>['config'];

/**
 * A pull consumer's polls (basic.get, SQS ReceiveMessage): at most one outstanding per subscription,
 * for as many messages as it has free slots, again at once after a full poll and after the poll
 * interval after an empty one. It reads the consumer's buffer, slots and online flag, never changes them.
 */
export class Polling {
  /** The subscriptions (by edge index) with a poll outstanding. */
  private readonly polling = new Set<number>();
  private readonly inputByIndex: EdgeRuntime[] = [];

  constructor(
    private readonly index: number,
    private readonly config: Config,
    private readonly inputs: readonly EdgeRuntime[],
    private readonly subscriber: { readonly online: boolean },
    private readonly buffer: Fifo<Delivery>,
    private readonly inService: InService,
    private readonly n: ConsumerCounters,
    private readonly ctx: SimContext,
  ) {}

  /** Indexes the inputs (filled in by now) and, for a pull consumer, schedules the first polls. */
  start(): void {
    for (const edge of this.inputs) this.inputByIndex[edge.index] = edge;
    // The first polls are events at t=0: every queue must have started before it is polled.
    if (this.config.delivery === 'pull') for (const edge of this.inputs) if (edge.role === 'subscribe') this.ctx.schedule(0, this.index, EV_POLL, null, edge.index);
  }

  /** The EV_POLL event along input `edgeIndex`. */
  pollInput(edgeIndex: number): void { this.poll(this.inputByIndex[edgeIndex]!); }

  pollAll(): void {
    for (const edge of this.inputs) if (edge.role === 'subscribe') this.poll(edge);
  }

  /** Polls along `edge` when online, no poll is outstanding there, and a slot is free. */
  poll(edge: EdgeRuntime): void {
    const free = this.config.concurrency - (this.buffer.length + this.inService.size);
    if (!this.subscriber.online || free <= 0 || this.polling.has(edge.index) || !edge.source.deliverySource) return;
    // A poll cannot cross a partitioned link: try again after the poll interval.
    if (edge.fault?.partitioned) { this.ctx.schedule(this.config.pollIntervalMs, this.index, EV_POLL, null, edge.index); return; }
    this.polling.add(edge.index);
    this.n.polls++;
    edge.source.deliverySource.poll(edge, Math.min(this.config.batchSize, free), this.config.waitTimeMs);
  }

  returned(edge: EdgeRuntime, count: number): void {
    this.polling.delete(edge.index);
    if (count > 0) { this.poll(edge); return; }
    this.n.emptyPolls++;
    if (this.subscriber.online) this.ctx.schedule(this.config.pollIntervalMs, this.index, EV_POLL, null, edge.index);
  }

  /** Gone offline: it forgets its outstanding polls. */
  clear(): void { this.polling.clear(); }
}
