import { z } from 'zod';

/** Bounds for a number field; the message reads like a sentence a person understands. */
export interface NumberRule {
  min?: number;
  max?: number;
  /** The minimum itself is not allowed (e.g. a rate must be > 0). */
  minExclusive?: boolean;
  int?: boolean;
}

export function describeRule(rule: NumberRule): string {
  const noun = rule.int ? 'a whole number' : 'a number';
  const lo = rule.min === undefined ? '' : `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  const hi = rule.max === undefined ? '' : `≤ ${rule.max}`;
  if (lo && hi) return `must be ${noun} ${lo} and ${hi}`;
  if (lo || hi) return `must be ${noun} ${lo || hi}`;
  return `must be ${noun}`;
}

/**
 * A finite number with bounds. Every failure (wrong type, NaN, ±Infinity, fraction, out of range)
 * yields the same message, e.g. "must be a whole number ≥ 1"; the formatter adds ", got -2".
 */
export function num(rule: NumberRule) {
  const error = describeRule(rule);
  let schema = z.number({ error });
  if (rule.int) schema = schema.int({ error });
  if (rule.min !== undefined) schema = rule.minExclusive ? schema.gt(rule.min, { error }) : schema.gte(rule.min, { error });
  if (rule.max !== undefined) schema = schema.lte(rule.max, { error });
  return schema;
}

export const MAX_TIME_MS = 1e10; // ~115 days of simulated time
export const MAX_RATE_PER_SEC = 10_000_000;

export const timeMs = (rule: Omit<NumberRule, 'max'> = { min: 0 }) => num({ ...rule, max: MAX_TIME_MS });
export const rate = () => num({ min: 0, max: MAX_RATE_PER_SEC });
export const positiveRate = () => num({ min: 0, minExclusive: true, max: MAX_RATE_PER_SEC });
export const probability = () => num({ min: 0, max: 1 });
export const seedNumber = () => num({ int: true, min: 0, max: 4294967295 });
