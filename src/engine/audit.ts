import type { Audit, CompetingAudit, ConsumerAudit, DropReason, Guarantee } from './api';
import type { Accounting, Census, DropObserver } from './metrics/accounting';
import { IdTable } from './metrics/idTable';
import type { Message } from './model/message';

/**
 * Per consumer and message id, one byte (IdTable): deliveries in the low four bits, successful processings in the
 * high four, each stopping at 15. The audit only tells once from more than once.
 */
const DELIVERY = 0x01;
const PROCESSING = 0x10;
const NIBBLE_MAX = 15;
const deliveries = (v: number) => v & 0x0f;
/** On a dropped id's reason code: the drop turned out to be no loss (see AuditLog.forgive). */
const FORGIVEN = 0x80;
const processings = (v: number) => v >> 4;

interface ConsumerLog {
  id: string;
  index: number;
  /** Message id → deliveries and processings here (see DELIVERY, PROCESSING). */
  seen: IdTable;
  /** Distinct messages processed successfully. */
  processed: number;
  /** Of those, how many its group processed more than once. */
  duplicates: number;
  skipped: number;
  outOfOrder: number;
  /** Ordering key → the highest sequence number seen. */
  lastSeq: Map<string, number>;
  /** The queues it reads. */
  queues: number[];
  group: ConsumerGroup;
  /** Ids lost on the way to it and not processed after all (see isLost). */
  lost: IdTable;
}

/** What the audit reads from its run when it stops at its memory limit: the figures it then keeps as they were. */
export interface AuditSource {
  now(): number;
  readonly accounting: Accounting;
  census(): Census;
}

/** The run's figures the report takes from outside the audit, as they were when it stopped. */
interface Stopped {
  atMs: number;
  ids: number;
  limit: number;
  produced: number;
  dropped: number;
  droppedByReason: Partial<Record<DropReason, number>>;
  deadLettered: number;
}

/**
 * How often (in calls that may add ids, each adding at most three) the audit counts what it remembers against its
 * limit: at most every 16 K calls, and every sixteenth of the limit for small limits, so it stops within about a fifth
 * past its limit.
 */
const LIMIT_CHECK_EVERY = 1 << 14;
const checkInterval = (limit: number) => Math.max(1, Math.min(LIMIT_CHECK_EVERY, Math.floor(limit / 16)));

/** EIP Competing Consumers (A4): the consumers that read the same queues share their messages. */
interface ConsumerGroup {
  members: ConsumerLog[];
  /** Ids of the queues its members read (none: a push subscriber, a group of its own). */
  queueIds: string[];
  /** Message id → processings in the group; a group of one reads its member's `seen` instead. */
  counts: IdTable | null;
  /** Distinct messages processed more than once in the group. */
  duplicates: number;
}

/**
 * The delivery-guarantee audit: which consumer got and processed which message how often, in what order,
 * and what was lost where. Every figure is kept up to date as messages are delivered, processed and dropped, so a
 * report costs the same at any point of a run (the browser asks for one four times a second). It remembers the
 * message ids each consumer saw, one byte each in a hash table (IdTable, about 7–13 bytes per id and consumer);
 * benchmarks turn it off. With an `idLimit` it stops following messages once it remembers that many ids (the
 * browser's worker sets one: a run at full speed would otherwise grow until the tab runs out of memory), and its
 * report is from then on the one it would have given at that moment, with the time it stopped.
 */
export class AuditLog implements DropObserver {
  private readonly consumers = new Map<number, ConsumerLog>();
  private readonly groups = new Map<string, ConsumerGroup>();
  /** Queue index → the consumers that read it. */
  private readonly readers = new Map<number, ConsumerLog[]>();
  /** Node index → ids of the messages dropped there, each with its reason's code (see reasonCode), FORGIVEN once processed. */
  private readonly dropped = new Map<number, IdTable>();
  /** Drop reasons by code − 1 (codes are given as reasons first occur; 1 … 127). */
  private readonly reasons: DropReason[] = [];
  /** Drops that were no loss after all, by reason: the consumers they were on their way to processed the message. */
  private readonly forgiven: Partial<Record<DropReason, number>> = {};
  private deliveredOnce = 0;
  private deliveredMoreThanOnce = 0;
  readonly faults: Audit['faults'] = [];
  private source: AuditSource | null = null;
  private calls = 0;
  private stopped: Stopped | null = null;

  /** `checkEvery`: see LIMIT_CHECK_EVERY (tests check at every call). */
  constructor(private readonly idLimit = Infinity, private readonly checkEvery = checkInterval(idLimit)) {}

  /** The run whose time and figures a stop records (needed only with a limit). */
  watch(source: AuditSource): void { this.source = source; }

  /**
   * Whether to ignore a call: the audit has stopped. Every `checkEvery` calls it counts the ids it remembers,
   * and stops when they reach the limit, keeping the run's figures as they are then (so the report stays the one of
   * that moment, not a mix of two).
   */
  private halted(): boolean {
    if (this.stopped !== null) return true;
    if (this.idLimit === Infinity || ++this.calls % this.checkEvery !== 0) return false;
    const ids = this.idsRemembered();
    if (ids < this.idLimit) return false;
    const source = this.source;
    if (!source) throw new Error('AuditLog: a limited audit needs watch(run) before the run starts');
    const a = source.accounting;
    this.stopped = { atMs: source.now(), ids, limit: this.idLimit, produced: a.produced, dropped: a.dropped, droppedByReason: { ...a.droppedByReason }, deadLettered: source.census().deadLettered };
    return true;
  }

  /** Entries over all its tables: what its memory grows with. */
  idsRemembered(): number {
    let n = 0;
    for (const log of this.consumers.values()) n += log.seen.size + log.lost.size;
    for (const group of this.groups.values()) n += group.counts?.size ?? 0;
    for (const ids of this.dropped.values()) n += ids.size;
    return n;
  }

  /**
   * Registers a consumer and the queues it reads (node indexes, and their ids for the report); all consumers are added
   * before the first event.
   */
  addConsumer(index: number, id: string, queues: number[], queueIds: readonly string[] = queues.map((q) => `#${q}`)): void {
    // Consumers with no queue (push subscribers) are groups of their own.
    const key = queues.length === 0 ? `consumer:${index}` : [...queues].sort((a, b) => a - b).join(',');
    let group = this.groups.get(key);
    if (!group) { group = { members: [], queueIds: [...queueIds], counts: null, duplicates: 0 }; this.groups.set(key, group); }
    const log: ConsumerLog = { id, index, seen: new IdTable(), processed: 0, duplicates: 0, skipped: 0, outOfOrder: 0, lastSeq: new Map(), queues: [...queues], group, lost: new IdTable() };
    group.members.push(log);
    this.consumers.set(index, log);
    for (const q of queues) {
      const readers = this.readers.get(q);
      if (readers) readers.push(log); else this.readers.set(q, [log]);
    }
  }

  delivered(consumer: number, m: Message): void {
    const log = this.consumers.get(consumer);
    if (!log || this.halted()) return;
    const place = log.seen.locate(m.id);
    const v = log.seen.valueAt(place);
    const n = deliveries(v);
    if (n === NIBBLE_MAX) return;
    log.seen.setAt(place, m.id, v + DELIVERY);
    if (n === 0) this.deliveredOnce++;
    else if (n === 1) { this.deliveredOnce--; this.deliveredMoreThanOnce++; }
  }

  /** A successful processing; checks the order per producer and ordering key. */
  processed(consumer: number, m: Message): void {
    const log = this.consumers.get(consumer);
    if (!log || this.halted()) return;
    const id = m.id;
    const place = log.seen.locate(id);
    const v = log.seen.valueAt(place);
    const before = processings(v);
    if (before < NIBBLE_MAX) log.seen.setAt(place, id, v + PROCESSING);
    if (before === 0) log.processed++;
    this.countInGroup(log, id, before === 0, before < NIBBLE_MAX ? before + 1 : before);
    this.foundAfterAll(log, id);
    if (m.orderKey === '') return;
    const last = log.lastSeq.get(m.orderKey) ?? -1;
    if (m.orderSeq < last) log.outOfOrder++;
    else log.lastSeq.set(m.orderKey, m.orderSeq);
  }

  skippedDuplicate(consumer: number): void {
    const log = this.consumers.get(consumer);
    if (log && !this.halted()) log.skipped++;
  }

  /**
   * Accounting tells of every drop charged to a node. A copy dropped after the consumers it was on its way to had
   * processed the message (a requeued copy lost on a restart, while the first was processed and its ack failed:
   * A1.4) is no loss; nor is one dropped before a retry or a redelivery got through after all (foundAfterAll).
   */
  droppedAt(node: number, id: number, reason: DropReason): void {
    if (this.halted()) return;
    let ids = this.dropped.get(node);
    if (!ids) { ids = new IdTable(); this.dropped.set(node, ids); }
    const own = this.consumers.get(node);
    const readers = this.readers.get(node);
    const processed = (own !== undefined && processedBy(own, id)) || (readers !== undefined && processedByAny(readers, id));
    const code = this.reasonCode(reason);
    // Drops that are no loss anyway (NOT_LOST) are never forgiven: the report leaves them out already.
    ids.set(id, NOT_LOST.includes(reason) ? code | FORGIVEN : code);
    if (processed) this.forgive(ids, id);
    if (own && !processed) own.lost.set(id, 1);
    if (readers && !processed) for (const r of readers) r.lost.set(id, 1);
  }

  private reasonCode(reason: DropReason): number {
    const i = this.reasons.indexOf(reason);
    return i >= 0 ? i + 1 : this.reasons.push(reason);
  }

  /** The drop of `id` noted in `ids` was no loss: counted once, by its reason. */
  private forgive(ids: IdTable, id: number): void {
    const v = ids.get(id);
    if (v === 0 || (v & FORGIVEN) !== 0) return;
    ids.set(id, v | FORGIVEN);
    const reason = this.reasons[v - 1]!;
    this.forgiven[reason] = (this.forgiven[reason] ?? 0) + 1;
  }

  /** Ids of the messages dropped at a node (for tests). */
  idsDroppedAt(node: number): number { return this.dropped.get(node)?.size ?? 0; }

  /**
   * One more processing of `id` in `log`'s group. A message processed by two competing consumers is processed twice
   * as surely as one processed twice by one: when the group's count reaches 2, each member that processed it has a
   * duplicate; a member processing it first after that has one too. `own`: how many times `log` has processed it now.
   */
  private countInGroup(log: ConsumerLog, id: number, first: boolean, own: number): void {
    const group = log.group;
    let n: number;
    if (group.members.length === 1) n = own; // the group's count is this consumer's own, just counted
    else {
      const counts = group.counts ?? (group.counts = new IdTable());
      const place = counts.locate(id);
      n = counts.valueAt(place) + 1;
      counts.setAt(place, id, n);
    }
    if (n === 2) {
      group.duplicates++;
      for (const r of group.members) if (processedBy(r, id)) r.duplicates++;
    } else if (n > 2 && first) log.duplicates++;
  }

  /** `log` processed `id`: it is no loss of `log`'s any more, and maybe not of the other readers of its queues. */
  private foundAfterAll(log: ConsumerLog, id: number): void {
    if (log.lost.size > 0) log.lost.delete(id);
    if (this.dropped.size > 0) this.forgiveDropsOnTheWay(log, id);
    for (const q of log.queues) {
      for (const r of this.readers.get(q)!) {
        if (r !== log && r.lost.size > 0 && r.lost.has(id) && !this.isLost(r, id)) r.lost.delete(id);
      }
    }
  }

  /** `log` processed `id`: a copy of it dropped at `log` or at a queue it reads was no loss. */
  private forgiveDropsOnTheWay(log: ConsumerLog, id: number): void {
    const own = this.dropped.get(log.index);
    if (own) this.forgive(own, id);
    for (const q of log.queues) {
      const ids = this.dropped.get(q);
      if (ids) this.forgive(ids, id);
    }
  }

  /**
   * Whether `id` is lost on the way to consumer `log` and never processed after all (a publisher's retry or a
   * redelivery may have saved it): dropped at the consumer itself and not processed by it, or dropped at a queue it
   * reads and processed by none of that queue's consumers (they compete for it).
   */
  private isLost(log: ConsumerLog, id: number): boolean {
    if (this.dropped.get(log.index)?.has(id) === true && !processedBy(log, id)) return true;
    return log.queues.some((q) => this.dropped.get(q)?.has(id) === true && !processedByAny(this.readers.get(q)!, id));
  }

  /** Stopped at its limit, the run's own figures are those of that moment (see halted). */
  report(accounting: Accounting, deadLettered: number): Audit {
    const s = this.stopped;
    if (s === null) return this.reportOf(accounting.produced, accounting.dropped, accounting.droppedByReason, deadLettered);
    return { ...this.reportOf(s.produced, s.dropped, s.droppedByReason, s.deadLettered), stoppedAtMs: s.atMs, idsRemembered: s.ids, idLimit: s.limit };
  }

  private reportOf(produced: number, dropped: number, droppedByReason: Partial<Record<DropReason, number>>, deadLettered: number): Audit {
    const consumers: Record<string, ConsumerAudit> = {};
    let duplicates = 0, outOfOrder = 0;
    for (const group of this.groups.values()) duplicates += group.duplicates;
    for (const log of this.consumers.values()) {
      outOfOrder += log.outOfOrder;
      const lost = log.lost.size;
      consumers[log.id] = { processed: log.processed, duplicates: log.duplicates, skippedDuplicates: log.skipped, lost, outOfOrder: log.outOfOrder, guarantee: guarantee(lost, log.duplicates) };
    }
    const lostByReason = { ...droppedByReason };
    let notLost = 0;
    for (const reason of NOT_LOST) { notLost += lostByReason[reason] ?? 0; delete lostByReason[reason]; }
    let droppedAfterProcessing = 0;
    for (const [reason, n] of Object.entries(this.forgiven) as [DropReason, number][]) {
      droppedAfterProcessing += n;
      const left = (lostByReason[reason] ?? 0) - n;
      if (left > 0) lostByReason[reason] = left; else delete lostByReason[reason];
    }
    return {
      produced, deliveredOnce: this.deliveredOnce, deliveredMoreThanOnce: this.deliveredMoreThanOnce, duplicates,
      lost: dropped - notLost - droppedAfterProcessing, lostByReason, droppedAfterProcessing,
      deadLettered, outOfOrder, consumers, competing: this.competing(), faults: this.faults.map((f) => ({ ...f })),
    };
  }

  /** The groups of competing consumers (two or more on the same queues), each message counted once per group. */
  private competing(): CompetingAudit[] {
    const out: CompetingAudit[] = [];
    for (const group of this.groups.values()) {
      if (group.members.length < 2) continue;
      const lost = groupLost(group);
      out.push({
        consumers: group.members.map((m) => m.id), queues: group.queueIds,
        processed: group.counts?.size ?? 0, duplicates: group.duplicates, lost, guarantee: guarantee(lost, group.duplicates),
      });
    }
    return out;
  }
}

/**
 * The distinct messages lost to a group of competing consumers: lost on the way to one of them (its `lost`: at the
 * shared queues or at the member) and processed by none of them. Read when a report is asked for; the members'
 * lost tables hold only losses, so this is as small as what was lost.
 */
function groupLost(group: ConsumerGroup): number {
  const seen = new IdTable();
  const processedInGroup = (id: number) => group.counts !== null && group.counts.get(id) > 0;
  for (const member of group.members) member.lost.forEach((id) => { if (!processedInGroup(id)) seen.set(id, 1); });
  return seen.size;
}

const processedBy = (log: ConsumerLog, id: number): boolean => processings(log.seen.get(id)) > 0;
/** Whether any of a queue's competing consumers processed `id`. */
const processedByAny = (readers: readonly ConsumerLog[], id: number): boolean => readers.some((r) => processedBy(r, id));

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
