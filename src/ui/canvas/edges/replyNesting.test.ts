import { describe, expect, it } from 'vitest';
import { replyNesting, type ReplyLoop } from './replyNesting';
import { replyLoopPath } from './replyPath';

const TOPS: Record<string, number> = { 'insurer-1': 0, 'insurer-2': 140, 'insurer-3': 280, other: 500 };
const y = (id: string) => TOPS[id];
const loop = (source: string, target = 'requester'): ReplyLoop => ({ id: `${source}--${target}`, source, target });
const loops = [loop('insurer-1'), loop('insurer-2'), loop('insurer-3'), loop('other', 'elsewhere')];

describe('nesting of replies looping back to one requester', () => {
  it('counts the replies to the same target starting lower and higher', () => {
    expect(replyNesting(loops, y, loops[0]!)).toEqual({ below: 2, above: 0 });
    expect(replyNesting(loops, y, loops[1]!)).toEqual({ below: 1, above: 1 });
    expect(replyNesting(loops, y, loops[2]!)).toEqual({ below: 0, above: 2 });
  });

  it('orders two sources at one height by edge id, so they still nest', () => {
    const twins = [loop('a'), loop('b')];
    const flat = () => 100;
    expect([replyNesting(twins, flat, twins[0]!), replyNesting(twins, flat, twins[1]!)].map((n) => n.below).sort()).toEqual([0, 1]);
  });

  it('puts a nested loop\'s label further out, clear of the one inside it', () => {
    // Two responders one above the other (right), their requester (left), a node high up between them:
    // both loops pass below the lower responder.
    const nodes = [{ x: 800, y: 240, w: 200, h: 120 }, { x: 800, y: 390, w: 200, h: 120 }, { x: -200, y: 390, w: 200, h: 120 }, { x: 400, y: 0, w: 200, h: 100 }];
    const inner = replyLoopPath(1000, 450, 0, 450, nodes)!;
    const outer = replyLoopPath(1000, 300, 0, 450, nodes, { below: 1, above: 0 })!;
    expect(outer[2] - inner[2]).toBeGreaterThan(20);
  });
});
