import type { Message } from '../../model/message';
import { ReadyList } from './readyList';

/** Where a returned message goes back in a queue. */
export type RequeuePlace = 'position' | 'head' | 'back';

/** A queue's ready messages. One FIFO, or one FIFO per priority level. */
export interface ReadyStore {
  readonly length: number;
  /** Sum of the ready messages' sizes (x-max-length-bytes counts bodies, A1.8). */
  readonly bytes: number;
  /** How many of them have a death history (they rest in this queue after being dead-lettered). */
  readonly deadLettered: number;
  push(m: Message): void;
  /** The message delivery would take next. */
  peek(): Message | undefined;
  shift(): Message | undefined;
  /** Puts back a returned message: at its original position, at the head, or at the back. */
  requeue(m: Message, place: RequeuePlace): void;
  /** Head first. */
  toArray(): Message[];
}

/** A store a message can be taken out of from anywhere: an SQS queue's (A2.1 retention, sqsRetention.ts). */
export interface RemovableStore extends ReadyStore {
  /** Takes `m` out if it is ready here; false otherwise. */
  remove(m: Message): boolean;
}

/** One FIFO list with requeue placement (A1.4 classic: original position; A1.10 quorum: head or back). */
export class FifoStore implements RemovableStore {
  private readonly list = new ReadyList();
  bytes = 0;
  deadLettered = 0;
  get length(): number { return this.list.length; }
  push(m: Message): void { this.list.push(m); this.added(m); }
  peek(): Message | undefined { return this.list.peek(); }
  shift(): Message | undefined {
    const m = this.list.shift();
    if (m) { this.bytes -= m.sizeBytes; if (m.deaths) this.deadLettered--; }
    return m;
  }
  remove(m: Message): boolean {
    if (!this.list.remove(m)) return false;
    this.bytes -= m.sizeBytes;
    if (m.deaths) this.deadLettered--;
    return true;
  }
  private added(m: Message): void {
    this.bytes += m.sizeBytes;
    if (m.deaths) this.deadLettered++;
  }
  requeue(m: Message, place: RequeuePlace): void {
    this.added(m);
    if (place === 'position') this.list.insertInOrder(m);
    else if (place === 'head') this.list.unshift(m);
    else this.list.push(m);
  }
  toArray(): Message[] { return this.list.toArray(); }
}
