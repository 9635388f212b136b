import type { Message } from '../../model/message';
import { FifoStore, type ReadyStore } from './readyStore';

/** One message group: its ready messages in order, and how many of its messages are in flight. */
interface Group { readonly id: string; readonly ready: FifoStore; inFlight: number }

/**
 * The ready messages of an SQS FIFO queue, one ordered list per MessageGroupId (semantics.md A2.3).
 * - Order is strict within a group: only a group's head can be delivered.
 * - Group lock: while any message of a group is in flight, no other message of the group is available.
 * - The next message is the oldest head among unlocked groups (different groups interleave).
 * - Within one receive (a batch) the store keeps taking from the group it started with, "as many messages
 *   of one group as possible", then moves to the next oldest unlocked group.
 * `peek` and `shift` see only available messages; `length` counts every ready one.
 */
export class FifoGroupStore implements ReadyStore {
  private readonly groups = new Map<string, Group>();
  /** Candidate heads (lazy): an entry is valid while its group is unlocked and its head still has that queueSeq. */
  private readonly heads = new GroupHeap();
  /** The group the current receive is taking from (null outside a batch or before its first message). */
  private batchGroup: Group | null = null;
  private batching = false;
  private count = 0;
  private byteCount = 0;
  private deadLetteredCount = 0;

  get length(): number { return this.count; }
  get bytes(): number { return this.byteCount; }
  get deadLettered(): number { return this.deadLetteredCount; }

  push(m: Message): void { this.add(m, false); }

  /** A2.3: a message back from its visibility timeout goes to the head of its group (its original place). */
  requeue(m: Message): void { this.add(m, true); }

  peek(): Message | undefined { return this.nextGroup()?.ready.peek(); }

  shift(): Message | undefined {
    const g = this.nextGroup();
    if (!g) return undefined;
    const m = g.ready.shift()!;
    this.count--;
    this.byteCount -= m.sizeBytes;
    if (m.deaths) this.deadLetteredCount--;
    if (this.batching) this.batchGroup = g;
    this.offer(g);
    return m;
  }

  /** A receive starts: its messages come from one group for as long as that group has ready ones. */
  beginBatch(): void { this.batching = true; this.batchGroup = null; }
  endBatch(): void {
    const b = this.batchGroup;
    this.batching = false;
    this.batchGroup = null;
    // The receive may have emptied its group without holding the last message (moved to the DLQ at
    // maxReceiveCount, A2.2): nothing else would forget it, its heap entry being gone already.
    if (b) this.forgetIfEmpty(b);
  }

  /** `m` was received (in flight): its group is locked until every in-flight message of it is released. */
  hold(m: Message): void { this.group(m.groupId).inFlight++; }

  /** `m` was deleted or became visible again: one fewer in flight in its group. */
  release(m: Message): void {
    const g = this.groups.get(m.groupId);
    if (!g || g.inFlight === 0) return;
    g.inFlight--;
    this.offer(g);
    this.forgetIfEmpty(g);
  }

  /** How many groups it keeps (for tests: memory follows the groups with messages ready or in flight). */
  get groupCount(): number { return this.groups.size; }

  /** Whether a group has a message in flight (for tests and the inspector). */
  isLocked(groupId: string): boolean { return (this.groups.get(groupId)?.inFlight ?? 0) > 0; }

  toArray(): Message[] {
    return [...this.groups.values()].flatMap((g) => g.ready.toArray()).sort((a, b) => a.queueSeq - b.queueSeq);
  }

  private add(m: Message, requeued: boolean): void {
    const g = this.group(m.groupId);
    if (requeued) g.ready.requeue(m, 'position');
    else g.ready.push(m);
    this.count++;
    this.byteCount += m.sizeBytes;
    if (m.deaths) this.deadLetteredCount++;
    this.offer(g);
  }

  private group(id: string): Group {
    let g = this.groups.get(id);
    if (!g) { g = { id, ready: new FifoStore(), inFlight: 0 }; this.groups.set(id, g); }
    return g;
  }

  /** Groups with nothing ready and nothing in flight are forgotten, so memory follows the live groups. */
  private forgetIfEmpty(g: Group): void {
    if (g.inFlight === 0 && g.ready.length === 0 && g !== this.batchGroup) this.groups.delete(g.id);
  }

  /** Makes the group's head a candidate if the group is unlocked. */
  private offer(g: Group): void {
    const head = g.ready.peek();
    if (head && g.inFlight === 0) this.heads.push(head.queueSeq, g);
  }

  private nextGroup(): Group | undefined {
    const b = this.batchGroup;
    if (b && b.ready.length > 0) return b;
    for (;;) {
      const top = this.heads.peek();
      if (!top) return undefined;
      const head = top.group.ready.peek();
      if (top.group.inFlight === 0 && head?.queueSeq === top.seq) return top.group;
      this.heads.pop();
      this.forgetIfEmpty(top.group);
    }
  }
}

/** A binary min-heap of (queueSeq, group) candidates. */
class GroupHeap {
  private readonly seqs: number[] = [];
  private readonly groups: Group[] = [];

  push(seq: number, group: Group): void {
    let i = this.seqs.length;
    this.seqs.push(seq);
    this.groups.push(group);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.seqs[parent]! <= seq) break;
      this.move(parent, i);
      i = parent;
    }
    this.seqs[i] = seq;
    this.groups[i] = group;
  }

  peek(): { seq: number; group: Group } | undefined {
    return this.seqs.length === 0 ? undefined : { seq: this.seqs[0]!, group: this.groups[0]! };
  }

  pop(): void {
    const lastSeq = this.seqs.pop()!;
    const lastGroup = this.groups.pop()!;
    const n = this.seqs.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && this.seqs[l + 1]! < this.seqs[l]! ? l + 1 : l;
      if (this.seqs[c]! >= lastSeq) break;
      this.move(c, i);
      i = c;
    }
    this.seqs[i] = lastSeq;
    this.groups[i] = lastGroup;
  }

  private move(from: number, to: number): void {
    this.seqs[to] = this.seqs[from]!;
    this.groups[to] = this.groups[from]!;
  }
}
