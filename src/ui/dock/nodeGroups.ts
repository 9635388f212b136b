/**
 * The Summary's Nodes table, one table per node kind: a queue has no producer's confirms and a consumer no
 * queue's ready, so one table of every field any node reports (about 90) is mostly empty cells. Each kind's
 * table has the columns of the fields its nodes report, less those at 0 (or empty) on every one of its rows:
 * a figure above 0, a loss above all, always has its column, and the fields left out are named beside the
 * table. Pure; tested without React.
 */
import type { NodeReport } from '../../engine/api';
import { nodeFieldOrder } from '../../lessons/nodeFigures';
import { NODE_KINDS } from '../../schema';
import { flattenNode } from './summaryModel';

export type NodeValue = number | string;

export interface NodeGroup {
  kind: string;
  /** The fields shown as columns, in the shared figures' order (nodeFigures.ts); the kind is the group's. */
  columns: string[];
  /** The fields every row has at 0 or empty, shown as no column, in the same order. */
  zero: string[];
  rows: { id: string; values: Record<string, NodeValue> }[];
}

/** The key of a column kept on screen once shown (see `keep`). */
export const columnKey = (kind: string, field: string): string => `${kind} ${field}`;

/** 0, NaN (a latency with no samples) and an empty text say nothing a missing column does not. */
const says = (v: NodeValue | undefined): boolean => v !== undefined && v !== '' && v !== 0 && !Number.isNaN(v);

/** Kinds in the palette's order (a message's way through a topology), any other after them. */
const kindRank = (kind: string): number => {
  const i = NODE_KINDS.indexOf(kind as (typeof NODE_KINDS)[number]);
  return i < 0 ? NODE_KINDS.length : i;
};

/**
 * The groups of `nodes`, rows in the report's order. `keep`: columns (columnKey) to show even at 0, those
 * shown earlier in the run, so that a figure falling back to 0 (a queue draining) does not make the table jump.
 */
export function nodeGroups(nodes: Readonly<Record<string, NodeReport>>, keep: ReadonlySet<string> = new Set()): NodeGroup[] {
  const byKind = new Map<string, NodeGroup['rows']>();
  for (const [id, report] of Object.entries(nodes)) {
    const rows = byKind.get(report.kind) ?? [];
    rows.push({ id, values: flattenNode(report) });
    byKind.set(report.kind, rows);
  }
  const kinds = [...byKind.keys()].sort((a, b) => kindRank(a) - kindRank(b) || a.localeCompare(b));
  return kinds.map((kind) => {
    const rows = byKind.get(kind)!;
    const fields = nodeFieldOrder(rows.flatMap((r) => Object.keys(r.values))).filter((f) => f !== 'kind');
    const shown = (f: string) => keep.has(columnKey(kind, f)) || rows.some((r) => says(r.values[f]));
    return { kind, columns: fields.filter(shown), zero: fields.filter((f) => !shown(f)), rows };
  });
}
