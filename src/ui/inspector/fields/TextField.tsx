import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';

interface TextFieldProps {
  path: Path;
  label: string;
  hint?: string;
  broker?: string;
  placeholder?: string;
  /** An empty box removes the key (for optional fields such as a label). */
  emptyRemoves?: boolean;
  multiline?: boolean;
  mono?: boolean;
}

export function TextField({ path, label, hint, broker, placeholder, emptyRemoves = false, multiline = false, mono = false }: TextFieldProps) {
  const form = useForm();
  const raw = form.get(path);
  const value = typeof raw === 'string' ? raw : '';
  const change = (next: string) => form.set(path, emptyRemoves && next === '' ? undefined : next);
  return (
    <Field label={label} hint={hint} broker={broker} errors={form.errorsAt(path)}>
      {({ inputId, describedBy, invalid }) => multiline ? (
        <textarea id={inputId} className="input" rows={3} value={value} placeholder={placeholder}
          aria-invalid={invalid} aria-describedby={describedBy} data-path={path.join('.')}
          onChange={(e) => change(e.target.value)} style={mono ? undefined : { fontFamily: 'inherit', fontSize: 13 }} />
      ) : (
        <input id={inputId} className={`input${mono ? ' mono' : ''}`} type="text" value={value} placeholder={placeholder}
          aria-invalid={invalid} aria-describedby={describedBy} data-path={path.join('.')} autoComplete="off"
          onChange={(e) => change(e.target.value)} />
      )}
    </Field>
  );
}
