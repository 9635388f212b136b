import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import { oneWayDelayMs, type EdgeRuntime } from '../../model/edge';
import type { Fifo } from '../../model/fifo';
import type { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import { EV_POLL, EV_POLL_ANSWERED, EV_POLL_ARRIVES } from './events';
import type { InService } from './inService';

type Config = NodeOf<'consumer'>['config'];

/** A poll request or answer on its way across a link; void once the consumer's connection closed (its generation). */
export interface PollInTransit { edge: EdgeRuntime; count: number; generation: number }

/**
 * A pull consumer's polls (basic.get, SQS ReceiveMessage): at most one outstanding per subscription,
 * for as many messages as it has free slots, again at once after a full poll and after the poll
 * interval after an empty one. It reads the consumer's buffer, slots and online flag, never changes them.
 *
 * A poll is a request and a response (AMQP basic.get / get-ok, an SQS API call): on a link with a delay both
 * cross it, so a far consumer pays the round trip per poll, and it polls again only once the answer is back,
 * by when the messages it got have arrived (they travel the same link). The request and the answer each take
 * oneWayDelayMs (the link's delay plus a fault's added latency), as a publisher's confirm does.
 */
export class Polling {
  /** The subscriptions (by edge index) with a poll outstanding. */
  private readonly polling = new Set<number>();
  private readonly inputByIndex: EdgeRuntime[] = [];
  /** Bumped when the consumer goes offline: requests and answers still on their way are void. */
  private generation = 0;

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
    const max = Math.min(this.config.batchSize, free);
    const delay = oneWayDelayMs(edge);
    if (delay === 0) { edge.source.deliverySource.poll(edge, max, this.config.waitTimeMs); return; }
    const request: PollInTransit = { edge, count: max, generation: this.generation };
    this.ctx.schedule(delay, this.index, EV_POLL_ARRIVES, request, 0);
  }

  /** EV_POLL_ARRIVES: the request reached the queue (unless the consumer's connection closed meanwhile). */
  requestArrived(request: PollInTransit): void {
    if (request.generation !== this.generation) return;
    request.edge.source.deliverySource?.poll(request.edge, request.count, this.config.waitTimeMs);
  }

  /** The queue answered `count` messages (they are on their way along the same link). */
  returned(edge: EdgeRuntime, count: number): void {
    const delay = oneWayDelayMs(edge);
    if (delay === 0) { this.answered(edge, count); return; }
    const answer: PollInTransit = { edge, count, generation: this.generation };
    this.ctx.schedule(delay, this.index, EV_POLL_ANSWERED, answer, 0);
  }

  /** EV_POLL_ANSWERED: the answer is back. */
  answerArrived(answer: PollInTransit): void {
    if (answer.generation === this.generation) this.answered(answer.edge, answer.count);
  }

  private answered(edge: EdgeRuntime, count: number): void {
    this.polling.delete(edge.index);
    if (count > 0) { this.poll(edge); return; }
    this.n.emptyPolls++;
    if (this.subscriber.online) this.ctx.schedule(this.config.pollIntervalMs, this.index, EV_POLL, null, edge.index);
  }

  /** Gone offline: it forgets its outstanding polls, and those still crossing the link are void. */
  clear(): void { this.polling.clear(); this.generation++; }
}

