/**
 * A binary min-heap of items by a numeric key, in two parallel arrays (no object per entry). Entries are never
 * removed from the middle: users validate the top lazily and pop what is stale.
 */
export class KeyedHeap<T> {
  private readonly keys: number[] = [];
  private readonly items: T[] = [];

  get size(): number { return this.keys.length; }

  push(key: number, item: T): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.move(parent, i);
      i = parent;
    }
    this.keys[i] = key;
    this.items[i] = item;
  }

  /** The smallest key (Infinity when empty) and its item. */
  peekKey(): number { return this.keys.length === 0 ? Infinity : this.keys[0]!; }
  peekItem(): T | undefined { return this.items[0]; }

  pop(): void {
    const lastKey = this.keys.pop()!;
    const lastItem = this.items.pop()!;
    const n = this.keys.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && this.keys[l + 1]! < this.keys[l]! ? l + 1 : l;
      if (this.keys[c]! >= lastKey) break;
      this.move(c, i);
      i = c;
    }
    this.keys[i] = lastKey;
    this.items[i] = lastItem;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.items[to] = this.items[from]!;
  }
}
