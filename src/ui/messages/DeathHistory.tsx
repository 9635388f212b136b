import type { Death } from '../../engine/api';
import { DEATH_REASONS, formatSimTime } from './describeMessage';

/** A message's x-death entries, most recent first as RabbitMQ keeps them (semantics.md A1.9). */
export function DeathHistory({ deaths }: { deaths: readonly Death[] }) {
  return (
    <table className="message-table" data-testid="death-history">
      <thead><tr><th>queue</th><th>reason</th><th>count</th><th>first time</th><th>exchange</th><th>routing keys</th></tr></thead>
      <tbody>
        {deaths.map((d, i) => (
          <tr key={`${d.queue}-${d.reason}-${i}`} data-testid="death-entry">
            <td className="mono" data-testid="death-queue">{d.queue}</td>
            <td data-testid="death-reason" data-reason={d.reason} title={DEATH_REASONS[d.reason]}>{d.reason}</td>
            <td className="num" data-testid="death-count">{d.count}</td>
            <td className="num">{formatSimTime(d.timeMs)}</td>
            <td className="mono">{d.exchange || <span className="muted">(default)</span>}</td>
            <td className="mono">{d.routingKeys.map((k) => k || '(empty)').join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
