import type { Message } from '../../model/message';
import { FifoStore, type ReadyStore, type RequeuePlace } from './readyStore';

/**
 * Classic-queue priorities (semantics.md A1.11, RMQ-SRC rabbit_priority_queue priority/2): one FIFO per
 * level 0…max; a message without a priority counts as 0, one above the max counts as the max; the
 * highest non-empty level is always served first, FIFO within a level.
 */
export class ClassicPriorityStore implements ReadyStore {
  private readonly levels: FifoStore[];

  constructor(maxPriority: number) {
    // A1.11: x-max-priority=0 behaves like max 1 from 3.13 on (we model 4.2).
    const max = Math.max(1, maxPriority);
    this.levels = Array.from({ length: max + 1 }, () => new FifoStore());
  }

  private levelOf(m: Message): FifoStore {
    const p = m.priority < 0 ? 0 : Math.min(m.priority, this.levels.length - 1);
    return this.levels[p]!;
  }

  private top(): FifoStore | undefined {
    for (let i = this.levels.length - 1; i >= 0; i--) if (this.levels[i]!.length > 0) return this.levels[i];
    return undefined;
  }

  get length(): number { return this.levels.reduce((n, l) => n + l.length, 0); }
  get bytes(): number { return this.levels.reduce((n, l) => n + l.bytes, 0); }
  get deadLettered(): number { return this.levels.reduce((n, l) => n + l.deadLettered, 0); }
  push(m: Message): void { this.levelOf(m).push(m); }
  peek(): Message | undefined { return this.top()?.peek(); }
  shift(): Message | undefined { return this.top()?.shift(); }
  requeue(m: Message, place: RequeuePlace): void { this.levelOf(m).requeue(m, place); }
  toArray(): Message[] { return this.levels.slice().reverse().flatMap((l) => l.toArray()); }
}

/**
 * Quorum-queue priorities up to 4.2 (A1.11, RMQ-DOC@4.2:priority): two levels, priority above 4 is
 * high, 0–4 and unset are normal; high and normal are served in a 2:1 ratio, each FIFO.
 *
 * A1.4/A1.10: with a delivery-limit set, returned messages go back "near the head": into a queue of their own,
 * in the order they came back, served before either level (RMQ-SRC rabbit_fifo: return_one puts them in
 * `returns`, take_next_msg serves `returns` first; a consumer's channel closing returns its messages in
 * delivery order). So several messages returned at once keep their order rather than reverse it.
 */
export class QuorumPriorityStore implements ReadyStore {
  private readonly returns = new FifoStore();
  private readonly high = new FifoStore();
  private readonly normal = new FifoStore();
  /** High-priority deliveries since the last normal one (returned messages do not count: they are no level's). */
  private highRun = 0;

  private levelOf(m: Message): FifoStore { return m.priority > 4 ? this.high : this.normal; }

  /** The level the next delivery comes from: returned messages first; then high twice, then normal once, when both have messages. */
  private next(): FifoStore | undefined {
    if (this.returns.length > 0) return this.returns;
    if (this.high.length === 0) return this.normal.length > 0 ? this.normal : undefined;
    if (this.normal.length === 0) return this.high;
    return this.highRun >= 2 ? this.normal : this.high;
  }

  get length(): number { return this.returns.length + this.high.length + this.normal.length; }
  get bytes(): number { return this.returns.bytes + this.high.bytes + this.normal.bytes; }
  get deadLettered(): number { return this.returns.deadLettered + this.high.deadLettered + this.normal.deadLettered; }
  push(m: Message): void { this.levelOf(m).push(m); }
  peek(): Message | undefined { return this.next()?.peek(); }
  shift(): Message | undefined {
    const level = this.next();
    if (!level) return undefined;
    if (level !== this.returns) this.highRun = level === this.high ? this.highRun + 1 : 0;
    return level.shift();
  }
  requeue(m: Message, place: RequeuePlace): void {
    if (place === 'head') this.returns.push(m);
    else this.levelOf(m).requeue(m, place);
  }
  toArray(): Message[] { return [...this.returns.toArray(), ...this.high.toArray(), ...this.normal.toArray()]; }
}
