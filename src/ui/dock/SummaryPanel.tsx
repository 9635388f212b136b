import { useTelemetryStore } from '../run/telemetryStore';

/** Summary tab: the same totals as the CLI report. */
export function SummaryPanel() {
  const snapshot = useTelemetryStore((s) => s.snapshot);
  if (!snapshot) return <p className="dock-empty">No run yet. Press Play or Step.</p>;
  return <pre data-testid="summary-raw">{JSON.stringify(snapshot.messages, null, 2)}</pre>;
}
