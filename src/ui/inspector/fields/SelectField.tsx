import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';

export interface Choice { value: string; label: string }

interface SelectFieldProps {
  path: Path;
  label: string;
  choices: readonly Choice[];
  hint?: string;
  broker?: string;
  /** Replaces the default "set this value" (e.g. a type switch that rebuilds the whole object). */
  onChoose?: (value: string) => void;
  /** For an optional field: the label of a first choice that removes the key (e.g. "default: drop-head"). */
  unset?: string;
}

export function SelectField({ path, label, choices, hint, broker, onChoose, unset }: SelectFieldProps) {
  const form = useForm();
  const value = String(form.get(path) ?? '');
  const choose = (next: string) => {
    if (onChoose) onChoose(next);
    else form.set(path, next === '' && unset !== undefined ? undefined : next);
  };
  return (
    <Field label={label} hint={hint} broker={broker} errors={form.errorsAt(path)}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} className="input" value={value} aria-invalid={invalid} aria-describedby={describedBy}
          data-path={path.join('.')} onChange={(e) => choose(e.target.value)}>
          {unset !== undefined && <option value="">{unset}</option>}
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      )}
    </Field>
  );
}
