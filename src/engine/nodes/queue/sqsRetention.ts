import type { SimContext } from '../../model/context';
import { KeyedHeap } from '../../model/keyedHeap';
import type { Message } from '../../model/message';
import type { FifoGroupStore } from './fifoGroups';
import type { QueueCounters } from './queueCounters';
import { EV_RETENTION } from './queueEvents';
import type { RemovableStore } from './readyStore';

/**
 * A2.1/A2.2: SQS deletes a message once it is older than the queue's MessageRetentionPeriod (counted from its original
 * enqueue, A2.2), wherever it is in the queue, not only at the head as RabbitMQ removes expired messages (A1.7).
 *
 * The head check (expiry.ts) already deletes on time every message that expires no earlier than every message ahead of
 * it: one enqueued in expiry order ("in order": its expiry is the latest so far), since everything ahead of it then
 * expires first. This watches the others, off the path of a message delivered: a message enqueued out of expiry order
 * (a dead-letter queue fed by several queues, publishes reordered on their way), one visible again behind the head, and
 * on a FIFO queue the head of a group locked by a message in flight (A2.3: the head check does not see it). Each is
 * deleted at its expiry time if it is still ready here. A message in flight (received, not deleted) is deleted when its
 * retention ends too: SqsInFlight times it, and the queue counts it here (deletedInFlight). That deletion ends a FIFO
 * group's lock no later than the retention of an in-order head behind it, so the group watch is needed only for a
 * message received at the very instant its retention ended (SqsInFlight times no deletion then): kept as the net.
 */
export class RetentionWatch {
  /**
   * Watched messages by expiry, and FIFO groups (by id) by their locked head's expiry; an entry whose message is no
   * longer ready here, or whose group is no longer locked, is skipped when it comes up.
   */
  private readonly due = new KeyedHeap<Message | string>();
  /** FIFO groups with an entry in `due`: one each, so memory follows the locked groups, not the receives. */
  private readonly watchedGroups = new Set<string>();
  /** The latest expiry enqueued so far: a message expiring earlier may sit behind one expiring later. */
  private latest = -Infinity;
  /** When the pending timer fires (Infinity: none pending). */
  private timerAt = Infinity;

  constructor(
    private readonly index: number,
    private readonly ctx: SimContext,
    private readonly n: QueueCounters,
    private readonly groups: FifoGroupStore | null,
  ) {}

  /**
   * `m` was enqueued at the tail: watched only if it expires before a message enqueued earlier may, or (A2.3) it joins
   * a group locked by a message in flight, which the head check does not see.
   */
  enqueued(m: Message): void {
    if (this.groups?.isLocked(m.groupId) === true) this.groupLocked(m.groupId);
    if (m.expiresAt >= this.latest) { this.latest = m.expiresAt; return; }
    this.watch(m);
  }

  /** `m` is ready again (its visibility timeout ended): watched unless the head check will see it first. */
  visibleAgain(m: Message, store: RemovableStore): void {
    if (store.peek() !== m) this.watch(m);
  }

  /** A2.3: a message of group `groupId` was received, locking the group: its ready head is watched meanwhile. */
  groupLocked(groupId: string): void {
    if (this.watchedGroups.has(groupId)) return; // its entry is due no later than its head now (in order within the group)
    const head = this.groups!.headOf(groupId);
    if (!head || !Number.isFinite(head.expiresAt)) return;
    this.watchedGroups.add(groupId);
    this.due.push(head.expiresAt, groupId);
    this.schedule();
  }

  /** The timer fired: deletes every watched message whose retention has ended and that is still ready in `store`. */
  fired(store: RemovableStore): void {
    this.timerAt = Infinity;
    const now = this.ctx.now();
    while (this.due.peekKey() <= now) {
      const entry = this.due.peekItem()!;
      this.due.pop();
      if (typeof entry === 'string') this.lockedGroupDue(entry, store, now);
      else if (store.remove(entry)) this.deleted(entry); // else received, deleted or moved since
    }
    this.schedule();
  }

  /** Deletes the expired heads of a group still locked, and watches its next head while it stays locked. */
  private lockedGroupDue(groupId: string, store: RemovableStore, now: number): void {
    this.watchedGroups.delete(groupId);
    if (!this.groups!.isLocked(groupId)) return; // unlocked: the head check sees its head again
    for (let head = this.groups!.headOf(groupId); head && head.expiresAt <= now; head = this.groups!.headOf(groupId)) {
      store.remove(head);
      this.deleted(head);
    }
    this.groupLocked(groupId);
  }

  /** A2.1: `m`, in flight, was deleted at the end of its retention (SqsInFlight.retentionEnded). */
  deletedInFlight(m: Message): void { this.deleted(m); }

  /** A2.1: deleted at the end of retention, never dead-lettered. */
  private deleted(m: Message): void {
    this.n.expired++;
    this.ctx.accounting.drop('expired', this.index, m.id);
  }

  private watch(m: Message): void {
    if (!Number.isFinite(m.expiresAt)) return;
    this.due.push(m.expiresAt, m);
    this.schedule();
  }

  /** One timer at a time, at the earliest watched expiry. */
  private schedule(): void {
    const next = this.due.peekKey();
    if (next >= this.timerAt || next === Infinity) return;
    this.timerAt = next;
    this.ctx.schedule(Math.max(0, next - this.ctx.now()), this.index, EV_RETENTION, null, 0);
  }
}
