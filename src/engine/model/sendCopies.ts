import type { SimContext } from './context';
import type { ConfirmTracker } from './confirm';
import type { EdgeRuntime } from './edge';
import { copyMessage, type Message } from './message';

/**
 * Sends one message to several destinations, a copy each (RabbitMQ A1.1.5; EIP Recipient List): counts
 * the extra copies, widens the publisher's confirm to the destinations that hold or pass on the message (A1.6),
 * and copies before sending anything, because a zero-delay send runs the receiver at once and it stamps the message it was given.
 */
export function sendCopies(ctx: SimContext, targets: readonly EdgeRuntime[], m: Message): void {
  ctx.accounting.routedCopies += targets.length - 1;
  const copies: Message[] = [];
  for (let i = 1; i < targets.length; i++) copies.push(copyMessage(m));
  if (m.confirm !== null) widenConfirm(m.confirm, targets, m, copies);
  ctx.send(targets[0]!, m);
  for (let i = 1; i < targets.length; i++) ctx.send(targets[i]!, copies[i - 1]!);
}

/**
 * A1.6: the broker confirms a publish once every queue it was routed to has it, and one routed to no queue at
 * once. A client the exchange reaches directly (a push subscription, an aggregator) is no queue: nothing there
 * holds the message for the broker and nothing there would confirm it, so its copy does not hold the confirm up.
 * Queues, and the broker entities that pass a message on (exchanges, filters, routers), settle their share.
 */
function widenConfirm(confirm: ConfirmTracker, targets: readonly EdgeRuntime[], m: Message, copies: Message[]): void {
  let held = 0;
  for (let i = 0; i < targets.length; i++) {
    if (holdsForBroker(targets[i]!)) held++;
    else (i === 0 ? m : copies[i - 1]!).confirm = null;
  }
  if (held === 0) confirm.settle(true);
  else confirm.fanOut(held);
}

function holdsForBroker(edge: EdgeRuntime): boolean {
  const kind = edge.target.kind;
  return kind === 'queue' || kind === 'exchange' || kind === 'filter' || kind === 'router';
}
