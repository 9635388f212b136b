/**
 * A first-in first-out buffer with O(1) push and shift. Emptied, it starts again at slot 0, so a buffer
 * that is mostly empty reuses the same few slots (they stay in cache) instead of walking through memory.
 * A queue's ready list extends it with requeueing (readyList.ts).
 */
export class Fifo<T> {
  // items[head, tail) are the buffered items; slots outside that range are undefined.
  protected items: (T | undefined)[] = [];
  protected head = 0;
  protected tail = 0;

  get length(): number { return this.tail - this.head; }

  push(item: T): void { this.items[this.tail++] = item; }

  /** The item shift() would take, without taking it. */
  peek(): T | undefined { return this.head < this.tail ? this.items[this.head] : undefined; }

  forEach(visit: (item: T) => void): void {
    for (let i = this.head; i < this.tail; i++) visit(this.items[i] as T);
  }

  shift(): T | undefined {
    if (this.head >= this.tail) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.tail) this.head = this.tail = 0;
    else if (this.head > 1024 && this.head * 2 > this.tail) this.compact();
    return item;
  }

  /** Moves the buffered items down to slot 0. */
  private compact(): void {
    const n = this.tail - this.head;
    this.items.copyWithin(0, this.head, this.tail);
    this.items.fill(undefined, n, this.tail);
    this.head = 0;
    this.tail = n;
  }
}
