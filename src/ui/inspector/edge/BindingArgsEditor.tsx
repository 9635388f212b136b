import { useForm } from '../form';
import type { Path } from '../paths';

type Value = string | number | boolean | null;

/** "42" and "true" are read as such, like message headers. */
function readValue(text: string): Value {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Headers-exchange binding arguments: name = value, or "present only" (null: the header just has to exist). */
export function BindingArgsEditor({ path }: { path: Path }) {
  const form = useForm();
  const args = (form.get(path) ?? {}) as Record<string, Value>;
  const entries = Object.entries(args);
  const write = (next: [string, Value][]) => form.set(path, next.length === 0 ? undefined : Object.fromEntries(next));
  const update = (i: number, name: string, value: Value) => write(entries.map((e, j) => (j === i ? [name, value] : e)));
  const fresh = () => { let n = entries.length + 1; while (`header-${n}` in args) n++; return `header-${n}`; };
  return (
    <div className="field">
      <span className="field-label">Binding arguments</span>
      {form.errorsAt(path, true).map((e) => <p key={e} className="field-errors" data-testid="field-error">{e}</p>)}
      {entries.length === 0 && <p className="field-hint">No arguments: with x-match all, every message matches.</p>}
      <ul className="key-list">
        {entries.map(([name, value], i) => (
          <li key={i} className="key-row">
            <div className="key-row-inputs">
              <input className="input mono" aria-label={`Argument ${i + 1} name`} value={name} data-path={`${path.join('.')}.${i}.name`}
                onChange={(e) => update(i, e.target.value, value)} />
              <input className="input mono" aria-label={`Argument ${i + 1} value`} value={value === null ? '' : String(value)}
                placeholder={value === null ? '(present)' : ''} disabled={value === null} data-path={`${path.join('.')}.${i}.value`}
                onChange={(e) => update(i, name, readValue(e.target.value))} />
              <label className="present-toggle" title="Match when the header is present, whatever its value">
                <input type="checkbox" checked={value === null} aria-label={`Argument ${i + 1} present only`}
                  onChange={(e) => update(i, name, e.target.checked ? null : '')} />
                present
              </label>
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove argument ${name}`}
                onClick={() => write(entries.filter((_, j) => j !== i))}>×</button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={() => write([...entries, [fresh(), '']])}>+ Add argument</button>
    </div>
  );
}
