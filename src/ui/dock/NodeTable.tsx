import type { Snapshot } from '../../engine/api';
import { nodeFigure } from '../../lessons/nodeFigures';
import { formatNumber, nodeTable } from './summaryModel';

/** A column header: the figure's short name, with what it counts and its report field in the tooltip. */
function ColumnHeader({ field }: { field: string }) {
  const f = nodeFigure(field);
  return <th title={`${f.explanation} (${field})`} data-testid={`summary-column-${field}`}>{f.label}</th>;
}

/** Per-node counters under the shared figure names (the field itself in each header's tooltip); cells carry data-testid `summary-node-<id>-<field>` and the exact value. */
export function NodeTable({ snapshot }: { snapshot: Snapshot }) {
  const { ids, columns, rows } = nodeTable(snapshot);
  return (
    <div className="summary-node-scroll">
      <table className="summary-node-table" data-testid="summary-nodes">
        <thead><tr><th>node</th>{columns.map((c) => <ColumnHeader key={c} field={c} />)}</tr></thead>
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
