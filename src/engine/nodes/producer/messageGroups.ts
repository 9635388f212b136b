import type { NodeOf } from '../../../schema';
import type { Random } from '../../random/prng';

type MessageGroups = NodeOf<'producer'>['config']['messageGroups'];

/**
 * Picks each message's SQS FIFO MessageGroupId (semantics.md A2.3): g1…gN in turn, or uniformly at random
 * from the producer's own stream. Returns '' for every message when the producer sets no groups.
 */
export function messageGroupPicker(spec: MessageGroups, rng: Random): () => string {
  if (spec === null) return () => '';
  const count = spec.count;
  if (spec.pick === 'random') return () => `g${1 + Math.floor(rng.next() * count)}`;
  let i = 0;
  return () => { const g = `g${1 + i}`; i = (i + 1) % count; return g; };
}
