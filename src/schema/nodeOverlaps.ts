import type { Scenario } from './scenario';

/** Canvas nodes are 200 px wide and at least 100 px tall (src/ui/canvas/canvas.css `.bl-node`). */
export const NODE_BOX = { width: 200, height: 100 } as const;

/** Pairs of node ids whose boxes overlap on the canvas: a layout nobody can read. */
export function overlappingNodes(scenario: Pick<Scenario, 'nodes'>): [string, string][] {
  const out: [string, string][] = [];
  const nodes = scenario.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!.position, b = nodes[j]!.position;
      if (Math.abs(a.x - b.x) < NODE_BOX.width && Math.abs(a.y - b.y) < NODE_BOX.height) out.push([nodes[i]!.id, nodes[j]!.id]);
    }
  }
  return out;
}
