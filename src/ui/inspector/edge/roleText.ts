import { isExchangeToExchangeBinding, type PortRole } from '../../../schema';

/** What an edge of each role means, in one sentence. */
export const ROLE_TEXT: Record<PortRole, string> = {
  publish: 'Publish: the client sends its messages here.',
  bind: 'Binding: the exchange routes matching messages to this queue.',
  subscribe: 'Subscription: the queue delivers messages to this consumer.',
  push: 'Push subscription: the exchange delivers straight to the consumer, with no queue; an offline subscriber misses the message.',
  deadLetter: 'Dead-letter: rejected, expired, over-limit or over-delivered messages go here (RabbitMQ DLX); from SQS, messages received too often (redrive).',
  alternate: 'Alternate exchange: messages no binding matches go here instead of being dropped.',
  reply: 'Reply: replies to requests that name this node as their Return Address travel here (EIP Return Address, Correlation Identifier, A4).',
};

const CALL_TEXT = 'Direct call: each request goes straight to this consumer, no queue; the caller waits for the reply, which comes back along this edge (EIP Request-Reply, A4).';

const E2E_TEXT = 'Exchange-to-exchange binding: matching messages are routed on by this exchange too, in the same routing (one copy per queue, each exchange once; RabbitMQ A1.1.6).';

/**
 * The sentence for an edge: a push from a requester or a consumer into a consumer is a call, not a subscription; a
 * binding to an exchange is an exchange-to-exchange binding.
 */
export function roleText(role: PortRole, sourceKind: string | undefined, targetKind?: string): string {
  if (role === 'push' && (sourceKind === 'requester' || sourceKind === 'consumer')) return CALL_TEXT;
  if (isExchangeToExchangeBinding(role, targetKind)) return E2E_TEXT;
  return ROLE_TEXT[role];
}
