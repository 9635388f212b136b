import type { NodeKind } from '../../../schema';
import { useDocumentStore } from '../../document/documentStore';
import { useForm } from '../form';
import type { Path } from '../paths';

/** Node kinds that act as clients: they publish (producers, consumers publishing on, requesters, aggregators) or consume. */
export const PUBLISHERS: readonly NodeKind[] = ['producer', 'consumer', 'requester', 'aggregator'];
export const CONSUMERS: readonly NodeKind[] = ['consumer', 'requester'];

interface PermissionListProps {
  /** The list in the document: null is everyone, an array is only those clients. */
  path: Path;
  label: string;
  kinds: readonly NodeKind[];
  /** What a refused attempt does, for the hint. */
  refused: string;
  /** Writes the list (the caller keeps the sibling list and removes the object when both are null). */
  onChange: (next: string[] | null) => void;
}

/** The clients of the given kinds, as "label (id)", plus any chosen id that no longer names one. */
function useClients(kinds: readonly NodeKind[]): { id: string; label: string }[] {
  const key = useDocumentStore((s) => s.scenario.nodes.filter((n) => kinds.includes(n.kind))
    .map((n) => `${n.id}\u0001${n.label ? `${n.label} (${n.id})` : n.id} · ${n.kind}`).join('\u0000'));
  return key === '' ? [] : key.split('\u0000').map((row) => {
    const [id, label] = row.split('\u0001') as [string, string];
    return { id, label };
  });
}

/**
 * One permission (publish or consume) as a multi-select of client nodes. "Everyone" is RabbitMQ's `.*`
 * permission; a chosen list restricts it, and a client not on it is refused with 403 ACCESS_REFUSED.
 */
export function PermissionList({ path, label, kinds, refused, onChange }: PermissionListProps) {
  const form = useForm();
  const value = form.get(path);
  const chosen = Array.isArray(value) ? (value as string[]) : null;
  const clients = useClients(kinds);
  const stale = (chosen ?? []).filter((id) => !clients.some((c) => c.id === id)).map((id) => ({ id, label: `${id} (no such client)` }));
  const errors = form.errorsAt(path, true);
  const name = path.join('.');
  return (
    <div className="field" role="group" aria-label={label}>
      <span className="field-label">{label}</span>
      <div className="target-list">
        <label>
          <input type="checkbox" checked={chosen === null} data-path={`${name}:everyone`}
            onChange={(e) => onChange(e.target.checked ? null : [])} />
          Everyone
        </label>
        {chosen !== null && [...clients, ...stale].map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={chosen.includes(c.id)} data-path={`${name}:${c.id}`}
              onChange={(e) => onChange(e.target.checked ? [...chosen, c.id] : chosen.filter((x) => x !== c.id))} />
            {c.label}
          </label>
        ))}
      </div>
      {chosen !== null && clients.length === 0 && <p className="field-hint">No client nodes yet: nobody may.</p>}
      {chosen !== null && <p className="field-hint">Only the ticked clients may; any other is {refused}.</p>}
      {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}

type Lists = Record<string, string[] | null>;

/**
 * The permissions object after one list changed: each list null means everyone; when every list is back
 * to null the optional object goes (undefined), so an unrestricted node stays plain.
 */
export function nextPermissions(current: Lists | null | undefined, lists: readonly string[], which: string, next: string[] | null): Lists | undefined {
  const merged: Lists = Object.fromEntries(lists.map((l) => [l, current?.[l] ?? null]));
  merged[which] = next;
  return lists.every((l) => merged[l] === null) ? undefined : merged;
}

/** Whose rule each set of lists mirrors. */
const PERMISSIONS_BROKER: Record<string, string> = {
  publish: 'RabbitMQ write permission on the exchange',
  consume: 'RabbitMQ read permission on the queue (publishing is checked against the exchange, not the queue)',
  'publish,consume': 'SQS queue policy: SendMessage / ReceiveMessage',
};

/** The permissions of a queue (consume; publish too on SQS) or an exchange (publish). */
export function PermissionsEditor({ lists }: { lists: readonly ('publish' | 'consume')[] }) {
  const form = useForm();
  const base = ['config', 'permissions'];
  const current = (form.get(base) ?? null) as Lists | null;
  const set = (which: string, next: string[] | null) => form.set(base, nextPermissions(current, lists, which, next));
  return (
    <fieldset className="group">
      <legend>Permissions</legend>
      {lists.includes('publish') && (
        <PermissionList path={[...base, 'publish']} label="May publish" kinds={PUBLISHERS} onChange={(n) => set('publish', n)}
          refused="refused (403 ACCESS_REFUSED; counted as refused, the message dropped as accessRefused)" />
      )}
      {lists.includes('consume') && (
        <PermissionList path={[...base, 'consume']} label="May consume" kinds={CONSUMERS} onChange={(n) => set('consume', n)}
          refused="refused when it subscribes or receives (403 ACCESS_REFUSED; counted as refused)" />
      )}
      <p className="field-hint">
        <span className="field-broker">{PERMISSIONS_BROKER[lists.join(',')] ?? ''}</span>
      </p>
    </fieldset>
  );
}
