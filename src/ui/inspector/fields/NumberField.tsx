import { useState, type KeyboardEvent } from 'react';
import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';
import { numberToText, parseNumberText, type EmptyMeaning } from './numberText';

interface NumberFieldProps {
  path: Path;
  label: string;
  unit?: string;
  hint?: string;
  broker?: string;
  min?: number;
  max?: number;
  step?: number;
  /** What an empty box means: an error (`required`), the key removed (`unset`) or "none" (`null`); numberText.ts. */
  empty?: EmptyMeaning;
  placeholder?: string;
}

/**
 * A number box that keeps exactly what was typed (even "1." or "abc") and sends every keystroke to the
 * document; ArrowUp/ArrowDown step it within `min`–`max`.
 */
export function NumberField({ path, label, unit, hint, broker, min, max, step = 1, empty = 'required', placeholder }: NumberFieldProps) {
  const form = useForm();
  const value = form.get(path);
  const [text, setText] = useState(numberToText(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // The document changed underneath (undo, another field): show it, unless it is what we typed.
    setSeen(value);
    if (!Object.is(parseNumberText(text, empty), value)) setText(numberToText(value));
  }
  const change = (next: string) => {
    setText(next);
    form.set(path, parseNumberText(next, empty));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const current = Number(text);
    if (!Number.isFinite(current)) return;
    e.preventDefault();
    let next = current + (e.key === 'ArrowUp' ? step : -step) * (e.shiftKey ? 10 : 1);
    if (min !== undefined) next = Math.max(min, next);
    if (max !== undefined) next = Math.min(max, next);
    change(String(Number(next.toPrecision(12))));
  };
  const range = min !== undefined && max !== undefined ? `${min}–${max}` : undefined;
  return (
    <Field label={label} unit={unit} hint={hint} broker={broker} errors={form.errorsAt(path)}>
      {({ inputId, describedBy, invalid }) => (
        <input id={inputId} className="input input-number" type="text" inputMode="decimal" autoComplete="off"
          value={text} placeholder={placeholder ?? range} title={range ? `Range ${range}` : undefined}
          aria-invalid={invalid} aria-describedby={describedBy} data-path={path.join('.')}
          onChange={(e) => change(e.target.value)} onKeyDown={onKeyDown} />
      )}
    </Field>
  );
}
