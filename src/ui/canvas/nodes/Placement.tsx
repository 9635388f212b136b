import { useDocumentStore } from '../../document/documentStore';
import { useTelemetryStore } from '../../run/telemetryStore';

/**
 * Where a queue or an exchange lives: "b1★ · b2 · b3", its brokers in order with the current leader starred
 * (a replicated queue's leader comes from the latest report; before a run, and for one broker, the first
 * leads) and brokers that are down struck through. Nothing when it sits on the default broker.
 */
export function Placement({ brokers, leader }: { brokers: readonly string[]; leader?: string | null }) {
  const labels = useDocumentStore((s) => brokers.map((id) => s.scenario.nodes.find((n) => n.id === id)?.label || id).join('\u0000')).split('\u0000');
  const down = useTelemetryStore((s) => brokers.filter((id) => (s.nodeLive[id]?.offline ?? 0) > 0).join('\u0000')).split('\u0000');
  if (brokers.length === 0) return null;
  const lead = leader === undefined || leader === null ? brokers[0] : leader;
  return (
    <div className="bl-placement" data-testid="placement" data-leader={lead ?? ''}
      title={brokers.length > 1 ? 'Replicas, leader starred (★); struck through: down' : 'Hosted on this broker'}>
      {brokers.map((id, i) => (
        <span key={id} style={{ display: 'contents' }}>
          {i > 0 && <span className="bl-placement-sep">·</span>}
          <span className={`bl-placement-broker${id === lead ? ' leader' : ''}${down.includes(id) ? ' down' : ''}`}
            data-testid={`placement-${id}`} data-leader={id === lead}>
            {labels[i]}{id === lead && brokers.length > 1 ? '★' : ''}
          </span>
        </span>
      ))}
      {lead === '' && brokers.length > 1 && <span className="bl-placement-sep" data-testid="placement-no-leader">no leader</span>}
    </div>
  );
}
