import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { ConfirmTracker } from '../../model/confirm';
import type { Message } from '../../model/message';
import { samplerFor, type Sampler } from '../../random/samplers';
import { EV_DISK_WRITTEN } from './queueEvents';
import type { QueueRules } from './queueRules';
import type { BrokerModel } from '../broker';
import type { Replication } from './replication';

/**
 * When a queue confirms what it took (publisher confirms, A1.6): at once, once on disk, or once a
 * majority of its replicas holds it (A1.13). Owns the disk-write timing (and a slowDisk fault's factor)
 * and the confirms still due, which an outage voids.
 */
export class Confirms {
  private readonly diskWrite: Sampler;
  /**
   * The confirms still due, by the queue position (queueSeq) of the message each is for: the write that settles
   * one is under way. An outage voids them all; meanwhile it asks which of the messages it loses were never
   * confirmed (isDue). Keyed by position, not by the message object: the message may be acked and its object
   * reused (messagePool.ts) before its write is done.
   */
  private readonly due = new Map<number, ConfirmTracker>();
  private diskFactor = 1;

  constructor(
    private readonly index: number,
    private readonly config: NodeOf<'queue'>['config'],
    private readonly rules: QueueRules,
    private readonly ctx: SimContext,
    queueId: string,
  ) {
    this.diskWrite = samplerFor(rules.diskWriteMs, ctx.random(queueId, 'disk'));
  }

  /**
   * A1.6: the broker confirms once the queue has the message, on disk for a persistent message on a
   * durable classic queue; A1.12: a quorum queue persists every message whatever its delivery mode.
   * `confirm` was taken off `m` by the caller.
   */
  accept(m: Message, confirm: ConfirmTracker, replication: Replication): void {
    // A1.6/A1.13: a replicated quorum queue confirms once a majority holds the message.
    if (replication.kind === 'quorum') { this.confirmAfter(m.safeAt - this.ctx.now(), m, confirm); return; }
    const toDisk = this.rules.flavor === 'quorum' || (this.rules.flavor === 'classic' && this.rules.durable && m.persistent);
    if (toDisk) this.confirmAfter(this.diskWriteMs(replication), m, confirm);
    else confirm.settle(true);
  }

  private confirmAfter(delayMs: number, m: Message, confirm: ConfirmTracker): void {
    this.due.set(m.queueSeq, confirm);
    this.ctx.schedule(delayMs, this.index, EV_DISK_WRITTEN, m.queueSeq, 0);
  }

  /** The write that confirms the message at `queueSeq` is done. A confirm an outage voided meanwhile is gone: the publisher times out (and may retry). */
  written(queueSeq: number): void {
    const confirm = this.due.get(queueSeq);
    if (confirm === undefined) return;
    this.due.delete(queueSeq);
    confirm.settle(true);
  }

  /** Whether `m` waits for its confirm: the queue has not told its publisher that `m` is safe. */
  isDue(m: Message): boolean { return this.due.has(m.queueSeq); }

  /** The queue went down: every confirm still due is void. */
  voidPending(): void { this.due.clear(); }

  setDiskFactor(factor: number): void { this.diskFactor = factor; }

  private diskWriteMs(replication: Replication): number { return this.diskWriteOn(replication.leaderBroker); }

  /**
   * One write of this queue's message on `broker` (its leader, or a replica of a quorum queue, A1.13): the
   * queue's own disk setting, else that broker's disk; slowed by a slowDisk fault on the queue.
   */
  diskWriteOn(broker: BrokerModel | undefined): number {
    const base = this.config.diskWriteMs === undefined && broker ? broker.diskWriteMs() : this.diskWrite.draw();
    return base * this.diskFactor;
  }
}
