import { describe, expect, it } from 'vitest';
import { overlappingNodes } from './nodeOverlaps';

const at = (id: string, x: number, y: number) => ({ id, position: { x, y } });

describe('overlappingNodes', () => {
  it('finds nodes closer than a node box and passes nodes a box apart', () => {
    const nodes = [at('a', 0, 0), at('b', 170, 0), at('c', 0, 100), at('d', 400, 90)];
    expect(overlappingNodes({ nodes } as never)).toEqual([['a', 'b']]);
  });
});
