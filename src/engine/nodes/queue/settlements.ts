import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { Channels } from './channels';
import type { DeadLetters } from './deadLettering';
import type { QueueCounters } from './queueCounters';
import type { QueueSteps } from './queueSteps';
import type { SettlementInFlight, SettlementsInFlight } from './settlementsInFlight';
import type { StoredIntegrity } from './storedIntegrity';

/**
 * A RabbitMQ queue's consumers' nacks, and the acks and nacks that travelled a link with a delay (settlementsInFlight.ts),
 * reaching the queue (semantics.md A1.4, A1.5). An ack along a link without a delay is the queue's hot path and stays
 * in queue.ts (QueueModel.ack); it settles as ackArrived does here.
 */
export class Settlements {
  constructor(
    private readonly n: QueueCounters,
    /** The settlements on their way (the queue sends them: QueueModel.ack, nack). */
    readonly inFlight: SettlementsInFlight,
    private readonly channels: Channels,
    private readonly deadLetters: DeadLetters,
    private readonly integrity: StoredIntegrity,
    private readonly steps: QueueSteps,
  ) {}

  /**
   * An ack or nack that travelled a link with a delay arrives. Its channel closed meanwhile (the consumer timeout):
   * the ack finds no channel, and the nacked message was requeued by the close (A1.4), so it comes back as the close's
   * return, whatever the nack asked.
   */
  arrived(s: SettlementInFlight): void {
    if (!this.inFlight.arrived(s)) return; // an outage took it back meanwhile (Channels.closeAll)
    if (s.message === null) { this.ackArrived(s.edge, s.open); return; }
    if (s.open) this.nackArrived(s.message, s.edge, s.requeue);
    else this.channels.requeueFromClosedChannel([s.message]); // its slot went with the channel
  }

  /** An ack that travelled arrives: on a channel still open, it frees its prefetch slot (A1.5). */
  private ackArrived(edge: EdgeRuntime, open: boolean): void {
    if (open) this.steps.settle(edge);
    this.n.acked++;
    this.steps.dispatch();
  }

  /** A1.4 basic.nack / basic.reject reaches the queue: requeued, or dead-lettered (A1.9) or discarded. */
  nackArrived(m: Message, edge: EdgeRuntime, requeue: boolean): void {
    this.n.nacked++; // A1.4: only a consumer's basic.nack/reject; a closed channel's returns are requeuedOnChannelClose
    this.steps.settle(edge);
    if (requeue) { this.steps.returnToQueue(m); this.steps.dispatchAfterReturn(); return; }
    this.integrity.returned(m);
    this.deadLetters.send(m, 'rejected', false);
    this.steps.dispatch();
  }
}
