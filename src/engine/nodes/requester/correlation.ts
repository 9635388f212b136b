/** One request awaiting its replies (EIP Correlation Identifier, A4: the requestor's pending map). */
export interface PendingRequest {
  readonly id: number;
  readonly sentAt: number;
  /** Replies matched to it so far. */
  replies: number;
  /** Answered or timed out: later replies are late. */
  settled: boolean;
}

/** What a reply's correlation id says about it. */
export type ReplyMatch =
  | { kind: 'matched'; request: PendingRequest }
  | { kind: 'late' } // its request was answered or timed out already
  | { kind: 'unmatched' }; // no request of ours has this id: the Invalid Message Channel (A4)

/**
 * The requester's memory of requests by id (A4 Correlation Identifier: correlation id = request id).
 * Pending requests are kept until settled; settled ids only for `keepSettledMs`, so a reply arriving
 * that much later is taken for unmatched and memory stays bounded by the request rate.
 */
export class Correlation {
  private readonly pending = new Map<number, PendingRequest>();
  /** Settled request ids and when, oldest first (time never goes back, so insertion order is time order). */
  private readonly settledAt = new Map<number, number>();

  constructor(private readonly keepSettledMs: number) {}

  get size(): number { return this.pending.size; }

  open(id: number, now: number): PendingRequest {
    const request: PendingRequest = { id, sentAt: now, replies: 0, settled: false };
    this.pending.set(id, request);
    return request;
  }

  match(correlationId: number, now: number): ReplyMatch {
    const request = this.pending.get(correlationId);
    if (request) return { kind: 'matched', request };
    this.prune(now);
    return this.settledAt.has(correlationId) ? { kind: 'late' } : { kind: 'unmatched' };
  }

  /** The request got its replies or timed out: it leaves the pending map; its id is remembered a while. */
  settle(request: PendingRequest, now: number): void {
    request.settled = true;
    this.pending.delete(request.id);
    this.settledAt.set(request.id, now);
    this.prune(now);
  }

  /** Forgets every pending request (the requester crashed): their replies will be late. Returns how many. */
  abandonAll(now: number): number {
    const count = this.pending.size;
    for (const request of [...this.pending.values()]) this.settle(request, now);
    return count;
  }

  private prune(now: number): void {
    for (const [id, at] of this.settledAt) {
      if (at >= now - this.keepSettledMs) break;
      this.settledAt.delete(id);
    }
  }
}
