import type { PortRole, ScenarioNode } from '../../schema';

/**
 * Which ways a link's delay is crossed (semantics.md A1.5, A2.1): every edge carries its messages one way; a
 * subscription into a manual-ack consumer also carries each ack or nack back, and the queue frees the prefetch slot
 * only when it arrives; a pull consumer's poll goes to the queue and its answer comes back, and under manual ack its
 * acks (SQS: DeleteMessage, A2.1) go to the queue too ('pollAck'). Auto-ack: one way.
 */
export type DelayWays = 'one' | 'ack' | 'poll' | 'pollAck';

export function delayWays(role: PortRole | null, target: ScenarioNode | undefined): DelayWays {
  if (role !== 'subscribe' || target?.kind !== 'consumer') return 'one';
  if (target.config.delivery === 'pull') return target.config.ackMode === 'auto' ? 'poll' : 'pollAck';
  return target.config.ackMode === 'auto' ? 'one' : 'ack';
}

/** The mark on the label's delay pill of a link crossed both ways. */
export const BOTH_WAYS_MARK = '⇄';

/**
 * The edge label's delay pill: "+20 ms", or "⇄20 ms" crossed both ways, the mark in the plus's place: as wide, so a
 * label on a short subscription (queue to consumer) keeps its place, clear of the nodes. Its tooltip says the rest.
 */
export function delayText(ms: number, ways: DelayWays): string {
  return `${ways === 'one' ? '+' : BOTH_WAYS_MARK}${ms} ms`;
}

/** The delay pill's tooltip: what the delay costs on this edge. */
export function delayTitle(ms: number, ways: DelayWays): string {
  if (ways === 'ack') return `${ms} ms network delay each way: deliveries out, acks back (a prefetch slot is held for the round trip)`;
  if (ways === 'poll') return `${ms} ms network delay each way: polls out, their messages back (a round trip per poll)`;
  if (ways === 'pollAck') return `${ms} ms network delay each way: polls and acks (SQS: deletes) out, messages back (a round trip per poll)`;
  return `${ms} ms network delay, one way`;
}
