import { Fifo } from '../../model/fifo';
import type { Message } from '../../model/message';

/**
 * A queue's ready messages in queue order (by `queueSeq`). Appending and taking the head are O(1);
 * a requeued message goes back to its original position (RabbitMQ A1.4, classic queues: "placed to its
 * original position in its queue, if possible"), which is O(1) when it belongs at the head, as it
 * usually does, and a binary search plus a move of the later messages otherwise. Appending, taking the
 * head and starting again at slot 0 once emptied are the FIFO buffer's (model/fifo.ts).
 */
export class ReadyList extends Fifo<Message> {
  /** Puts a message back where its `queueSeq` says it belongs. */
  insertInOrder(m: Message): void {
    const items = this.items;
    let lo = this.head, hi = this.tail;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (items[mid]!.queueSeq < m.queueSeq) lo = mid + 1; else hi = mid; }
    if (lo === this.head && this.head > 0) { items[--this.head] = m; return; }
    this.insertAt(lo, m);
  }

  /**
   * Takes `m` out from wherever it is (A2.1: SQS retention ends behind the head): found by its `queueSeq` (the list is in
   * queue order) and checked by identity; false when it is not here. The later messages move down one slot: off the
   * path of a message delivered, paid once per message removed so.
   */
  remove(m: Message): boolean {
    const items = this.items;
    let lo = this.head, hi = this.tail;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (items[mid]!.queueSeq < m.queueSeq) lo = mid + 1; else hi = mid; }
    if (lo >= this.tail || items[lo] !== m) return false;
    if (lo === this.head) { this.shift(); return true; }
    items.copyWithin(lo, lo + 1, this.tail);
    items[--this.tail] = undefined;
    return true;
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
