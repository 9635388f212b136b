import { formatClock } from '../run/formatTime';
import { useTelemetryStore } from '../run/telemetryStore';
import { NodeTable } from './NodeTable';
import { PatternTables } from './PatternTables';
import { DROP_REASONS, LATENCY_KEYS, TOTAL_ROWS, balance, formatNumber } from './summaryModel';

/** A number with its exact value in data-value, for tests and copy/paste. */
export function Num({ value, testId }: { value: number; testId: string }) {
  return <span className="num" data-testid={testId} data-value={String(value)}>{formatNumber(value)}</span>;
}

/** Summary tab: the same totals as the CLI report, the balance check, latency and per-node counters. */
export function SummaryPanel() {
  const snapshot = useTelemetryStore((s) => s.snapshot);
  if (!snapshot) return <p className="dock-empty">No run yet. Press Play or Step.</p>;
  const m = snapshot.messages;
  const b = balance(m);
  const ok = b.sourcesOk && b.outcomesOk && b.dropsOk;
  return (
    <div className="summary" data-testid="summary">
      <section>
        <h4>Messages</h4>
        <p className={ok ? 'summary-balance ok' : 'summary-balance bad'} data-testid="summary-balance" data-ok={String(ok)}>
          {ok ? '✓' : '✗'} produced {formatNumber(m.produced)} = acked + queued + in flight + dead-lettered + dropped ({formatNumber(b.accounted)})
          {!b.sourcesOk && ' · published + copies + forwarded + retried does not match produced'}
          {!b.dropsOk && ' · drops by reason do not add up'}
        </p>
        <table className="summary-totals"><tbody>
          {TOTAL_ROWS.map((r) => (
            <tr key={r.key}><th>{r.label}</th><td><Num value={m[r.key]} testId={`summary-${r.key}`} /></td></tr>
          ))}
          {Object.entries(m.droppedByReason).map(([reason, n]) => (
            <tr key={reason} className="summary-sub"><th title={DROP_REASONS[reason] ?? reason}>dropped: {reason}</th><td><Num value={n ?? 0} testId={`summary-dropped-${reason}`} /></td></tr>
          ))}
        </tbody></table>
      </section>
      <section>
        <h4>Run</h4>
        <table className="summary-totals"><tbody>
          <tr><th>seed</th><td><Num value={snapshot.seed} testId="summary-seed" /></td></tr>
          <tr><th>simulated time</th><td><span data-testid="summary-time" data-value={String(snapshot.timeMs)}>{formatClock(snapshot.timeMs)}</span></td></tr>
          <tr><th>events</th><td><Num value={snapshot.events} testId="summary-events" /></td></tr>
        </tbody></table>
        <h4>End-to-end latency (ms)</h4>
        <table className="summary-totals"><tbody>
          {LATENCY_KEYS.map((k) => (
            <tr key={k}><th>{k}</th><td><Num value={snapshot.latencyMs[k]} testId={`summary-latency-${k}`} /></td></tr>
          ))}
        </tbody></table>
      </section>
      <section className="summary-nodes">
        <PatternTables snapshot={snapshot} />
        <h4>Nodes</h4>
        <NodeTable snapshot={snapshot} />
      </section>
    </div>
  );
}
