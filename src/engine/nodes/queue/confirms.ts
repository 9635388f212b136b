import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { ConfirmTracker } from '../../model/confirm';
import type { Message } from '../../model/message';
import { samplerFor, type Sampler } from '../../random/distributions';
import { EV_DISK_WRITTEN } from './queueEvents';
import type { QueueRules } from './queueRules';
import type { Replication } from './replication';

/**
 * When a queue confirms what it took (publisher confirms, A1.6): at once, once on disk, or once a
 * majority of its replicas holds it (A1.13). Owns the disk-write timing (and a slowDisk fault's factor)
 * and the outage epoch that voids confirms still due when the queue went down.
 */
export class Confirms {
  private readonly diskWrite: Sampler;
  /** Bumped on each outage: a confirm scheduled before it is void after it. */
  private epoch = 0;
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
    if (replication.kind === 'quorum') { this.ctx.schedule(m.safeAt - this.ctx.now(), this.index, EV_DISK_WRITTEN, confirm, this.epoch); return; }
    const toDisk = this.rules.flavor === 'quorum' || (this.rules.flavor === 'classic' && this.rules.durable && m.persistent);
    if (toDisk) this.ctx.schedule(this.diskWriteMs(replication), this.index, EV_DISK_WRITTEN, confirm, this.epoch);
    else confirm.settle(true);
  }

  /** The write scheduled in `epoch` is done. A confirm due before an outage is lost with it: the publisher times out (and may retry). */
  written(confirm: ConfirmTracker, epoch: number): void {
    if (epoch === this.epoch) confirm.settle(true);
  }

  /** The queue went down: every confirm still due is void. */
  voidPending(): void { this.epoch++; }

  setDiskFactor(factor: number): void { this.diskFactor = factor; }

  /** The queue's own disk setting, else its leader broker's disk; slowed by a slowDisk fault. */
  private diskWriteMs(replication: Replication): number {
    const broker = replication.leaderBroker;
    const base = this.config.diskWriteMs === undefined && broker ? broker.diskWriteMs() : this.diskWrite();
    return base * this.diskFactor;
  }
}
