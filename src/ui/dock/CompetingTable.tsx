import type { CompetingRow } from './auditModel';
import { GuaranteeBadge } from './GuaranteeBadge';
import { Num } from './SummaryPanel';

/** EIP Competing Consumers: the consumers of the same queues as one group, each message counted once. */
export function CompetingTable({ rows }: { rows: CompetingRow[] }) {
  return (
    <div data-testid="audit-competing">
      <h4 className="audit-competing-title">Competing consumers, as a group</h4>
      <table className="summary-node-table audit-table"><thead>
        <tr><th>consumers</th><th>on</th><th>processed</th><th>duplicates</th><th>lost</th><th>guarantee</th></tr>
      </thead><tbody>
        {rows.map((g) => (
          <tr key={g.key} data-testid={`audit-group-${g.key}`}>
            <th>{g.label}</th>
            <td>{g.queues}</td>
            <td><Num value={g.processed} testId={`audit-group-${g.key}-processed`} /></td>
            <td><Num value={g.duplicates} testId={`audit-group-${g.key}-duplicates`} /></td>
            <td><Num value={g.lost} testId={`audit-group-${g.key}-lost`} /></td>
            <td><GuaranteeBadge shown={g} testId={`audit-group-${g.key}-guarantee`} /></td>
          </tr>
        ))}
      </tbody></table>
    </div>
  );
}
