import { useForm } from '../form';
import type { Path } from '../paths';

/** Header values are strings, numbers or booleans: "42" and "true" are read as such. */
function readValue(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export function HeadersEditor({ path }: { path: Path }) {
  const form = useForm();
  const headers = (form.get(path) ?? {}) as Record<string, string | number | boolean>;
  const entries = Object.entries(headers);
  const write = (next: [string, unknown][]) => form.set(path, Object.fromEntries(next));
  const fresh = () => { let n = entries.length + 1; while (`x-header-${n}` in headers) n++; return `x-header-${n}`; };
  return (
    <fieldset className="group">
      <legend>Headers</legend>
      {form.errorsAt(path, true).map((e) => <p key={e} className="field-errors">{e}</p>)}
      {entries.length === 0 && <p className="field-hint">No headers.</p>}
      <ul className="key-list">
        {entries.map(([name, value], i) => (
          <li key={i} className="key-row">
            <div className="key-row-inputs">
              <input className="input mono" aria-label={`Header ${i + 1} name`} value={name}
                onChange={(e) => write(entries.map(([n, v], j) => (j === i ? [e.target.value, v] : [n, v])))} />
              <input className="input mono" aria-label={`Header ${i + 1} value`} value={String(value)}
                onChange={(e) => write(entries.map(([n, v], j) => (j === i ? [n, readValue(e.target.value)] : [n, v])))} />
              <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove header ${name}`}
                onClick={() => write(entries.filter((_, j) => j !== i))}>×</button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={() => write([...entries, [fresh(), '']])}>+ Add header</button>
    </fieldset>
  );
}
