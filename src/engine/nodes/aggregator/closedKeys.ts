/**
 * Correlation ids of completed groups, remembered for `windowMs` so that a reply arriving after its
 * group completed is recognised as late rather than opening a new group (Camel's
 * closeCorrelationKeyOnCompletion, with a bound; A4: "the completion condition must cope with replies
 * that never come", and with the ones that come too late). Keys complete in time order, so the oldest
 * are at the head and forgetting is a walk from the front.
 */
export class ClosedKeys {
  private readonly keys = new Set<number>();
  private readonly order: { key: number; at: number }[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  close(key: number, now: number): void {
    this.forget(now);
    this.keys.add(key);
    this.order.push({ key, at: now });
  }

  has(key: number, now: number): boolean {
    this.forget(now);
    return this.keys.has(key);
  }

  clear(): void {
    this.keys.clear();
    this.order.length = 0;
    this.head = 0;
  }

  get size(): number { return this.keys.size; }

  private forget(now: number): void {
    while (this.head < this.order.length && now - this.order[this.head]!.at > this.windowMs) {
      this.keys.delete(this.order[this.head]!.key);
      this.head++;
    }
    // Compact now and then so the array does not grow with the run.
    if (this.head > 1024 && this.head * 2 > this.order.length) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }
}
