/**
 * EIP Idempotent Receiver: the ids a consumer processed within its window, oldest first, and when. A
 * message seen again within the window is acked and skipped instead of being processed twice.
 */
export class RecentIds {
  /** Id → when it was last processed, in insertion order, which `note` keeps the order of time. */
  private readonly seen = new Map<number, number>();

  constructor(private readonly windowMs: number) {}

  /** Whether `id` was processed within the window before `now` (forgetting the ids older than that). */
  has(id: number, now: number): boolean {
    for (const [oldId, at] of this.seen) { if (at >= now - this.windowMs) break; this.seen.delete(oldId); }
    return this.seen.has(id);
  }

  /**
   * `id` was processed at `now`. An id processed again (two copies in service at once, each checked when it
   * started) moves to the end: a Map keeps a key's first place on `set`, and an entry out of time order would
   * stop `has` from forgetting the older ids behind it, so they would be skipped after their window (A4).
   */
  note(id: number, now: number): void {
    this.seen.delete(id);
    this.seen.set(id, now);
  }
}
