import { useState, type KeyboardEvent } from 'react';
import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';

interface NumberFieldProps {
  path: Path;
  label: string;
  unit?: string;
  hint?: string;
  broker?: string;
  min?: number;
  max?: number;
  step?: number;
  /** What an empty box means for an optional field (`undefined` removes the key, `null` is "none"). */
  empty?: null | undefined | 'required';
  placeholder?: string;
}

const toText = (v: unknown) => (typeof v === 'number' ? String(v) : v === null || v === undefined ? '' : String(v));

/** Numbers go to the schema as numbers; anything else goes as typed, so the error can quote it. */
function parse(text: string, empty: NumberFieldProps['empty']): unknown {
  const t = text.trim();
  if (t === '') return empty === 'required' ? '' : empty;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * A number box that keeps exactly what was typed (even "1." or "abc") and sends every keystroke to the
 * document; ArrowUp/ArrowDown step it within `min`–`max`.
 */
export function NumberField({ path, label, unit, hint, broker, min, max, step = 1, empty = 'required', placeholder }: NumberFieldProps) {
  const form = useForm();
  const value = form.get(path);
  const [text, setText] = useState(toText(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    // The document changed underneath (undo, another field): show it, unless it is what we typed.
    setSeen(value);
    if (!Object.is(parse(text, empty), value)) setText(toText(value));
  }
  const change = (next: string) => {
    setText(next);
    form.set(path, parse(next, empty));
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
