import type { Snapshot } from '../../engine/api';
import { NODE_FIELD_TITLES, formatNumber, nodeTable } from './summaryModel';

/** Per-node counters; cells carry data-testid `summary-node-<id>-<field>` and the exact value. */
export function NodeTable({ snapshot }: { snapshot: Snapshot }) {
  const { ids, columns, rows } = nodeTable(snapshot);
  return (
    <div className="summary-node-scroll">
      <table className="summary-node-table" data-testid="summary-nodes">
        <thead><tr><th>node</th>{columns.map((c) => <th key={c} title={NODE_FIELD_TITLES[c]} data-testid={`summary-column-${c}`}>{c}</th>)}</tr></thead>
        <tbody>
          {ids.map((id, i) => (
            <tr key={id} data-node-id={id}>
              <th>{id}</th>
              {columns.map((c) => {
                const v = rows[i]![c];
                return (
                  <td key={c} data-testid={`summary-node-${id}-${c}`} data-value={v === undefined ? '' : String(v)}>
                    {v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
