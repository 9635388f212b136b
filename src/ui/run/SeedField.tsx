import { useState } from 'react';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from './runStore';

/** The seed, editable; a new seed applies on the next Play (nothing loaded) or Reset. */
export function SeedField() {
  const loadedSeed = useRunStore((s) => (s.loaded ? s.seed : s.seedOverride));
  const documentSeed = useDocumentStore((s) => s.scenario.seed);
  const seed = loadedSeed ?? documentSeed;
  const setSeed = useRunStore((s) => s.setSeed);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    if (draft.trim() !== '' && Number.isSafeInteger(n) && n >= 0) setSeed(n);
    setDraft(null);
  };
  return (
    <label className="run-seed" title="Random seed: the same seed gives the same run. Applies on Reset.">
      <span>Seed</span>
      <input
        data-testid="run-seed"
        inputMode="numeric"
        value={draft ?? String(seed)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(null); }}
        aria-invalid={draft !== null && !(Number.isSafeInteger(Number(draft)) && Number(draft) >= 0)}
      />
    </label>
  );
}
