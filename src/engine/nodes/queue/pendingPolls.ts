import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import { EV_POLL_TIMEOUT } from './queueEvents';
import type { QueueCounters } from './queueCounters';

/** A long poll waiting for a message (SQS ReceiveMessage with WaitTimeSeconds > 0, A2.1). */
export interface PendingPoll { edge: EdgeRuntime; max: number; token: number }

/**
 * A queue's pull side: the long polls waiting for a message, in arrival order, and the answers to polls.
 * Each wait has a token and a timer, so that a stale wait timeout is ignored; an answer with nothing
 * counts as an empty poll.
 */
export class PendingPolls {
  private readonly polls: PendingPoll[] = [];
  private tokens = 0;

  constructor(private readonly index: number, private readonly ctx: SimContext, private readonly n: QueueCounters) {}

  get length(): number { return this.polls.length; }

  /** A2.1: long polling waits until a message arrives or the wait (`waitMs`) ends. */
  wait(edge: EdgeRuntime, max: number, waitMs: number): void {
    const pending = this.add(edge, max);
    this.ctx.schedule(waitMs, this.index, EV_POLL_TIMEOUT, pending, pending.token);
  }

  add(edge: EdgeRuntime, max: number): PendingPoll {
    this.remove(edge);
    const poll = { edge, max, token: ++this.tokens };
    this.polls.push(poll);
    return poll;
  }

  /**
   * A poll next() took that got nothing after all (A2.1: a long poll returns empty only when its wait
   * ends): it waits on as the oldest, under the same token, so its own timer still ends it.
   */
  putBack(poll: PendingPoll): void { this.polls.unshift(poll); }

  /** The oldest waiting poll whose consumer is online. */
  next(): PendingPoll | undefined {
    if (this.polls.length === 0) return undefined; // no poll waiting: the usual case
    const i = this.polls.findIndex((p) => p.edge.target.subscriber?.online !== false);
    return i < 0 ? undefined : this.polls.splice(i, 1)[0];
  }

  /** A poll along `edge` is answered with `given` messages (0: an empty poll). */
  answer(edge: EdgeRuntime, given: number): void {
    if (given === 0) this.n.emptyPolls++;
    edge.target.subscriber?.pollReturned(edge, given);
  }

  /** The wait of `poll` (with `token`) ended: unless it was answered meanwhile, it returns empty. */
  timedOut(poll: PendingPoll, token: number): void {
    if (!this.remove(poll.edge, token)) return;
    this.answer(poll.edge, 0);
  }

  /** An outage: every waiting poll whose consumer is online is answered with nothing (not counted as empty). */
  endAll(): void {
    for (let p = this.next(); p; p = this.next()) p.edge.target.subscriber?.pollReturned(p.edge, 0);
  }

  /** Removes the poll of `edge` if `token` matches (or any poll of it when token is omitted). */
  remove(edge: EdgeRuntime, token?: number): PendingPoll | undefined {
    const i = this.polls.findIndex((p) => p.edge === edge && (token === undefined || p.token === token));
    return i < 0 ? undefined : this.polls.splice(i, 1)[0];
  }
}
