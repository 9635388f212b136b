import type { Hop } from '../../engine/api';
import { formatSimTime } from './describeMessage';

/** Where the message has been, oldest first. */
export function Trail({ hops }: { hops: readonly Hop[] }) {
  return (
    <table className="message-table" data-testid="message-trail">
      <thead><tr><th>time</th><th>node</th><th>event</th></tr></thead>
      <tbody>
        {hops.map((h, i) => (
          <tr key={i}>
            <td className="num">{formatSimTime(h.atMs)}</td>
            <td className="mono">{h.node}</td>
            <td>{h.event}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
