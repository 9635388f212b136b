import { useMemo } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { formatClock } from '../run/formatTime';
import { noneYet, useRunFinished } from '../run/runFinished';
import { useTelemetryStore } from '../run/telemetryStore';
import { auditView } from './auditModel';
import { CompetingTable } from './CompetingTable';
import { GuaranteeBadge } from './GuaranteeBadge';
import { Num } from './SummaryPanel';
import { formatNumber } from './summaryModel';
import { faultName, faultSpans, spanLasting } from '../faults/faultSpans';

/** Audit tab: what became of every message, why some were lost, and each consumer's delivery guarantee. */
export function AuditPanel() {
  const snapshot = useTelemetryStore((s) => s.snapshot);
  const finished = useRunFinished();
  const nodes = useDocumentStore((s) => s.scenario.nodes);
  const labels = useMemo(() => Object.fromEntries(nodes.map((n) => [n.id, n.label || n.id])), [nodes]);
  const audit = snapshot?.audit;
  const view = useMemo(() => (audit ? auditView(audit, labels) : null), [audit, labels]);
  const spans = useMemo(() => (audit ? faultSpans(audit.faults) : []), [audit]);
  const hasRequesters = nodes.some((n) => n.kind === 'requester');
  if (!snapshot) return <p className="dock-empty">No run yet. Press Play or Step; then crash something (right-click a node or an edge) and see what it costs.</p>;
  if (!view || !audit) return <p className="dock-empty">This run keeps no audit.</p>;
  return (
    <div className="audit" data-testid="audit">
      {audit.stoppedAtMs !== undefined && (
        <p className="audit-stopped" role="status" data-testid="audit-stopped" data-value={audit.stoppedAtMs}>
          The audit stopped following messages at <span className="mono">{formatClock(audit.stoppedAtMs)}</span>: it
          remembered {formatNumber(audit.idsRemembered ?? 0)} message ids, past its memory limit
          of {formatNumber(audit.idLimit ?? 0)}. Its figures are as of then;
          faults are still listed, and the Summary tab goes on. For a full audit of a long run, use the command line
          (<span className="mono">npm run sim</span>), which has no limit.
        </p>
      )}
      <section>
        <h4>Messages</h4>
        <table className="summary-totals"><tbody>
          {view.totals.map((r) => (
            <tr key={r.key}><th title={r.title}>{r.label}</th><td><Num value={r.value} testId={`audit-${r.key}`} /></td></tr>
          ))}
        </tbody></table>
      </section>
      <section>
        <h4>Lost, by reason</h4>
        {view.losses.length === 0 ? <p className="audit-none" data-testid="audit-no-losses">Nothing lost.</p> : (
          <table className="summary-totals"><tbody>
            {view.losses.map((l) => (
              <tr key={l.reason} data-testid="audit-loss" data-reason={l.reason}>
                <th title={l.detail}><span data-testid="audit-loss-label">{l.label}</span></th>
                <td><Num value={l.value} testId={`audit-lost-${l.reason}`} /></td>
              </tr>
            ))}
          </tbody></table>
        )}
        <h4 className="audit-faults-title">Faults</h4>
        {spans.length === 0 ? <p className="audit-none" data-testid="audit-no-faults">{noneYet(finished)}</p> : (
          <ul className="audit-faults" data-testid="audit-faults">
            {spans.map((s, i) => (
              // Two spans may share a start (a crash restarted at once, crashed again live at that instant): the index keeps keys apart.
              <li key={`${s.type}:${s.target}:${s.atMs}:${i}`}>
                <span className="mono">{formatClock(s.atMs)}</span> {faultName(s.type)} <strong>{labels[s.target] ?? s.target}</strong>
                {spanLasting(s)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="audit-consumers">
        <h4>Per consumer</h4>
        {view.consumers.length === 0 ? <p className="audit-none">No consumers.</p> : (
          <table className="summary-node-table audit-table"><thead>
            <tr><th>consumer</th><th>processed</th><th>duplicates</th><th>skipped dup.</th><th>lost</th><th>out of order</th><th>guarantee</th></tr>
          </thead><tbody>
            {view.consumers.map((c) => (
              <tr key={c.id} data-testid={`audit-consumer-${c.id}`}>
                <th>{c.label}</th>
                <td><Num value={c.processed} testId={`audit-${c.id}-processed`} /></td>
                <td><Num value={c.duplicates} testId={`audit-${c.id}-duplicates`} /></td>
                <td><Num value={c.skippedDuplicates} testId={`audit-${c.id}-skippedDuplicates`} /></td>
                <td><Num value={c.lost} testId={`audit-${c.id}-lost`} /></td>
                <td><Num value={c.outOfOrder} testId={`audit-${c.id}-outOfOrder`} /></td>
                <td><GuaranteeBadge shown={c} testId={`audit-${c.id}-guarantee`} /></td>
              </tr>
            ))}
          </tbody></table>
        )}
        {view.competing.length > 0 && <CompetingTable rows={view.competing} />}
        <p className="audit-note">Exactly-once: nothing lost, nothing processed twice. At-least-once: nothing lost. At-most-once: nothing twice.
          A consumer&apos;s losses count at the consumer and at the queues it reads{view.competing.length > 0 ? ': competing consumers each count every loss of the queue they share, so their rows do not add up; their group\'s row counts each message once' : ''}.</p>
        {hasRequesters && (
          <p className="audit-note" data-testid="audit-replies-note">Request–reply: this audit follows each request to the consumer
            that processes it; the replies are not audited here (a lost reply counts in lost, by reason). What became of each
            request, answered, timed out or late, is in the Summary tab&apos;s Requesters table.</p>
        )}
      </section>
    </div>
  );
}

