import type { Audit, ConsumerAudit, DropReason, Guarantee } from './api';
import type { Accounting } from './metrics/accounting';
import type { Message } from './model/message';

interface ConsumerLog {
  id: string;
  /** Message id → times processed successfully. */
  processed: Map<number, number>;
  /** Message id → times delivered. */
  delivered: Map<number, number>;
  skipped: number;
  outOfOrder: number;
  /** Ordering key → the highest sequence number seen. */
  lastSeq: Map<string, number>;
  /** Nodes whose losses count against this consumer: itself and the queues it reads. */
  sources: number[];
}

/**
 * The delivery-guarantee audit: which consumer got and processed which message how often, in what order,
 * and what was lost where. It remembers message ids, so memory grows with the run (benchmarks turn it off).
 */
export class AuditLog {
  private readonly consumers = new Map<number, ConsumerLog>();
  readonly faults: Audit['faults'] = [];

  constructor(private readonly accounting: Accounting) {}

  addConsumer(index: number, id: string, sources: number[]): void {
    this.consumers.set(index, { id, processed: new Map(), delivered: new Map(), skipped: 0, outOfOrder: 0, lastSeq: new Map(), sources: [index, ...sources] });
  }

  delivered(consumer: number, m: Message): void {
    const log = this.consumers.get(consumer);
    if (!log) return;
    log.delivered.set(m.id, (log.delivered.get(m.id) ?? 0) + 1);
  }

  /** A successful processing; checks the order per producer and ordering key. */
  processed(consumer: number, m: Message): void {
    const log = this.consumers.get(consumer);
    if (!log) return;
    log.processed.set(m.id, (log.processed.get(m.id) ?? 0) + 1);
    if (m.orderKey === '') return;
    const last = log.lastSeq.get(m.orderKey) ?? -1;
    if (m.orderSeq < last) log.outOfOrder++;
    else log.lastSeq.set(m.orderKey, m.orderSeq);
  }

  skippedDuplicate(consumer: number): void {
    const log = this.consumers.get(consumer);
    if (log) log.skipped++;
  }

  /**
   * Distinct messages lost on the way to a consumer and never processed after all (a publisher's retry
   * or a redelivery may have saved them): dropped at the consumer itself and not processed by it, or
   * dropped at a queue it reads and processed by none of that queue's consumers (they compete for it).
   */
  private lostFor(log: ConsumerLog): number {
    const lost = new Set<number>();
    for (const id of this.accounting.idsDroppedAt(log.sources[0]!)) if (!log.processed.has(id)) lost.add(id);
    for (const queue of log.sources.slice(1)) {
      const readers = [...this.consumers.values()].filter((c) => c.sources.slice(1).includes(queue));
      for (const id of this.accounting.idsDroppedAt(queue)) if (!readers.some((r) => r.processed.has(id))) lost.add(id);
    }
    return lost.size;
  }

  /**
   * Competing consumers of one queue share its messages (EIP Competing Consumers, A4): a message processed
   * by two of them is processed twice as surely as one processed twice by one. Consumers are grouped by
   * the queues they read (a consumer with no queue, a push subscriber, is a group of its own); the result
   * is, per group, how many times each message id was processed in all.
   */
  private processedByGroup(): Map<ConsumerLog, Map<number, number>> {
    const groups = new Map<string, Map<number, number>>();
    const byLog = new Map<ConsumerLog, Map<number, number>>();
    for (const [index, log] of this.consumers) {
      const queues = log.sources.slice(1);
      const key = queues.length === 0 ? `consumer:${index}` : [...queues].sort((a, b) => a - b).join(',');
      let counts = groups.get(key);
      if (!counts) { counts = new Map(); groups.set(key, counts); }
      for (const [id, n] of log.processed) counts.set(id, (counts.get(id) ?? 0) + n);
      byLog.set(log, counts);
    }
    return byLog;
  }

  report(deadLettered: number): Audit {
    const consumers: Record<string, ConsumerAudit> = {};
    let deliveredOnce = 0, deliveredMoreThanOnce = 0, outOfOrder = 0;
    const groups = this.processedByGroup();
    const duplicated = new Set<Map<number, number>>();
    let duplicates = 0;
    for (const log of this.consumers.values()) {
      const group = groups.get(log)!;
      let dup = 0;
      for (const id of log.processed.keys()) if (group.get(id)! > 1) dup++;
      if (!duplicated.has(group)) { duplicated.add(group); for (const n of group.values()) if (n > 1) duplicates++; }
      for (const n of log.delivered.values()) { if (n === 1) deliveredOnce++; else deliveredMoreThanOnce++; }
      const lost = this.lostFor(log);
      outOfOrder += log.outOfOrder;
      consumers[log.id] = { processed: log.processed.size, duplicates: dup, skippedDuplicates: log.skipped, lost, outOfOrder: log.outOfOrder, guarantee: guarantee(lost, dup) };
    }
    const lostByReason = { ...this.accounting.droppedByReason } as Partial<Record<DropReason, number>>;
    let notLost = 0;
    for (const reason of NOT_LOST) { notLost += lostByReason[reason] ?? 0; delete lostByReason[reason]; }
    return {
      produced: this.accounting.produced, deliveredOnce, deliveredMoreThanOnce, duplicates,
      lost: this.accounting.dropped - notLost, lostByReason,
      deadLettered, outOfOrder, consumers, faults: this.faults.map((f) => ({ ...f })),
    };
  }
}

/**
 * Drops that are no loss of a message the system owed someone: a deduplicated send was accepted as the same
 * message as one stored (A2.3); a late or unmatched reply reached its requester, which discarded it on
 * purpose (its request already timed out or was answered; EIP Correlation Identifier, A4).
 */
const NOT_LOST: readonly DropReason[] = ['deduplicated', 'lateReply', 'unmatchedReply'];

/** Exactly-once: nothing lost, nothing twice; at-least-once: nothing lost; at-most-once: nothing twice. */
function guarantee(lost: number, duplicates: number): Guarantee {
  if (lost === 0 && duplicates === 0) return 'exactly-once';
  if (lost === 0) return 'at-least-once';
  if (duplicates === 0) return 'at-most-once';
  return 'none';
}
