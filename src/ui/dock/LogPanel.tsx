import { formatClock } from '../run/formatTime';
import { useRunStore } from '../run/runStore';

/** Run events (load, play, pause, step, reset, speed, faults live and scheduled, finished, errors) with the simulated time. */
export function LogPanel() {
  const log = useRunStore((s) => s.log);
  if (log.length === 0) return <p className="dock-empty">Nothing has happened yet. Press Play.</p>;
  return (
    <ol className="dock-log" data-testid="run-log">
      {log.slice().reverse().map((e) => (
        <li key={e.id} className={`dock-log-${e.kind}`} data-kind={e.kind}>
          <time>{formatClock(e.timeMs)}</time> <span>{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
