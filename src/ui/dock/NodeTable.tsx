import { useState } from 'react';
import type { Snapshot } from '../../engine/api';
import { nodeFigure } from '../../lessons/nodeFigures';
import { columnKey, nodeGroups, type NodeGroup } from './nodeGroups';
import { cellTitle, formatCell, shortHeader } from './tableCells';

/**
 * A column header: the figure's name in short words (tableCells.ts), with its whole name, what it counts and its
 * report field in the tooltip.
 */
function ColumnHeader({ kind, field }: { kind: string; field: string }) {
  const f = nodeFigure(field);
  const short = shortHeader(f.label);
  const title = short === f.label ? `${f.explanation} (${field})` : `${f.label}: ${f.explanation} (${field})`;
  return <th title={title} data-testid={`summary-column-${kind}-${field}`} data-label={f.label}>{short}</th>;
}

/** The fields left out of a group's table, named as the headers would be (tooltip and all): a 0 is still there to be read. */
function ZeroFigures({ group }: { group: NodeGroup }) {
  if (group.zero.length === 0) return null;
  return (
    <p className="summary-zero" data-testid={`summary-zero-${group.kind}`} data-fields={group.zero.join(' ')}>
      0 on every {group.kind}: {group.zero.map((field, i) => {
        const f = nodeFigure(field);
        return <span key={field}>{i > 0 && ', '}<span title={`${f.explanation} (${field})`} data-testid={`summary-zero-${group.kind}-${field}`}>{f.label}</span></span>;
      })}
    </p>
  );
}

function GroupTable({ group }: { group: NodeGroup }) {
  const { kind, columns, rows } = group;
  return (
    <div className="summary-node-group" data-testid={`summary-nodes-${kind}`} data-kind={kind}>
      <h5>{kind}s <span className="summary-node-count">{rows.length}</span></h5>
      <div className="summary-node-scroll">
        <table className="summary-node-table">
          <thead><tr><th>node</th>{columns.map((c) => <ColumnHeader key={c} kind={kind} field={c} />)}</tr></thead>
          <tbody>
            {rows.map(({ id, values }) => (
              <tr key={id} data-node-id={id}>
                <th>{id}</th>
                {columns.map((c) => {
                  const v = values[c];
                  return (
                    <td key={c} data-testid={`summary-node-${id}-${c}`} data-value={v === undefined ? '' : String(v)}
                      title={typeof v === 'number' ? cellTitle(v) : undefined}>
                      {v === undefined ? '' : typeof v === 'number' ? formatCell(v) : v}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ZeroFigures group={group} />
    </div>
  );
}

/**
 * Per-node counters under the shared figure names, one table per kind with the columns it has (nodeGroups.ts);
 * cells carry data-testid `summary-node-<id>-<field>` and the exact value. A column once shown stays for the
 * life of the table, so figures going back to 0 mid-run do not make it jump.
 */
export function NodeTable({ snapshot }: { snapshot: Snapshot }) {
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  const groups = nodeGroups(snapshot.nodes, kept);
  const shown = groups.flatMap((g) => g.columns.map((c) => columnKey(g.kind, c)));
  // React's "adjusting state while rendering": a render with a new column adds it, once.
  if (shown.some((k) => !kept.has(k))) setKept(new Set([...kept, ...shown]));
  return (
    <div className="summary-node-groups" data-testid="summary-nodes">
      {groups.map((g) => <GroupTable key={g.kind} group={g} />)}
    </div>
  );
}
