import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';

export interface Choice { value: string; label: string }

interface SelectFieldProps {
  path: Path;
  label: string;
  choices: readonly Choice[];
  hint?: string;
  /** Replaces the default "set this value" (e.g. a type switch that rebuilds the whole object). */
  onChoose?: (value: string) => void;
}

export function SelectField({ path, label, choices, hint, onChoose }: SelectFieldProps) {
  const form = useForm();
  const value = String(form.get(path) ?? '');
  return (
    <Field label={label} hint={hint} errors={form.errorsAt(path)}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} className="input" value={value} aria-invalid={invalid} aria-describedby={describedBy}
          data-path={path.join('.')} onChange={(e) => (onChoose ? onChoose(e.target.value) : form.set(path, e.target.value))}>
          {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      )}
    </Field>
  );
}
