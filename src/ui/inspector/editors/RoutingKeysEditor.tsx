import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';
import type { Path } from '../paths';

type Pick = 'cycle' | 'random' | 'weighted';
interface Weighted { key: string; weight: number }

/** Keys kept across a change of how they are picked. */
export function switchPick(current: unknown, pick: string) {
  const c = (current ?? {}) as { keys?: unknown[] };
  const keys = (c.keys ?? ['']).map((k) => (typeof k === 'object' && k !== null ? String((k as Weighted).key ?? '') : String(k)));
  if (pick === 'weighted') return { pick: 'weighted', keys: keys.map((key) => ({ key, weight: 1 })) };
  return { pick: pick === 'random' ? 'random' : 'cycle', keys };
}

function KeyRow({ path, index, weighted, removable }: { path: Path; index: number; weighted: boolean; removable: boolean }) {
  const form = useForm();
  const keys = form.get(path) as unknown[];
  const keyPath = weighted ? [...path, index, 'key'] : [...path, index];
  const errors = form.errorsAt([...path, index], true);
  const remove = () => form.set(path, keys.filter((_, i) => i !== index));
  return (
    <li className="key-row">
      <div className="key-row-inputs">
        <input className="input mono" aria-label={`Routing key ${index + 1}`} value={String(form.get(keyPath) ?? '')}
          placeholder="(empty key)" aria-invalid={errors.length > 0} data-path={keyPath.join('.')}
          onChange={(e) => form.set(keyPath, e.target.value)} />
        {weighted && (
          <input className="input input-weight" aria-label={`Weight of key ${index + 1}`} inputMode="decimal"
            value={String(form.get([...path, index, 'weight']) ?? '')} data-path={[...path, index, 'weight'].join('.')}
            onChange={(e) => form.set([...path, index, 'weight'], Number.isFinite(Number(e.target.value)) && e.target.value !== '' ? Number(e.target.value) : e.target.value)} />
        )}
        <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove key ${index + 1}`} disabled={!removable} onClick={remove}>×</button>
      </div>
      {errors.length > 0 && <ul className="field-errors">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </li>
  );
}

/** The routing keys a producer stamps on its messages, and how it picks among them. */
export function RoutingKeysEditor({ path }: { path: Path }) {
  const form = useForm();
  const pick = form.get([...path, 'pick']) as Pick;
  const keysPath = [...path, 'keys'];
  const keys = (form.get(keysPath) as unknown[] | undefined) ?? [];
  const weighted = pick === 'weighted';
  const add = () => form.set(keysPath, [...keys, weighted ? { key: '', weight: 1 } : '']);
  return (
    <fieldset className="group">
      <legend>Routing keys</legend>
      <SelectField path={[...path, 'pick']} label="Pick" onChoose={(p) => form.set(path, switchPick(form.get(path), p))}
        choices={[{ value: 'cycle', label: 'In order, cycling' }, { value: 'random', label: 'At random' }, { value: 'weighted', label: 'Weighted' }]} />
      {form.errorsAt(path).concat(form.errorsAt(keysPath)).map((e) => <p key={e} className="field-errors">{e}</p>)}
      <ul className="key-list" aria-label="Routing keys">
        {keys.map((_, i) => <KeyRow key={i} path={keysPath} index={i} weighted={weighted} removable={keys.length > 1} />)}
      </ul>
      <button type="button" className="btn btn-small" onClick={add}>+ Add key</button>
      <p className="field-hint">Topic keys are dot-separated words, e.g. <code>order.eu.created</code>.</p>
    </fieldset>
  );
}
