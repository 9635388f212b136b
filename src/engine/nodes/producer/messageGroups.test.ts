import { describe, expect, it } from 'vitest';
import { streamFor } from '../../random/prng';
import { messageGroupPicker } from './messageGroups';

describe('message groups (A2.3 MessageGroupId)', () => {
  it('cycles g1…gN', () => {
    const pick = messageGroupPicker({ count: 3, pick: 'cycle' }, streamFor(1, 'p', 'messageGroup'));
    expect(Array.from({ length: 7 }, pick)).toEqual(['g1', 'g2', 'g3', 'g1', 'g2', 'g3', 'g1']);
  });

  it('picks at random from its seeded stream, within g1…gN, the same for the same seed', () => {
    const draw = (seed: number) => { const pick = messageGroupPicker({ count: 4, pick: 'random' }, streamFor(seed, 'p', 'messageGroup')); return Array.from({ length: 400 }, pick); };
    const a = draw(1);
    expect(new Set(a)).toEqual(new Set(['g1', 'g2', 'g3', 'g4']));
    expect(draw(1)).toEqual(a);
    expect(draw(2)).not.toEqual(a);
  });

  it('sets no group without a setting', () => {
    expect(messageGroupPicker(null, streamFor(1, 'p', 'messageGroup'))()).toBe('');
  });
});
