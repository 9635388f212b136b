import { useForm } from '../form';
import type { Path } from '../paths';

export interface Target { id: string; label: string }

/** A multi-select among the nodes a router is connected to; ids no longer connected stay listed so they can be removed. */
export function TargetPicker({ path, targets, label }: { path: Path; targets: readonly Target[]; label: string }) {
  const form = useForm();
  const chosen = (form.get(path) ?? []) as string[];
  const stale = chosen.filter((id) => !targets.some((t) => t.id === id)).map((id) => ({ id, label: `${id} (not connected)` }));
  const toggle = (id: string, on: boolean) => form.set(path, on ? [...chosen, id] : chosen.filter((c) => c !== id));
  const errors = form.errorsAt(path, true);
  return (
    <div className="field" role="group" aria-label={label}>
      <span className="field-label">{label}</span>
      {targets.length === 0 && stale.length === 0 && <p className="field-hint">Draw edges from this router first; its targets show here.</p>}
      <div className="target-list">
        {[...targets, ...stale].map((t) => (
          <label key={t.id}>
            <input type="checkbox" checked={chosen.includes(t.id)} data-path={`${path.join('.')}:${t.id}`}
              onChange={(e) => toggle(t.id, e.target.checked)} />
            {t.label}
          </label>
        ))}
      </div>
      {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}
