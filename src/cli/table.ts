import type { AuditFault, LatencySummary, NodeReport } from '../engine';
import { COUNTER_FIGURES, KIND_DETAIL_FIGURES, LOSS_FIGURE_GROUPS } from '../lessons/nodeFigures';
import { columns, formatNumber, type Align } from './format';
import { patternLines } from './patternTable';
import { accountedFor, type Report } from './report';

/**
 * The node table's columns: the counters most nodes have, then losses to faults only when some node had one
 * (most runs have no outage, and a column of zeros on every table would hide the counters). Their names are
 * the app Summary's (src/lessons/nodeFigures.ts); each loss group shows together, as the point is to tell its
 * figures apart (A1.6, A1.13).
 */
const NODE_COLUMNS = COUNTER_FIGURES.map((f): [key: string, header: string] => [f.field, f.label]);
const LOSS_COLUMNS = LOSS_FIGURE_GROUPS.map((group) => group.map((f): [key: string, header: string] => [f.field, f.label]));
/** The string field that qualifies each kind, shown next to it: "exchange (topic)". */
const KIND_DETAIL = KIND_DETAIL_FIGURES.map((f) => f.field);

function headerLines(report: Report): string[] {
  return [
    `Scenario: ${report.scenario}`,
    `Seed ${report.seed} · ${formatNumber(report.simulatedSeconds)} simulated seconds · ${report.events} events`,
  ];
}

function messageLines(report: Report): string[] {
  const m = report.messages;
  const reasons = Object.entries(m.droppedByReason).map(([r, n]) => `${r} ${n}`).join(', ');
  const total = accountedFor(m);
  const check = total === m.produced
    ? `✓ acked + queued + in flight + dead-lettered + dropped = ${total} = produced`
    : `✗ acked + queued + in flight + dead-lettered + dropped = ${total}, but produced = ${m.produced} (off by ${total - m.produced})`;
  const rows = [
    ['produced', String(m.produced), `published ${m.published} + routed copies ${m.routedCopies} + forwarded ${m.forwarded}${m.retried ? ` + retried ${m.retried}` : ''}`],
    ['acked', String(m.acked), ''],
    ['queued', String(m.queued), ''],
    ['in flight', String(m.inFlight), ''],
    ['dead-lettered', String(m.deadLettered), ''],
    ['dropped', String(m.dropped), reasons],
  ];
  return ['Messages', ...columns(rows, ['left', 'right', 'left']), `  ${check}`];
}

function latencyLines(title: string, s: LatencySummary): string[] {
  const cells = [s.mean, s.p50, s.p95, s.p99, s.max].map((v) => formatNumber(v, 2));
  const table = columns([['samples', 'mean', 'p50', 'p95', 'p99', 'max'], [String(s.count), ...cells]], ['right', 'right', 'right', 'right', 'right', 'right']);
  return [title, ...table];
}

function kindCell(node: NodeReport): string {
  const detail = KIND_DETAIL.map((k) => node[k]).find((v) => typeof v === 'string');
  return detail === undefined ? node.kind : `${node.kind} (${detail})`;
}

function nodeLines(report: Report): string[] {
  const nodes = Object.entries(report.nodes);
  const used = [
    ...NODE_COLUMNS.filter(([key]) => nodes.some(([, n]) => typeof n[key] === 'number')),
    ...LOSS_COLUMNS.filter((group) => group.some(([key]) => nodes.some(([, n]) => typeof n[key] === 'number' && n[key] !== 0))).flat(),
  ];
  const header = ['node', 'kind', ...used.map(([, h]) => h)];
  const rows = nodes.map(([id, node]) => [id, kindCell(node), ...used.map(([key]) => {
    const v = node[key];
    return typeof v === 'number' ? formatNumber(v) : '';
  })]);
  const align: Align[] = ['left', 'left', ...used.map((): Align => 'right')];
  return ['Nodes', ...columns([header, ...rows], align)];
}

/**
 * A fault of the audit in words, from its start to its real end: "crash c at 2s–3s", "crash c at 4s–4.5s (restarted)",
 * "crash c at 2s–2s (restarted at once)" (Crash, then Restart, in a paused run), "crash c at 5s" (until the end),
 * "restart c at 4.5s" (a heal of a crash is a restart, src/schema/faults.ts), "poison p at 1s".
 */
export function faultWords(f: AuditFault): string {
  const what = f.type !== 'heal' ? f.type : f.of === 'crash' ? 'restart' : `heal ${f.of}`;
  const end = f.healedAtMs ?? f.endMs;
  // A poison burst and a heal end where they start: an instant, no span. A fault healed at its start lasted 0 ms: it has one.
  const span = end === null || (end === f.atMs && f.healedAtMs === undefined) ? '' : `–${end / 1000}s`;
  const healed = f.healedAtMs === undefined ? '' : ` (${f.type === 'crash' ? 'restarted' : 'healed'}${f.healedAtMs === f.atMs ? ' at once' : ''})`;
  return `${what} ${f.target} at ${f.atMs / 1000}s${span}${healed}`;
}

/** The delivery-guarantee audit: what each consumer achieved. */
function auditLines(report: Report): string[] {
  const a = report.audit;
  if (!a) return [];
  const faults = a.faults.map(faultWords).join(', ');
  const header = ['consumer', 'processed', 'duplicates', 'skipped dup', 'lost', 'out of order', 'guarantee'];
  const rows = Object.entries(a.consumers).map(([id, c]) => [id, String(c.processed), String(c.duplicates), String(c.skippedDuplicates), String(c.lost), String(c.outOfOrder), c.guarantee]);
  return [
    'Delivery-guarantee audit',
    `  delivered once ${a.deliveredOnce} · more than once ${a.deliveredMoreThanOnce} (per consumer, summed) · duplicates processed ${a.duplicates} · out of order ${a.outOfOrder} · lost ${a.lost}${a.droppedAfterProcessing > 0 ? ` (and ${a.droppedAfterProcessing} dropped after processing: no loss)` : ''} · dead-lettered ${a.deadLettered}`,
    ...(faults ? [`  faults: ${faults}`] : []),
    ...(rows.length > 0 ? columns([header, ...rows], ['left', 'right', 'right', 'right', 'right', 'right', 'left']).map((l) => `  ${l}`) : []),
    ...a.competing.map((g) => `  competing ${g.consumers.join(', ')} on ${g.queues.join(', ')}: processed ${g.processed} · duplicates ${g.duplicates} · lost ${g.lost} · ${g.guarantee} (each message once; a consumer's row counts every loss at the queues it shares)`),
  ];
}

/** The human-readable summary printed without --json. */
export function formatSummary(report: Report): string {
  return [
    ...headerLines(report), '',
    ...messageLines(report), '',
    ...latencyLines('End-to-end latency, publish → ack (ms)', report.latencyMs), '',
    ...latencyLines('Queue wait, enqueue → delivery (ms)', report.queueWaitMs), '',
    ...nodeLines(report),
    ...patternLines(report.nodes),
    ...(report.audit ? ['', ...auditLines(report)] : []),
  ].join('\n') + '\n';
}
