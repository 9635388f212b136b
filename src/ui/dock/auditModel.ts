/**
 * What the Audit tab shows, as plain data: what became of every message, losses by reason in words, and
 * which delivery guarantee each consumer's run achieved. Pure; tested without React.
 */
import type { Audit, DropReason, Guarantee } from '../../engine/api';
import { DROP_REASONS } from './summaryModel';

/** Short names for why messages were lost (engine DropReason); the long form is DROP_REASONS. */
export const LOSS_LABELS: Record<string, string> = {
  nodeDown: 'sent to a down node / no leader',
  transientOnRestart: 'transient, lost on restart',
  unreplicatedOnFailover: 'unreplicated on failover',
  lostAfterAutoAck: 'auto-ack crash',
  linkLoss: 'link loss',
  partition: 'partition',
  producerCrash: 'producer crash (outbox)',
  expired: 'expired',
  filtered: 'filtered',
  unroutable: 'unroutable',
  returned: 'returned (mandatory)',
  rejected: 'rejected, no dead-letter target',
  maxlen: 'length limit',
  rejectPublish: 'reject-publish',
  delivery_limit: 'delivery limit',
  deadLetterCycle: 'dead-letter cycle',
  subscriberOffline: 'subscriber offline',
  lateReply: 'late reply',
  unmatchedReply: 'unmatched reply',
  deduplicated: 'deduplicated (FIFO)',
  invalidFifoPublish: 'invalid FIFO send',
  accessRefused: 'access refused (403)',
  corrupt: 'corrupt (checksum)',
  callFailed: 'synchronous call failed',
} satisfies Record<DropReason, string>;

export const GUARANTEES: Record<Guarantee, { label: string; tone: 'ok' | 'info' | 'warn' | 'danger'; meaning: string }> = {
  'exactly-once': { label: 'exactly-once', tone: 'ok', meaning: 'nothing lost, nothing processed twice' },
  'at-least-once': { label: 'at-least-once', tone: 'info', meaning: 'nothing lost, but some messages processed more than once' },
  'at-most-once': { label: 'at-most-once', tone: 'warn', meaning: 'nothing processed twice, but some messages lost' },
  none: { label: 'none', tone: 'danger', meaning: 'messages lost and others processed more than once' },
};

export interface AuditRow { key: string; label: string; value: number; title?: string }
export interface LossRow { reason: string; label: string; detail: string; value: number }
/** A guarantee as shown: its word, its tone and what it means. */
export interface GuaranteeShown { guarantee: Guarantee; guaranteeLabel: string; tone: string; meaning: string }
export interface ConsumerRow extends GuaranteeShown {
  id: string; label: string; processed: number; duplicates: number; skippedDuplicates: number; lost: number; outOfOrder: number;
}
/** A group of competing consumers (EIP Competing Consumers): its figures count each message once. */
export interface CompetingRow extends GuaranteeShown {
  key: string; label: string; queues: string; processed: number; duplicates: number; lost: number;
}

function shown(guarantee: Guarantee): GuaranteeShown {
  const g = GUARANTEES[guarantee] ?? GUARANTEES.none;
  return { guarantee, guaranteeLabel: g.label, tone: g.tone, meaning: g.meaning };
}
export interface AuditView { totals: AuditRow[]; losses: LossRow[]; consumers: ConsumerRow[]; competing: CompetingRow[] }

/** The audit as rows; `labels` maps node ids to the names shown on the canvas. */
export function auditView(audit: Audit, labels: Readonly<Record<string, string>> = {}): AuditView {
  const totals: AuditRow[] = [
    { key: 'produced', label: 'produced', value: audit.produced, title: 'Every message copy that existed, retries included' },
    { key: 'deliveredOnce', label: 'delivered once, per consumer', value: audit.deliveredOnce, title: 'Messages a consumer got exactly once, counted per consumer and summed: a message redelivered to another consumer counts for each, so this can exceed produced' },
    { key: 'deliveredMoreThanOnce', label: 'delivered more than once, per consumer', value: audit.deliveredMoreThanOnce, title: 'Messages a consumer got more than once (redeliveries, publisher retries), counted per consumer and summed' },
    { key: 'duplicates', label: 'processed more than once', value: audit.duplicates, title: 'Distinct messages some consumer processed twice or more: duplicates' },
    { key: 'lost', label: 'lost', value: audit.lost, title: 'Message copies that left the system without being processed (by reason below); a publish refused with a nack counts here even when the publisher\'s retry got through' },
    // Shown only when there are some: otherwise the run's dropped figure is the lost one plus the drops that are no loss by their reason.
    ...(audit.droppedAfterProcessing > 0 ? [{ key: 'droppedAfterProcessing', label: 'dropped after processing', value: audit.droppedAfterProcessing, title: 'Copies dropped (in the run\'s dropped figures) whose message the consumers it was on its way to had processed, before or after: no loss. E.g. a requeued copy lost on a restart while the first delivery was processed and its ack failed' }] : []),
    { key: 'deadLettered', label: 'in dead-letter queues', value: audit.deadLettered, title: 'Copies resting in a queue after being dead-lettered. A queue\'s own dead-lettered count is of what it sent to its dead-letter target: those lost on the way (a partition, a crash) are there, not here' },
    { key: 'outOfOrder', label: 'out of order', value: audit.outOfOrder, title: 'Processed after a later message of the same producer and ordering key' },
  ];
  const losses = Object.entries(audit.lostByReason)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]): LossRow => ({ reason, label: LOSS_LABELS[reason] ?? reason, detail: DROP_REASONS[reason] ?? reason, value: n ?? 0 }))
    .sort((a, b) => b.value - a.value || a.reason.localeCompare(b.reason));
  const consumers = Object.entries(audit.consumers).map(([id, c]): ConsumerRow => ({
    id, label: labels[id] || id, processed: c.processed, duplicates: c.duplicates, skippedDuplicates: c.skippedDuplicates,
    lost: c.lost, outOfOrder: c.outOfOrder, ...shown(c.guarantee),
  }));
  const named = (ids: readonly string[]) => ids.map((id) => labels[id] || id).join(', ');
  const competing = audit.competing.map((c): CompetingRow => ({
    key: c.consumers.join(','), label: named(c.consumers), queues: named(c.queues), processed: c.processed, duplicates: c.duplicates,
    lost: c.lost, ...shown(c.guarantee),
  }));
  return { totals, losses, consumers, competing };
}
