import type { EdgeRuntime } from '../../model/edge';

/**
 * What a queue knows of the links to its consumers that lose things (semantics.md A1.4: a delivery stays unacked until
 * acked or its channel closes). By edge index:
 * - deliveries, or the acks and nacks for them, lost on the link and not yet back: the broker still counts each unacked
 *   (its prefetch slot taken) until it comes back (LINK_RETURN_MS), also across a channel close;
 * - partition episodes: a partition that lasts LINK_RETURN_MS is a dead connection, which the broker closes (missed
 *   heartbeats), requeueing what the channel held; a partition that ended, or began again, meanwhile is another episode.
 */
/** The empty table every queue starts with; never written (replaced by a table of its own first). */
const NONE: number[] = [];

export class DeadLinks {
  // Sparse by edge index, and shared empty until a link loses something (see SettlementsInFlight.pending for why).
  private pending: number[] = NONE;
  private episodes: number[] = NONE;

  /** A manual-ack delivery along `edge`, or its settlement, was lost: unacked until it comes back. */
  lost(edge: EdgeRuntime): void { this.count(edge, 1); }

  /** One that was lost came back (SimContext: LINK_RETURN_MS after the loss). */
  returned(edge: EdgeRuntime): void { this.count(edge, -1); }

  private count(edge: EdgeRuntime, by: number): void {
    if (this.pending === NONE) this.pending = [];
    this.pending[edge.index] = this.pendingOn(edge) + by;
  }

  /** Lost along `edge` and not back yet: a channel close leaves these unacked until they come back. */
  pendingOn(edge: EdgeRuntime): number { return this.pending[edge.index] ?? 0; }

  /** A partition of `edge` began: the episode to check LINK_RETURN_MS later (stillDown). */
  partitioned(edge: EdgeRuntime): number { return this.nextEpisode(edge); }

  /** A partition of `edge` ended: a check scheduled before is void. */
  healed(edge: EdgeRuntime): void { this.nextEpisode(edge); }

  /** Whether `edge` has been partitioned without a break since the episode began. */
  stillDown(edge: EdgeRuntime, episode: number): boolean {
    return this.episodes[edge.index] === episode && edge.fault?.partitioned === true;
  }

  private nextEpisode(edge: EdgeRuntime): number {
    if (this.episodes === NONE) this.episodes = [];
    const next = (this.episodes[edge.index] ?? 0) + 1;
    this.episodes[edge.index] = next;
    return next;
  }
}
