import type { z } from 'zod';
import type { RoutingKeysSchema } from '../../../schema/nodes/producer';
import type { Random } from '../../random/prng';

type RoutingKeys = z.output<typeof RoutingKeysSchema>;

/** Picks the routing key of each message: in turn, uniformly at random, or by weight. */
export function routingKeyPicker(spec: RoutingKeys, rng: Random): () => string {
  if (spec.pick === 'cycle') {
    const keys = spec.keys;
    let i = 0;
    return () => { const k = keys[i]!; i = (i + 1) % keys.length; return k; };
  }
  if (spec.pick === 'random') {
    const keys = spec.keys;
    return () => keys[Math.floor(rng.next() * keys.length)]!;
  }
  const keys = spec.keys.map((k) => k.key);
  const cumulative: number[] = [];
  let total = 0;
  for (const k of spec.keys) { total += k.weight; cumulative.push(total); }
  return () => {
    const x = rng.next() * total;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! > x) hi = mid; else lo = mid + 1; }
    return keys[lo]!;
  };
}

/**
 * The one key every message gets when the spec cycles over a single key (the default, `['']`), else null:
 * the producer then skips the picker on every message (one closure and its context fewer to touch).
 */
export function fixedRoutingKey(spec: RoutingKeys): string | null {
  return spec.pick === 'cycle' && spec.keys.length === 1 ? spec.keys[0]! : null;
}
