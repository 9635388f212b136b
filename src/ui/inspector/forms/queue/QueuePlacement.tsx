import type { QueueFlavor } from '../../../../schema/nodes/queue';
import { useDocumentStore } from '../../../document/documentStore';
import { NumberField } from '../../fields/NumberField';
import { useForm } from '../../form';

const PATH = ['config', 'brokers'] as const;

/**
 * Which brokers hold the queue, in order (the first leads): one hosts it; several replicate it, by Raft for
 * a quorum queue (A1.13), by asynchronous mirroring for a classic one.
 */
export function QueuePlacement({ flavor }: { flavor: QueueFlavor }) {
  const form = useForm();
  const brokers = useDocumentStore((s) => s.scenario.nodes.filter((n) => n.kind === 'broker').map((n) => `${n.id}\u0000${n.label ?? ''}`).join('\u0001'));
  const all = brokers === '' ? [] : brokers.split('\u0001').map((b) => { const [id = '', label = ''] = b.split('\u0000'); return { id, label: label || id }; });
  const chosen = (form.get(PATH) ?? []) as string[];
  const write = (next: string[]) => form.set(PATH, next.length === 0 ? undefined : next);
  const move = (i: number, by: number) => {
    const next = [...chosen];
    const [id] = next.splice(i, 1);
    next.splice(i + by, 0, id!);
    write(next);
  };
  const stale = chosen.filter((id) => !all.some((b) => b.id === id));
  const errors = form.errorsAt(PATH, true);
  const mode = chosen.length <= 1 ? null : flavor === 'quorum'
    ? `Raft over ${chosen.length}: a message is confirmed once ${Math.floor(chosen.length / 2) + 1} hold it; it survives ${Math.floor((chosen.length - 1) / 2)} broker failure${chosen.length > 4 ? 's' : ''}.`
    : `Mirrored to ${chosen.length - 1}: the leader confirms alone and copies later; what was not copied yet is lost on failover.`;
  return (
    <fieldset className="group" data-testid="queue-placement">
      <legend>Brokers</legend>
      {all.length === 0 && stale.length === 0 && <p className="field-hint">On the default broker. Add Broker nodes (palette: Broker) to place and replicate it.</p>}
      {chosen.length > 0 && (
        <ol className="key-list placement-list">
          {chosen.map((id, i) => (
            <li key={id} className="key-row-inputs placement-row" data-testid="placement-row">
              <span className="placement-name">{i === 0 ? '★ ' : ''}{all.find((b) => b.id === id)?.label ?? `${id} (missing)`}
                <span className="muted">{i === 0 ? (chosen.length > 1 ? ' leader at start' : ' host') : chosen.length > 1 ? (flavor === 'quorum' ? ' follower' : ' mirror') : ''}</span></span>
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Move ${id} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Move ${id} down`} disabled={i === chosen.length - 1} onClick={() => move(i, 1)}>↓</button>
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove ${id}`} onClick={() => write(chosen.filter((c) => c !== id))}>×</button>
            </li>
          ))}
        </ol>
      )}
      {all.some((b) => !chosen.includes(b.id)) && (
        <div className="target-list" role="group" aria-label="Add a broker">
          {all.filter((b) => !chosen.includes(b.id)).map((b) => (
            <label key={b.id}>
              <input type="checkbox" checked={false} data-path={`config.brokers:${b.id}`} onChange={() => write([...chosen, b.id])} />
              {b.label} <span className="muted mono">{b.label !== b.id ? b.id : ''}</span>
            </label>
          ))}
        </div>
      )}
      {mode && <p className="field-hint">{mode}<span className="field-broker">{flavor === 'quorum' ? 'A1.13 quorum queue replication' : 'async replication; not RabbitMQ ha-mode, which confirmed after every mirror'}</span></p>}
      {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      {flavor === 'classic' && chosen.length > 1 && (
        <NumberField path={['config', 'mirrorDelayMs']} label="Mirror delay" unit="ms" min={0} max={600_000} empty="unset" placeholder="5"
          hint="Time to copy a message to the mirrors; a failover loses what was not copied yet." broker="async replication lag (not a RabbitMQ setting)" />
      )}
    </fieldset>
  );
}
