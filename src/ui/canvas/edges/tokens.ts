/** How many tokens to draw and how long one takes along the edge, from the edge's message rate. */
export interface TokenPlan { count: number; durationSec: number }

export const MAX_TOKENS = 6;

/**
 * Count grows with the rate (about one token per doubling) and is capped, so a busy edge never
 * means thousands of DOM elements; faster traffic also moves a little faster, within readable bounds.
 */
export function planTokens(ratePerSec: number): TokenPlan {
  if (!(ratePerSec > 0)) return { count: 0, durationSec: 0 };
  const count = Math.max(1, Math.min(MAX_TOKENS, Math.ceil(Math.log2(1 + ratePerSec))));
  const durationSec = Math.max(0.7, Math.min(2.5, 2.5 - Math.log10(1 + ratePerSec) * 0.5));
  return { count, durationSec: Number(durationSec.toFixed(2)) };
}
