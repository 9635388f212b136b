import type { NodeReport } from '../engine';
import { reportFigure } from '../lessons';
import { columns, formatNumber, type Align } from './format';

/** A kind whose figures do not fit the counter columns of the node table gets a table of its own. */
interface KindTable { kind: string; title: string; fields: [key: string, header: string][] }

const TABLES: KindTable[] = [
  {
    kind: 'requester', title: 'Requesters (EIP Request-Reply: round trip = request sent → reply matched)',
    fields: [['mode', 'mode'], ['sent', 'sent'], ['answered', 'answered'], ['timeouts', 'timeouts'], ['late', 'late'], ['unmatched', 'unmatched'],
      ['errors', 'errors'], ['corruptReplies', 'corrupt'], ['pending', 'pending'], ['repliesPerRequest', 'replies/req'], ['rttMs.p50', 'rtt p50'], ['rttMs.p95', 'rtt p95'], ['rttMs.p99', 'rtt p99']],
  },
  {
    kind: 'aggregator', title: 'Aggregators (EIP Aggregator: completed by size, timeout or a good-enough reply)',
    fields: [['in', 'replies'], ['out', 'aggregates'], ['open', 'open'], ['completedBySize', 'by size'], ['completedByTimeout', 'by timeout'],
      ['completedByGoodEnough', 'good enough'], ['late', 'late'], ['meanSize', 'mean size']],
  },
];

/** A report figure as a table cell (`rttMs.p95` reads a statistic of the summary); blank when not reported. */
function cell(node: NodeReport, key: string): string {
  const value = reportFigure(node, key);
  if (typeof value === 'number') return formatNumber(value, 2);
  return typeof value === 'string' ? value : '';
}

/** One table per pattern kind present in the report. */
export function patternLines(nodes: Record<string, NodeReport>): string[] {
  const out: string[] = [];
  for (const table of TABLES) {
    const rows = Object.entries(nodes).filter(([, n]) => n.kind === table.kind);
    if (rows.length === 0) continue;
    const header = [table.kind, ...table.fields.map(([, h]) => h)];
    const body = rows.map(([id, n]) => [id, ...table.fields.map(([k]) => cell(n, k))]);
    const align: Align[] = ['left', ...table.fields.map((): Align => 'right')];
    out.push('', table.title, ...columns([header, ...body], align));
  }
  return out;
}
