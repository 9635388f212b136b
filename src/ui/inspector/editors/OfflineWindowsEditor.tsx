import { useForm } from '../form';
import type { Path } from '../paths';

interface Window { fromMs: unknown; toMs: unknown }

const toNumber = (text: string): unknown => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** Periods when the consumer is offline: a list of from–to times in simulated ms. */
export function OfflineWindowsEditor({ path }: { path: Path }) {
  const form = useForm();
  const windows = (form.get(path) ?? []) as Window[];
  const write = (next: Window[]) => form.set(path, next);
  const add = () => {
    const last = windows[windows.length - 1];
    const from = typeof last?.toMs === 'number' ? last.toMs + 5000 : 5000;
    write([...windows, { fromMs: from, toMs: from + 5000 }]);
  };
  const listErrors = form.errorsAt(path);
  return (
    <fieldset className="group">
      <legend>Offline windows</legend>
      <p className="field-hint">While offline it takes nothing; unacked deliveries go back (manual ack) or are lost (auto-ack).
        <span className="field-broker">consumer disconnect / channel close</span></p>
      {listErrors.map((e) => <p key={e} className="field-errors">{e}</p>)}
      <ul className="key-list">
        {windows.map((w, i) => {
          const errors = form.errorsAt([...path, i], true);
          return (
            <li key={i} className="key-row" data-testid="offline-window">
              <div className="key-row-inputs">
                <input className="input input-number" aria-label={`Offline window ${i + 1} from (ms)`} inputMode="decimal"
                  value={String(w.fromMs ?? '')} data-path={[...path, i, 'fromMs'].join('.')} aria-invalid={errors.length > 0}
                  onChange={(e) => form.set([...path, i, 'fromMs'], toNumber(e.target.value))} />
                <span className="field-unit">to</span>
                <input className="input input-number" aria-label={`Offline window ${i + 1} to (ms)`} inputMode="decimal"
                  value={String(w.toMs ?? '')} data-path={[...path, i, 'toMs'].join('.')} aria-invalid={errors.length > 0}
                  onChange={(e) => form.set([...path, i, 'toMs'], toNumber(e.target.value))} />
                <span className="field-unit">ms</span>
                <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove offline window ${i + 1}`}
                  onClick={() => write(windows.filter((_, j) => j !== i))}>×</button>
              </div>
              {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-small" onClick={add}>+ Add offline window</button>
    </fieldset>
  );
}
