import { useDocumentStore } from '../document/documentStore';
import { formatClock } from './formatTime';
import { useRunStore } from './runStore';

/** Simulated clock, events so far and progress against the scenario's duration. */
export function RunClock() {
  const timeMs = useRunStore((s) => s.timeMs);
  // Before anything is loaded the run has no duration of its own: the document's is the one Play will run.
  const loaded = useRunStore((s) => s.loaded);
  const runDurationMs = useRunStore((s) => s.durationMs);
  const documentDurationMs = useDocumentStore((s) => s.scenario.durationMs);
  const durationMs = loaded ? runDurationMs : documentDurationMs;
  const events = useRunStore((s) => s.events);
  const fraction = durationMs > 0 ? Math.min(1, timeMs / durationMs) : 0;
  return (
    <div className="run-clock" title={`${events} events processed`}>
      <span data-testid="run-clock" className="run-clock-time">{formatClock(timeMs)}</span>
      <progress data-testid="run-progress" max={1} value={fraction} aria-label="Progress of the run" />
      <span className="run-clock-duration" data-testid="run-duration">/ {formatClock(durationMs)}</span>
      <span data-testid="run-events" data-events={events} className="run-clock-events">{events.toLocaleString('en-US')} ev</span>
    </div>
  );
}
