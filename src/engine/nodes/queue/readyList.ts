import type { Message } from '../../model/message';

/**
 * A queue's ready messages in queue order (by `queueSeq`). Appending and taking the head are O(1);
 * a requeued message goes back to its original position (RabbitMQ A1.4, classic queues: "placed to its
 * original position in its queue, if possible"), which is O(1) when it belongs at the head, as it
 * usually does, and a binary search plus a splice otherwise.
 */
export class ReadyList {
  private items: (Message | undefined)[] = [];
  private head = 0;

  get length(): number { return this.items.length - this.head; }

  push(m: Message): void { this.items.push(m); }

  peek(): Message | undefined { return this.items[this.head]; }

  shift(): Message | undefined {
    if (this.head >= this.items.length) return undefined;
    const m = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return m;
  }

  /** Puts a message back where its `queueSeq` says it belongs. */
  insertInOrder(m: Message): void {
    const items = this.items;
    let lo = this.head, hi = items.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (items[mid]!.queueSeq < m.queueSeq) lo = mid + 1; else hi = mid; }
    if (lo === this.head && this.head > 0) { items[--this.head] = m; return; }
    items.splice(lo, 0, m);
  }

  /** Puts a message at the head, whatever its position was. */
  unshift(m: Message): void {
    if (this.head > 0) this.items[--this.head] = m;
    else this.items.unshift(m);
  }

  /** Messages from head to tail (for inspection and tests). */
  toArray(): Message[] { return this.items.slice(this.head) as Message[]; }
}
