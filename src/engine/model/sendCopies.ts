import type { SimContext } from './context';
import type { EdgeRuntime } from './edge';
import { copyMessage, type Message } from './message';

/**
 * Sends one message to several destinations, a copy each (RabbitMQ A1.1.5; EIP Recipient List): counts
 * the extra copies, widens the publisher's confirm to all of them (A1.6), and copies before sending
 * anything, because a zero-delay send runs the receiver at once and it stamps the message it was given.
 */
export function sendCopies(ctx: SimContext, targets: readonly EdgeRuntime[], m: Message): void {
  ctx.accounting.routedCopies += targets.length - 1;
  m.confirm?.fanOut(targets.length);
  const copies: Message[] = [];
  for (let i = 1; i < targets.length; i++) copies.push(copyMessage(m));
  ctx.send(targets[0]!, m);
  for (let i = 1; i < targets.length; i++) ctx.send(targets[i]!, copies[i - 1]!);
}
