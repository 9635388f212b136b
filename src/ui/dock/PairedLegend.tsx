import type { LineSpec } from './LineChartCard';

/** What a solid and a dashed line stand for, when lines come in pairs (a queue's ready and unacked). */
export interface LinePairKey { solid: string; dashed: string }

const Stroke = ({ dashed }: { dashed: boolean }) => (
  <svg width="18" height="6" aria-hidden="true"><line x1="0" y1="3" x2="18" y2="3" stroke="currentColor" strokeWidth="1.5" strokeDasharray={dashed ? '4 3' : undefined} /></svg>
);

/**
 * The legend of a chart whose lines come in pairs of one colour: one entry per pair (its group, e.g. the
 * queue), then what solid and dashed mean. Half the entries of recharts' own legend, which gave each line
 * its own and, at six queues, took three rows of a short chart.
 */
export function PairedLegend({ lines, pair }: { lines: readonly LineSpec[]; pair: LinePairKey }) {
  const groups = [...new Map(lines.map((l) => [l.group ?? l.label, l.color])).entries()];
  return (
    <ul className="chart-legend" data-testid="chart-legend-paired">
      {groups.map(([group, color]) => (
        <li key={group} className="chart-legend-group"><span className="chart-legend-swatch" style={{ background: color }} />{group}</li>
      ))}
      <li className="chart-legend-key"><Stroke dashed={false} />{pair.solid}</li>
      <li className="chart-legend-key"><Stroke dashed />{pair.dashed}</li>
    </ul>
  );
}
