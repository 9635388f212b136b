import type { EdgeRuntime } from '../../model/edge';
import { Fifo } from '../../model/fifo';
import type { Message } from '../../model/message';

/** A held publish and the edge it came along. */
interface Held { message: Message; edge: EdgeRuntime }

/**
 * Publishes a replicated quorum queue holds while it has no leader (an election, or no majority alive: A1.13).
 *
 * RabbitMQ does not refuse them. The channel's quorum-queue client (RMQ-SRC rabbitmq-server
 * deps/rabbit/src/rabbit_fifo_client.erl) keeps every enqueue it sent as pending until the leader applies it; on a
 * leader change ({machine, leader_change}, {rejected, {not_leader, ...}}, or its timer finding a new leader) it
 * calls resend_all_pending, which sends them again in order to the new leader; while no leader can be found its
 * timer only tries again (handle_ra_event(..., timeout, ...): "still no leader, set the timer again"). The confirm
 * comes when the leader applies the enqueue, once a majority holds it (A1.6, A1.13). So a publish during an
 * election is held and confirmed late, and without a majority it stays pending, unconfirmed, until a leader is
 * elected again (for ever, if the majority never comes back).
 *
 * Not modelled: channel flow control (the client blocks its channel after 32 pending commands, SOFT_LIMIT), and
 * the rejection of a channel's very first publish to the queue (its enqueuer registration) when no member answers.
 *
 * The queue owns one of these: it holds what arrives while it has no leader and receives it all, in arrival order,
 * as if arriving then, when a leader is elected. Held messages are in flight for the accounting (the queue's census).
 */
export class HeldPublishes {
  private readonly held = new Fifo<Held>();

  /** How many are held now. */
  get size(): number { return this.held.length; }

  hold(message: Message, edge: EdgeRuntime): void { this.held.push({ message, edge }); }

  /**
   * Hands the held messages to `receive`, oldest first, while `available` says the queue can take them (a leader
   * leads); those it cannot take yet stay held, in order.
   */
  release(available: () => boolean, receive: (m: Message, edge: EdgeRuntime) => void): void {
    while (this.held.length > 0 && available()) {
      const { message, edge } = this.held.shift()!;
      receive(message, edge);
    }
  }

  /** The held messages, oldest first (for the message inspector). */
  toArray(): Message[] {
    const messages: Message[] = [];
    this.held.forEach((h) => messages.push(h.message));
    return messages;
  }
}
