import { KeyedHeap } from '../../model/keyedHeap';
import type { Message } from '../../model/message';
import { FifoStore, type RemovableStore } from './readyStore';

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
export class FifoGroupStore implements RemovableStore {
  private readonly groups = new Map<string, Group>();
  /** Candidate heads by queueSeq (lazy): an entry is valid while its group is unlocked and its head still has that queueSeq. */
  private readonly heads = new KeyedHeap<Group>();
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

  /** Takes `m` out of its group, wherever it is there (A2.1 retention); false when it is not ready here. */
  remove(m: Message): boolean {
    const g = this.groups.get(m.groupId);
    if (!g || !g.ready.remove(m)) return false;
    this.count--;
    this.byteCount -= m.sizeBytes;
    if (m.deaths) this.deadLetteredCount--;
    this.offer(g); // its head may have changed (a stale candidate is skipped by its queueSeq)
    this.forgetIfEmpty(g);
    return true;
  }

  /** The ready head of group `groupId`, available or not (A2.1: retention runs on in a locked group). */
  headOf(groupId: string): Message | undefined { return this.groups.get(groupId)?.ready.peek(); }

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
      const group = this.heads.peekItem();
      if (!group) return undefined;
      if (group.inFlight === 0 && group.ready.peek()?.queueSeq === this.heads.peekKey()) return group;
      this.heads.pop();
      this.forgetIfEmpty(group);
    }
  }
}
