import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { DeadLetters } from './deadLettering';
import type { QueueCounters } from './queueCounters';
import type { QueueSteps } from './queueSteps';
import type { SettlementInFlight, SettlementsInFlight } from './settlementsInFlight';
import type { StoredIntegrity } from './storedIntegrity';

/**
 * A RabbitMQ queue's consumers' nacks, and the acks and nacks that travelled a link with a delay (settlementsInFlight.ts),
 * reaching the queue (semantics.md A1.4, A1.5). A1.4: what a settlement on its way settles stays unacked, the broker's,
 * until it arrives. An ack along a link without a delay is the queue's hot path and stays in queue.ts (QueueModel.ack);
 * it settles as ackArrived does here, and its consumer counts the message acked at once (ACK_SETTLED).
 */
export class Settlements {
  constructor(
    private readonly n: QueueCounters,
    /** The settlements on their way (the queue sends them: QueueModel.ack, nack). */
    readonly inFlight: SettlementsInFlight,
    private readonly deadLetters: DeadLetters,
    private readonly integrity: StoredIntegrity,
    private readonly steps: QueueSteps,
  ) {}

  /**
   * An ack or nack that travelled a link with a delay arrives. A1.4: one whose channel closed meanwhile is ignored: the
   * close requeued what it settles (SettlementsInFlight.close), as the broker does what a channel held unacked.
   */
  arrived(s: SettlementInFlight): void {
    if (!this.inFlight.arrived(s)) return;
    if (s.ack) this.ackArrived(s);
    else this.nackArrived(s.message, s.edge, s.requeue);
  }

  /**
   * An ack that travelled arrives on its open channel: it frees its prefetch slot (A1.5), and the message is acked now,
   * for the queue and for the run, which its consumer counts (Subscriber.ackArrived).
   */
  private ackArrived(s: SettlementInFlight): void {
    this.steps.settle(s.edge);
    this.n.acked++;
    s.edge.target.subscriber?.ackArrived(s.message, s.edge, s.sentAt);
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
