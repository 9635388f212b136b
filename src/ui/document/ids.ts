import type { Scenario } from '../../schema';

const ID_MAX = 64;

/** Every id in use: node and edge ids share one namespace (the schema refuses an edge id equal to a node id). */
export function usedIds(scenario: Scenario): Set<string> {
  return new Set([...scenario.nodes.map((n) => n.id), ...scenario.edges.map((e) => e.id)]);
}

/** A readable fresh id: `queue-1`, `queue-2`, … (the first number not taken). */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** An edge id that says what it joins (`producer-1-to-queue-1`), or `edge-N` when that would be too long. */
export function edgeId(source: string, target: string, taken: ReadonlySet<string>): string {
  const readable = `${source}-to-${target}`;
  if (readable.length <= ID_MAX && !taken.has(readable)) return readable;
  if (readable.length + 3 <= ID_MAX) return nextId(readable, taken);
  return nextId('edge', taken);
}
