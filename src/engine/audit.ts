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

  report(deadLettered: number): Audit {
    const consumers: Record<string, ConsumerAudit> = {};
    let deliveredOnce = 0, deliveredMoreThanOnce = 0, duplicates = 0, outOfOrder = 0;
    for (const log of this.consumers.values()) {
      let dup = 0;
      for (const n of log.processed.values()) if (n > 1) dup++;
      for (const n of log.delivered.values()) { if (n === 1) deliveredOnce++; else deliveredMoreThanOnce++; }
      const lost = this.lostFor(log);
      duplicates += dup;
      outOfOrder += log.outOfOrder;
      consumers[log.id] = { processed: log.processed.size, duplicates: dup, skippedDuplicates: log.skipped, lost, outOfOrder: log.outOfOrder, guarantee: guarantee(lost, dup) };
    }
    // A2.3: a deduplicated send was accepted as the same message as one stored: it is no loss.
    const lostByReason = { ...this.accounting.droppedByReason } as Partial<Record<DropReason, number>>;
    const deduplicated = lostByReason.deduplicated ?? 0;
    delete lostByReason.deduplicated;
    return {
      produced: this.accounting.produced, deliveredOnce, deliveredMoreThanOnce, duplicates,
      lost: this.accounting.dropped - deduplicated, lostByReason,
      deadLettered, outOfOrder, consumers, faults: this.faults.map((f) => ({ ...f })),
    };
  }
}

/** Exactly-once: nothing lost, nothing twice; at-least-once: nothing lost; at-most-once: nothing twice. */
function guarantee(lost: number, duplicates: number): Guarantee {
  if (lost === 0 && duplicates === 0) return 'exactly-once';
  if (lost === 0) return 'at-least-once';
  if (duplicates === 0) return 'at-most-once';
  return 'none';
}
