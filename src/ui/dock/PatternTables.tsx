import { useMemo } from 'react';
import type { Snapshot } from '../../engine/api';
import { useDocumentStore } from '../document/documentStore';
import { patternTables, type PatternTable, type PatternValue } from './patternModel';
import { formatNumber } from './summaryModel';
import './patterns.css';

const shown = (v: PatternValue) => (typeof v === 'number' ? formatNumber(v) : v);

function Table({ table }: { table: PatternTable }) {
  return (
    <div className="summary-pattern" data-testid={`summary-pattern-${table.id}`}>
      <h4>{table.title}</h4>
      <div className="summary-node-scroll">
        <table className="summary-node-table">
          <thead><tr><th>node</th>{table.columns.map((c) => <th key={c.field} title={c.explanation}>{c.label}</th>)}</tr></thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.id} data-node-id={r.id}>
                <th title={r.id}>{r.label}</th>
                {table.columns.map((c) => {
                  const v = r.values[c.field]!;
                  return <td key={c.field} data-testid={`summary-pattern-${r.id}-${c.field}`} data-value={String(v)}>{shown(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Request-reply, aggregation, integrity and access figures, one small table per pattern with any rows. */
export function PatternTables({ snapshot }: { snapshot: Snapshot }) {
  const nodes = useDocumentStore((s) => s.scenario.nodes);
  const labels = useMemo(() => Object.fromEntries(nodes.map((n) => [n.id, n.label || n.id])), [nodes]);
  const tables = useMemo(() => patternTables(snapshot, labels), [snapshot, labels]);
  if (tables.length === 0) return null;
  return <div className="summary-patterns">{tables.map((t) => <Table key={t.id} table={t} />)}</div>;
}
