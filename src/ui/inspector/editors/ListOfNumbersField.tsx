import { useState } from 'react';
import { Field } from '../fields/Field';
import { useForm } from '../form';
import type { Path } from '../paths';

const toText = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');

/** "5, 10, 20" → [5, 10, 20]; a token that is not a number goes as typed so its error can quote it. */
function parse(text: string): unknown[] {
  return text.split(/[\s,;]+/).filter(Boolean).map((t) => (Number.isFinite(Number(t)) ? Number(t) : t));
}

export function ListOfNumbersField({ path, label, unit }: { path: Path; label: string; unit: string }) {
  const form = useForm();
  const value = form.get(path);
  const [text, setText] = useState(toText(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (JSON.stringify(parse(text)) !== JSON.stringify(value)) setText(toText(value));
  }
  return (
    <Field label={label} unit={unit} hint="Separated by commas or spaces" errors={form.errorsAt(path, true)}>
      {({ inputId, describedBy, invalid }) => (
        <input id={inputId} className="input mono" value={text} aria-invalid={invalid} aria-describedby={describedBy}
          data-path={path.join('.')} onChange={(e) => { setText(e.target.value); form.set(path, parse(e.target.value)); }} />
      )}
    </Field>
  );
}
