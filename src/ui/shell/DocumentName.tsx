import { useState } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { notify } from '../notify/notifyStore';

/** The document name, edited in place; an empty or too-long name is refused with the reason. */
export function DocumentName() {
  const name = useDocumentStore((s) => s.scenario.name);
  const [text, setText] = useState(name);
  const [seen, setSeen] = useState(name);
  if (seen !== name) { setSeen(name); setText(name); }
  const commit = () => {
    const next = text.trim();
    if (next === name) return;
    if (next === '') { setText(name); return; }
    const result = useDocumentStore.getState().setName(next);
    if (!result.ok) { notify(`Name not changed: ${result.errors.map((e) => e.message).join('; ')}`, 'error'); setText(name); }
  };
  return (
    <input className="doc-name" aria-label="Document name" data-testid="document-name" value={text} spellCheck={false}
      size={Math.max(8, Math.min(32, text.length + 1))}
      onChange={(e) => setText(e.target.value)} onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') { setText(name); e.currentTarget.blur(); }
      }} />
  );
}
