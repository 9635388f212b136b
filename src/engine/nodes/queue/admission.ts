import type { NodeOf } from '../../../schema';
import type { SimContext } from '../../model/context';
import type { EdgeRuntime } from '../../model/edge';
import type { Message } from '../../model/message';
import type { DeadLetters } from './deadLettering';
import { Deduplication } from './deduplication';
import { Permission } from './permissions';
import type { QueueCounters } from './queueCounters';
import type { QueueRules } from './queueRules';
import type { ReadyStore } from './readyStore';

/**
 * What a queue checks before it stores a message: the publisher's permission and, on an SQS FIFO queue,
 * the group id and deduplication id; then, under reject-publish, its length limit (A1.8). A refused,
 * failed or deduplicated send is settled and counted here.
 */
export class Admission {
  private readonly publish: Permission;
  private readonly dedup: Deduplication | null;

  constructor(
    config: NodeOf<'queue'>['config'],
    private readonly index: number,
    private readonly ctx: SimContext,
    private readonly n: QueueCounters,
    private readonly rules: QueueRules,
    private readonly deadLetters: DeadLetters,
  ) {
    this.publish = new Permission(config.permissions?.publish);
    this.dedup = config.fifo ? new Deduplication(config.fifo) : null;
    this.checks = this.publish.restricted || this.dedup !== null;
  }

  /** Whether admit() can refuse anything here (a publish permission, or a FIFO queue's rules). */
  readonly checks: boolean;

  /** True when `m` may be stored; false when it was refused, failed, or accepted as a duplicate. */
  admit(m: Message, edge: EdgeRuntime): boolean {
    // Permissions apply to clients publishing straight to the queue: SQS SendMessage in a queue policy (only an SQS
    // queue may have a publish list: RabbitMQ checks write permission on the exchange, exchange.ts). Routing from an
    // exchange and dead-lettering are the broker's own doing.
    if (edge.role === 'publish' && !this.publish.allows(m.publisher || edge.source.id)) {
      // SQS: SendMessage fails with an error response (AccessDenied), which the sender hears as its "nack".
      this.n.refusedPublish++;
      this.refuse(m, 'accessRefused');
      return false;
    }
    // A2.2: a message moved to a FIFO dead-letter queue keeps its group; its deduplication id is replaced
    // by its message id, which a redrive moves once: nothing to deduplicate or refuse.
    if (!this.dedup || edge.role === 'deadLetter') return true;
    const verdict = this.dedup.admit(m, this.ctx.now());
    if (verdict === 'store') return true;
    if (verdict === 'invalidFifoPublish') {
      // A2.3: a send without a group id, or without a deduplication id where none is derived, fails.
      this.n.invalidPublish++;
      this.refuse(m, 'invalidFifoPublish');
      return false;
    }
    // A2.3: a duplicate send is accepted (success, so the publisher's confirm is acked) but not delivered.
    // It is no loss (the sender said it is the same message as one stored), so the audit does not get its id.
    this.n.deduplicated++;
    m.confirm?.settle(true);
    m.confirm = null;
    this.ctx.accounting.drop('deduplicated', this.index);
    return false;
  }

  /**
   * A1.8 reject-publish(-dlx), after admit(): true when `m` does not fit in `store` (by count or bytes),
   * in which case the new message is refused, the publisher nacked, and with -dlx `m` dead-lettered.
   */
  rejectsAtLimit(m: Message, store: ReadyStore): boolean {
    const full = store.length + 1 > this.rules.maxLength || store.bytes + m.sizeBytes > this.rules.maxLengthBytes;
    if (!full) return false;
    this.n.rejectedPublishes++;
    m.confirm?.settle(false);
    m.confirm = null;
    if (this.rules.overflow === 'reject-publish-dlx') { this.deadLetters.send(m, 'maxlen', true); return true; }
    this.n.overflowed++;
    this.ctx.accounting.drop('rejectPublish', this.index, m.id);
    return true;
  }

  /**
   * The send fails and the publisher is told (a channel error, an error response, a nack), with or without
   * confirms: like a nacked publish it is the publisher's to handle, not a loss behind this queue.
   */
  private refuse(m: Message, reason: 'accessRefused' | 'invalidFifoPublish'): void {
    m.confirm?.settle(false);
    m.confirm = null;
    this.ctx.accounting.drop(reason, -1, m.id);
  }
}
