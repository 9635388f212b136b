import type { Message } from '../../model/message';

/**
 * A queue's ready messages in queue order (by `queueSeq`). Appending and taking the head are O(1);
 * a requeued message goes back to its original position (RabbitMQ A1.4, classic queues: "placed to its
 * original position in its queue, if possible"), which is O(1) when it belongs at the head, as it
 * usually does, and a binary search plus a splice otherwise.
 */
export class ReadyList {
  // items[head, tail) are the ready messages; slots outside that range are undefined.
  private items: (Message | undefined)[] = [];
  private head = 0;
  private tail = 0;

  get length(): number { return this.tail - this.head; }

  push(m: Message): void { this.items[this.tail++] = m; }

  peek(): Message | undefined { return this.head < this.tail ? this.items[this.head] : undefined; }

  shift(): Message | undefined {
    if (this.head >= this.tail) return undefined;
    const m = this.items[this.head];
    this.items[this.head++] = undefined;
    // Emptied: start again at slot 0. A queue that is mostly empty (a consumer keeping up) then reuses the
    // same few slots, which stay in cache, instead of walking through a growing array (docs/PERFORMANCE.md).
    if (this.head === this.tail) this.head = this.tail = 0;
    else if (this.head > 1024 && this.head * 2 > this.tail) this.compact();
    return m;
  }

  /** Moves the ready messages down to slot 0. */
  private compact(): void {
    const n = this.tail - this.head;
    this.items.copyWithin(0, this.head, this.tail);
    this.items.fill(undefined, n, this.tail);
    this.head = 0;
    this.tail = n;
  }

  /** Puts a message back where its `queueSeq` says it belongs. */
  insertInOrder(m: Message): void {
    const items = this.items;
    let lo = this.head, hi = this.tail;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (items[mid]!.queueSeq < m.queueSeq) lo = mid + 1; else hi = mid; }
    if (lo === this.head && this.head > 0) { items[--this.head] = m; return; }
    this.insertAt(lo, m);
  }

  /** Puts a message at the head, whatever its position was. */
  unshift(m: Message): void {
    if (this.head > 0) this.items[--this.head] = m;
    else this.insertAt(this.head, m);
  }

  /** Inserts at position i of [head, tail], moving the later messages one slot up. */
  private insertAt(i: number, m: Message): void {
    const items = this.items;
    for (let k = this.tail; k > i; k--) items[k] = items[k - 1];
    items[i] = m;
    this.tail++;
  }

  /** Messages from head to tail (for inspection and tests). */
  toArray(): Message[] { return this.items.slice(this.head, this.tail) as Message[]; }
}
