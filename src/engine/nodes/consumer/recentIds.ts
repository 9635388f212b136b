/**
 * EIP Idempotent Receiver: the ids a consumer processed within its window, oldest first, and when. A
 * message seen again within the window is acked and skipped instead of being processed twice.
 */
export class RecentIds {
  private readonly seen = new Map<number, number>();

  constructor(private readonly windowMs: number) {}

  /** Whether `id` was processed within the window before `now` (forgetting the ids older than that). */
  has(id: number, now: number): boolean {
    for (const [oldId, at] of this.seen) { if (at >= now - this.windowMs) break; this.seen.delete(oldId); }
    return this.seen.has(id);
  }

  /** `id` was processed at `now`. */
  note(id: number, now: number): void { this.seen.set(id, now); }
}
