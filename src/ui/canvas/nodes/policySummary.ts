import type { FilterPolicy } from '../../../schema/filterPolicy';

const MAX = 34;

/** A filter policy in a few characters: `{}` → "passes everything", else its keys: "price, region". */
export function describePolicy(policy: FilterPolicy): string {
  const keys = Object.keys(policy);
  if (keys.length === 0) return 'passes everything';
  const text = keys.join(', ');
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
