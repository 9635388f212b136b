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
 */
export class QuorumPriorityStore implements ReadyStore {
  private readonly high = new FifoStore();
  private readonly normal = new FifoStore();
  /** High-priority deliveries since the last normal one. */
  private highRun = 0;

  private levelOf(m: Message): FifoStore { return m.priority > 4 ? this.high : this.normal; }

  /** The level the next delivery comes from: high twice, then normal once, when both have messages. */
  private next(): FifoStore | undefined {
    if (this.high.length === 0) return this.normal.length > 0 ? this.normal : undefined;
    if (this.normal.length === 0) return this.high;
    return this.highRun >= 2 ? this.normal : this.high;
  }

  get length(): number { return this.high.length + this.normal.length; }
  get bytes(): number { return this.high.bytes + this.normal.bytes; }
  get deadLettered(): number { return this.high.deadLettered + this.normal.deadLettered; }
  push(m: Message): void { this.levelOf(m).push(m); }
  peek(): Message | undefined { return this.next()?.peek(); }
  shift(): Message | undefined {
    const level = this.next();
    if (!level) return undefined;
    this.highRun = level === this.high ? this.highRun + 1 : 0;
    return level.shift();
  }
  requeue(m: Message, place: RequeuePlace): void { this.levelOf(m).requeue(m, place); }
  toArray(): Message[] { return [...this.high.toArray(), ...this.normal.toArray()]; }
}
