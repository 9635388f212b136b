import { useForm } from '../form';
import type { Path } from '../paths';

export function CheckboxField({ path, label }: { path: Path; label: string }) {
  const form = useForm();
  const errors = form.errorsAt(path);
  return (
    <div className="field field-check">
      <label>
        <input type="checkbox" checked={form.get(path) === true} data-path={path.join('.')}
          onChange={(e) => form.set(path, e.target.checked)} />
        {label}
      </label>
      {errors.length > 0 && <ul className="field-errors">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}
