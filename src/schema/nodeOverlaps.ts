import type { Scenario } from './scenario';

/** Canvas nodes are 200 px wide and at least 100 px tall (src/ui/canvas/canvas.css `.bl-node`). */
export const NODE_BOX = { width: 200, height: 100 } as const;

/** A requester is wider, for its calls' figures (src/ui/canvas/nodes/patternNodes.css `.kind-requester`). */
const WIDER: Readonly<Partial<Record<string, number>>> = { requester: 236 };

/** How wide a node of `kind` is on the canvas. */
export function nodeWidth(kind: string): number { return WIDER[kind] ?? NODE_BOX.width; }

/**
 * The least room between a node's right side and the next node's left for the edge between them to show: two handles
 * (12 px each) and a visible stretch of line with its arrow. Under it the handles touch and the edge has no length.
 */
export const EDGE_ROOM_PX = 40;

/** Pairs of node ids whose boxes overlap on the canvas: a layout nobody can read. */
export function overlappingNodes(scenario: Pick<Scenario, 'nodes'>): [string, string][] {
  const out: [string, string][] = [];
  const nodes = scenario.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!.position, b = nodes[j]!.position;
      const width = nodeWidth(a.x <= b.x ? nodes[i]!.kind : nodes[j]!.kind); // the one on the left reaches over
      if (Math.abs(a.x - b.x) < width && Math.abs(a.y - b.y) < NODE_BOX.height) out.push([nodes[i]!.id, nodes[j]!.id]);
    }
  }
  return out;
}

/**
 * Edges drawn left to right between nodes side by side (rows overlapping) with less than EDGE_ROOM_PX between them: the
 * handles touch, the edge is not seen and its label finds no place (scatter-gather's buyer and quote-requests were 24 px
 * apart, the requester being 36 px wider than the layout allowed for).
 */
export function crampedEdges(scenario: Pick<Scenario, 'nodes' | 'edges'>): string[] {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  return scenario.edges.filter((e) => {
    const a = byId.get(e.source), b = byId.get(e.target);
    if (!a || !b || Math.abs(a.position.y - b.position.y) >= NODE_BOX.height) return false;
    const room = b.position.x - (a.position.x + nodeWidth(a.kind));
    return room >= 0 && room < EDGE_ROOM_PX;
  }).map((e) => e.id);
}
