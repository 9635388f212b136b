import type { Message } from '../../model/message';
import type { ReadyStore } from './readyStore';
import type { Subscription } from './subscription';

/*
 * What a queue keeps through an outage (a crash, or the loss of its leader broker: the faults issue).
 * The leader's channels close: consumers give up what they hold unacked (it comes back, A1.4), then
 * only the messages that survive are still there; the rest are lost. The queue decides what survives
 * (durable and persistent after a crash; replicated after a failover, A1.13) and owns the ready store
 * these fill; the steps live here to keep its file about the flow of messages.
 */

/**
 * One channel closes (an outage, or the consumer timeout, A1.4): its consumer gives up what it holds unacked from it,
 * which the queue takes back; `released` is how many the subscription had unacked (none any more).
 */
export function closeChannel(sub: Subscription): { returned: Message[]; released: number } {
  const returned = sub.subscriber.surrender(sub.edge);
  const released = sub.unacked;
  sub.unacked = 0;
  return { returned, released };
}

/**
 * Puts into `store` (new and empty), in queue order, the messages of `all` that `survives` keeps, and
 * hands the rest to `lose`. Those the consumers gave back (`returned`) are redelivered, unless `giveBack`
 * took them elsewhere (false: a quorum queue's delivery-limit dead-lettered it, A1.10).
 */
export function keepSurvivors(
  store: ReadyStore, all: Message[], returned: readonly Message[],
  survives: (m: Message) => boolean, lose: (m: Message) => void, giveBack: (m: Message) => boolean,
): void {
  const givenBack = new Set(returned); // a Set: an outage of a long queue with many unacked stays linear
  for (const m of all.sort((a, b) => a.queueSeq - b.queueSeq)) {
    if (!survives(m)) { lose(m); continue; }
    if (givenBack.has(m)) {
      m.redelivered = true;
      if (!giveBack(m)) continue;
    }
    store.push(m);
  }
}
