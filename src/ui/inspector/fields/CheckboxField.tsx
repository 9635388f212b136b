import { useForm } from '../form';
import type { Path } from '../paths';
import { FieldHint } from './Field';

interface CheckboxFieldProps {
  path: Path;
  label: string;
  hint?: string;
  broker?: string;
  /** What an absent optional field means (shown checked or not; the key stays absent until clicked). */
  defaultValue?: boolean;
}

export function CheckboxField({ path, label, hint, broker, defaultValue = false }: CheckboxFieldProps) {
  const form = useForm();
  const errors = form.errorsAt(path);
  const value = form.get(path);
  const checked = value === undefined ? defaultValue : value === true;
  return (
    <div className="field field-check">
      <label>
        <input type="checkbox" checked={checked} data-path={path.join('.')} aria-invalid={errors.length > 0}
          onChange={(e) => form.set(path, e.target.checked)} />
        {label}
      </label>
      {(hint || broker) && errors.length === 0 && <FieldHint hint={hint} broker={broker} />}
      {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}
