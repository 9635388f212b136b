import type { NodeReport } from '../../api';
import type { NodeOf } from '../../../schema';
import type { Census } from '../../metrics/accounting';
import type { IntervalLatency } from '../../metrics/intervalLatency';
import { round3, type LatencyHistogram } from '../../metrics/latencyHistogram';
import type { SimContext } from '../../model/context';
import type { Fifo } from '../../model/fifo';
import type { Message } from '../../model/message';
import { LIVE, SAMPLE } from '../../model/node';
import type { ConsumerCounters } from './consumerCounters';
import type { Delivery } from './delivery';
import type { InService } from './inService';

type Config = NodeOf<'consumer'>['config'];

/**
 * What a consumer shows of itself: census, the inspector's list, live figures, samples and its report.
 * It reads the consumer's state (counters, buffer, slots, latency) and changes none but the counters
 * of the sample interval, which a sample starts anew.
 */
export class ConsumerFigures {
  constructor(
    private readonly config: Config,
    private readonly subscriber: { readonly online: boolean },
    private readonly buffer: Fifo<Delivery>,
    private readonly inService: InService,
    private readonly latency: LatencyHistogram,
    private readonly intervalLatency: IntervalLatency,
    private readonly n: ConsumerCounters,
    private readonly ctx: SimContext,
  ) {}

  /** Deliveries held, in service or buffered (orphans too: being processed, though their channel closed, A1.4). */
  private get held(): number { return this.buffer.length + this.inService.size; }

  census(into: Census): void {
    // An SQS queue counts its own messages until they are deleted or moved, even while a consumer
    // processes them (a receipt > 0 marks an SQS receive); everything else held here is in flight.
    // An orphan (its channel closed mid-processing, A1.4) is not counted: its queue requeued a copy, the accounted one.
    this.inService.forEach((d) => { if (d.receipt === 0 && !d.orphaned) into.inFlight++; });
    this.buffer.forEach((d) => { if (d.receipt === 0) into.inFlight++; });
  }

  /** Deliveries held (in service first), for the message inspector. */
  messages(limit: number): { message: Message; state: string }[] {
    const out: { message: Message; state: string }[] = [];
    this.inService.forEach((d) => { out.push({ message: d.message, state: d.orphaned ? 'being processed (channel closed: its ack will fail)' : 'being processed' }); });
    this.buffer.forEach((d) => { out.push({ message: d.message, state: 'buffered (prefetched)' }); });
    return out.slice(0, limit);
  }

  /**
   * What it processed and its queue took the ack of: not an ack that found its channel closed (A1.4, ackFailed), nor an
   * SQS delete too late for its receipt (A2.1, duplicates), nor an ack lost on a partitioned link (acksLost), nor one still
   * on its way to the queue (acksOnTheWay: the queue takes it when it arrives, if the channel is still open). Under
   * auto-ack, everything processed.
   */
  private get acked(): number { return this.n.processed - this.n.ackFailed - this.n.duplicates - this.n.acksLost - this.n.acksOnTheWay; }

  writeLive(out: Float64Array, o: number): void {
    const n = this.n;
    out[o + LIVE.in] = n.received; out[o + LIVE.out] = n.forwarded; out[o + LIVE.acked] = this.acked;
    out[o + LIVE.nacked] = n.nacks; out[o + LIVE.dropped] = n.lost; out[o + LIVE.failed] = n.failed + n.corruptRejected;
    out[o + LIVE.unacked] = this.held; out[o + LIVE.busy] = this.inService.size; out[o + LIVE.capacity] = this.config.concurrency;
    out[o + LIVE.offline] = this.subscriber.online ? 0 : 1;
  }

  writeSample(out: Float64Array, o: number, intervalMs: number): void {
    out[o + SAMPLE.inPerSec] = (this.n.intervalIn * 1000) / intervalMs;
    out[o + SAMPLE.outPerSec] = (this.n.intervalOut * 1000) / intervalMs;
    out[o + SAMPLE.busy] = this.inService.size;
    out[o + SAMPLE.unacked] = this.held;
    this.intervalLatency.write(out, o);
    this.n.intervalIn = 0; this.n.intervalOut = 0;
  }

  report(kind: string): NodeReport {
    const n = this.n;
    return {
      kind, ackMode: this.config.ackMode, delivery: this.config.delivery, in: n.received, acked: this.acked,
      failed: n.failed, nacked: n.nacks, dropped: n.lost, duplicates: n.duplicates, ackFailed: n.ackFailed, settlementsLost: n.settlementsLost, out: n.forwarded,
      busy: this.inService.size, buffered: this.buffer.length, concurrency: this.config.concurrency,
      polls: n.polls, emptyPolls: n.emptyPolls, online: this.subscriber.online ? 1 : 0,
      replies: n.replies, calls: n.calls, callReplies: n.callReplies, callTimeouts: n.callTimeouts, callErrors: n.callErrors,
      corruptRejected: n.corruptRejected, corruptProcessed: n.corruptProcessed,
      utilisation: round3(this.inService.utilisation(this.ctx.now())),
      latencyMs: this.latency.summary(),
    };
  }
}
