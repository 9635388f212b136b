import { useState } from 'react';
import { useForm } from '../form';
import type { Path } from '../paths';
import { Field } from './Field';

const pretty = (v: unknown, emptyRemoves = false) => (v === undefined && emptyRemoves ? '' : JSON.stringify(v ?? null, null, 1));

interface JsonFieldProps {
  path: Path;
  label: string;
  hint?: string;
  broker?: string;
  rows?: number;
  /** An empty box removes the key (an optional field). */
  emptyRemoves?: boolean;
}

/** Raw JSON for a long list (a script of messages): committed when the text parses, else a JSON error shows. */
export function JsonField({ path, label, hint, broker, rows = 6, emptyRemoves = false }: JsonFieldProps) {
  const form = useForm();
  const value = form.get(path);
  const [text, setText] = useState(() => pretty(value, emptyRemoves));
  const [seen, setSeen] = useState(value);
  const [syntax, setSyntax] = useState<string | null>(null);
  if (seen !== value) {
    setSeen(value);
    let same = false;
    try { same = JSON.stringify(JSON.parse(text)) === JSON.stringify(value); } catch { same = false; }
    if (!same && !(value === undefined && emptyRemoves && text.trim() === '')) { setText(pretty(value, emptyRemoves)); setSyntax(null); }
  }
  const change = (next: string) => {
    setText(next);
    if (emptyRemoves && next.trim() === '') { setSyntax(null); form.set(path, undefined); return; }
    let parsed: unknown;
    try {
      parsed = JSON.parse(next);
    } catch (e) {
      setSyntax(`not valid JSON: ${(e as Error).message}`);
      return;
    }
    setSyntax(null);
    form.set(path, parsed);
  };
  const errors = [...(syntax ? [syntax] : []), ...form.errorsAt(path, true)];
  return (
    <Field label={label} hint={hint} broker={broker} errors={errors}>
      {({ inputId, describedBy, invalid }) => (
        <textarea id={inputId} className="input" rows={rows} value={text} spellCheck={false}
          aria-invalid={invalid} aria-describedby={describedBy} data-path={path.join('.')}
          onChange={(e) => change(e.target.value)} />
      )}
    </Field>
  );
}
