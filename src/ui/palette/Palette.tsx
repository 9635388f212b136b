import { useMemo, useState } from 'react';
import { NODE_KIND_SPECS } from '../../schema';
import { SearchIcon } from '../icons/icons';
import { PaletteItem } from './PaletteItem';
import './palette.css';

type Spec = (typeof NODE_KIND_SPECS)[number];

function groupSpecs(query: string): [string, Spec[]][] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, Spec[]>();
  for (const spec of NODE_KIND_SPECS) {
    const text = `${spec.label} ${spec.kind} ${spec.description} ${spec.group}`.toLowerCase();
    if (q && !text.includes(q)) continue;
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  return [...groups];
}

/** Every node kind, grouped and searchable: drag one onto the canvas, or click to add it in the middle. */
export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupSpecs(query), [query]);
  return (
    <aside className="palette" aria-label="Palette">
      <div className="panel-title">Components</div>
      <div className="palette-search">
        <SearchIcon />
        <input className="input" type="search" placeholder="Search components" aria-label="Search components"
          value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="palette-groups">
        {groups.map(([group, specs]) => (
          <section key={group} className="palette-group" aria-label={group}>
            <h3>{group}</h3>
            {specs.map((spec) => <PaletteItem key={spec.kind} spec={spec} />)}
          </section>
        ))}
        {groups.length === 0 && <p className="palette-empty muted">No component matches “{query}”.</p>}
      </div>
      <p className="palette-tip muted">Drag onto the canvas, or click to add. Wire outputs (right) to inputs (left).</p>
    </aside>
  );
}
