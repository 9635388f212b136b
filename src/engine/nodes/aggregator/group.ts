import type { Message } from '../../model/message';

/** Why a group completed: Camel's CamelAggregatedCompletedBy values for the completions we model (A4). */
export type CompletedBy = 'size' | 'timeout' | 'goodEnough';

/** The aggregation algorithm (EIP Aggregator, A4): select the best, condense by a sum, or collect. */
export type Strategy = 'best' | 'sum' | 'collect';

/**
 * The replies gathered so far for one correlation id. Only what the aggregation algorithms need is kept
 * (the replies themselves were consumed on arrival): a group is state, not messages.
 */
export class Group {
  count = 0;
  /** Replies that carried a numeric `score` header. */
  scored = 0;
  best = -Infinity;
  sum = 0;
  /** Largest reply, for the size of a best/sum aggregate; `bytes` is the total, for a collection. */
  largest = 0;
  bytes = 0;
  firstAt: number;
  lastAt: number;
  /** When the chain began (the request's origin): the aggregate keeps it, so latency runs end to end. */
  originAt: number;
  routingKey: string;

  constructor(readonly key: number, first: Message, now: number) {
    this.firstAt = now;
    this.lastAt = now;
    this.originAt = first.originAt;
    this.routingKey = first.routingKey;
  }

  /** Adds one reply; returns its score, or null when it carried none. */
  add(m: Message, now: number): number | null {
    this.count++;
    this.lastAt = now;
    if (m.originAt < this.originAt) this.originAt = m.originAt;
    if (m.sizeBytes > this.largest) this.largest = m.sizeBytes;
    this.bytes += m.sizeBytes;
    const score = m.headers['score'];
    if (typeof score !== 'number' || !Number.isFinite(score)) return null;
    this.scored++;
    this.sum += score;
    if (score > this.best) this.best = score;
    return score;
  }

  /**
   * The aggregate's value by strategy: the best score, the sum of scores, or (collect) how many replies
   * the collection holds. null when best/sum found no score to work with.
   */
  value(strategy: Strategy): number | null {
    if (strategy === 'collect') return this.count;
    if (this.scored === 0) return null;
    return strategy === 'best' ? this.best : this.sum;
  }

  sizeBytes(strategy: Strategy): number { return strategy === 'collect' ? this.bytes : this.largest; }
}

export interface Completion {
  completionSize: number | null;
  goodEnoughScore: number | null;
}

/**
 * Whether the reply just added completes the group, checked on arrival. The good-enough score is a
 * completion predicate (First Best / Time Out with Override, A4) and Camel tests its completionPredicate
 * before completionSize, so a reply that satisfies both completes the group as `goodEnough`. The
 * inactivity timeout is the third completion, fired by a timer (see the aggregator); the first that
 * triggers wins (Camel, A4).
 */
export function completesOnArrival(g: Group, score: number | null, c: Completion): CompletedBy | null {
  if (c.goodEnoughScore !== null && score !== null && score >= c.goodEnoughScore) return 'goodEnough';
  if (c.completionSize !== null && g.count >= c.completionSize) return 'size';
  return null;
}
