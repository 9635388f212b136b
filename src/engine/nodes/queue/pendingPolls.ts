import type { EdgeRuntime } from '../../model/edge';

/** A long poll waiting for a message (SQS ReceiveMessage with WaitTimeSeconds > 0, A2.1). */
export interface PendingPoll { edge: EdgeRuntime; max: number; token: number }

/** Waiting polls in arrival order; each has a token so that a stale wait timeout is ignored. */
export class PendingPolls {
  private readonly polls: PendingPoll[] = [];
  private tokens = 0;

  get length(): number { return this.polls.length; }

  add(edge: EdgeRuntime, max: number): PendingPoll {
    this.remove(edge);
    const poll = { edge, max, token: ++this.tokens };
    this.polls.push(poll);
    return poll;
  }

  /** The oldest waiting poll whose consumer is online. */
  next(): PendingPoll | undefined {
    if (this.polls.length === 0) return undefined; // push queues ask on every dispatch
    const i = this.polls.findIndex((p) => p.edge.target.subscriber?.online !== false);
    return i < 0 ? undefined : this.polls.splice(i, 1)[0];
  }

  /** Removes the poll of `edge` if `token` matches (or any poll of it when token is omitted). */
  remove(edge: EdgeRuntime, token?: number): PendingPoll | undefined {
    const i = this.polls.findIndex((p) => p.edge === edge && (token === undefined || p.token === token));
    return i < 0 ? undefined : this.polls.splice(i, 1)[0];
  }
}
