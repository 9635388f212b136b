import type { MessageView } from '../../engine/api';

export interface PatternRow { name: string; value: string; testId: string; title: string }

/**
 * The request-reply, FIFO and integrity properties a message carries, as rows; only those it has, so a
 * plain message shows none. Names as the brokers and EIP name them (A4 Return Address and Correlation
 * Identifier, AMQP reply_to / correlation_id; A2.3 MessageGroupId / MessageDeduplicationId).
 */
export function patternRows(m: MessageView): PatternRow[] {
  const rows: PatternRow[] = [];
  if (m.publisher) rows.push({ name: 'published by', value: m.publisher, testId: 'message-publisher', title: 'The client that published it: its user for permissions' });
  if (m.replyTo) rows.push({ name: 'reply to', value: m.replyTo, testId: 'message-reply-to', title: 'EIP Return Address (AMQP reply_to): where its replies go' });
  if (m.correlationId !== undefined && m.correlationId >= 0) {
    rows.push({ name: 'correlation id', value: `#${m.correlationId}`, testId: 'message-correlation-id', title: 'EIP Correlation Identifier (AMQP correlation_id): the request this replies to' });
  }
  if (m.groupId) rows.push({ name: 'group id', value: m.groupId, testId: 'message-group-id', title: 'SQS FIFO MessageGroupId (A2.3)' });
  if (m.dedupId) rows.push({ name: 'deduplication id', value: m.dedupId, testId: 'message-dedup-id', title: 'SQS FIFO MessageDeduplicationId (A2.3)' });
  if (m.corrupt) rows.push({ name: 'corrupt', value: 'yes: damaged on a link, its checksum no longer matches', testId: 'message-corrupt', title: 'A corrupt link fault damaged it' });
  return rows;
}
