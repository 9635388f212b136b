import { describe, expect, it } from 'vitest';
import { crampedEdges, overlappingNodes } from './nodeOverlaps';

const at = (id: string, x: number, y: number, kind = 'queue') => ({ id, kind, position: { x, y } });

describe('overlappingNodes', () => {
  it('finds nodes closer than a node box and passes nodes a box apart', () => {
    const nodes = [at('a', 0, 0), at('b', 170, 0), at('c', 0, 100), at('d', 400, 90)];
    expect(overlappingNodes({ nodes } as never)).toEqual([['a', 'b']]);
  });
});

describe('a requester is wider than other nodes', () => {
  it('overlaps a node 220 px to its right, which a queue would not', () => {
    expect(overlappingNodes({ nodes: [at('r', 0, 0, 'requester'), at('x', 220, 0)] } as never)).toEqual([['r', 'x']]);
    expect(overlappingNodes({ nodes: [at('q', 0, 0), at('x', 220, 0)] } as never)).toEqual([]);
    expect(overlappingNodes({ nodes: [at('x', 220, 0), at('r', 0, 0, 'requester')] } as never)).toEqual([['x', 'r']]);
  });
});

describe('crampedEdges', () => {
  const edge = (source: string, target: string) => ({ id: `${source}--${target}`, source, target });
  it('finds an edge whose nodes leave its handles touching, and passes one with room, one going back, one to another row', () => {
    const nodes = [at('r', 0, 0, 'requester'), at('x', 260, 0), at('y', 520, 0), at('z', 740, 150), at('w', 1000, 0)];
    const edges = [edge('r', 'x'), edge('x', 'y'), edge('y', 'z'), edge('w', 'r'), edge('y', 'w')];
    // r is 236 wide: 24 px to x. x to y: 60 px. y to z: another row. w to r: right to left. y to w: 280 px.
    expect(crampedEdges({ nodes, edges } as never)).toEqual(['r--x']);
  });
});
