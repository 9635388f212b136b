import type { Condition } from '../../../schema/filterPolicyAst';
import type { HeaderValue } from '../../model/message';

/** Tests one attribute value (or one String.Array element). */
export type ValueTest = (value: HeaderValue) => boolean;

/**
 * A2.5 wildcard (SNS-DOC:string-value-matching): `*` matches any sequence, nothing else is special.
 * Compiled once into its literal pieces; since `**` is refused, the middle pieces are never empty,
 * and taking each at its leftmost place after the previous one is exact for `*`-only patterns.
 */
export function compileWildcard(pattern: string): (s: string) => boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return (s) => s === pattern;
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1);
  const minLength = head.length + tail.length;
  return (s) => {
    if (s.length < minLength || !s.startsWith(head) || !s.endsWith(tail)) return false;
    const end = s.length - tail.length;
    let at = head.length;
    for (const piece of middle) {
      const found = s.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

function compileStringPattern(op: 'prefix' | 'suffix' | 'wildcard', pattern: string): (s: string) => boolean {
  if (op === 'prefix') return (s) => s.startsWith(pattern);
  if (op === 'suffix') return (s) => s.endsWith(pattern);
  return compileWildcard(pattern);
}

/**
 * A2.5 exact values: strings are case-sensitive; a string never equals a number or a boolean, so "5"
 * does not match 5. Numbers compare by value, so 301.5 equals 3.015e2. A `null` in the policy can never
 * match here: a message attribute value is never null (HeaderValue has no null).
 */
function compileExact(value: string | number | boolean | null): ValueTest {
  if (value === null) return () => false;
  return (v) => v === value;
}

/**
 * A2.5 anything-but: matches a value that is not any of the listed ones. Strings and numbers are
 * excluded only by a listed value of their own type, and booleans are never listed, so they pass.
 */
function compileAnythingBut(values: readonly (string | number)[]): ValueTest {
  const excluded = new Set<HeaderValue>(values);
  return (v) => !excluded.has(v);
}

/**
 * A2.5 anything-but {prefix|suffix|wildcard}: matches a string the pattern does not match. A number or a
 * boolean is not a string with that prefix, so it is not excluded (Event Ruler compares the quoted string
 * form, which a number never has; DERIVED).
 */
function compileAnythingButPattern(op: 'prefix' | 'suffix' | 'wildcard', pattern: string): ValueTest {
  const matches = compileStringPattern(op, pattern);
  return (v) => typeof v !== 'string' || !matches(v);
}

/** The string-family conditions of A2.5 as value tests; null for the other families. */
export function compileStringCondition(condition: Condition): ValueTest | null {
  switch (condition.op) {
    case 'exact': return compileExact(condition.value);
    case 'prefix': case 'suffix': case 'wildcard': {
      const matches = compileStringPattern(condition.op, condition.value);
      return (v) => typeof v === 'string' && matches(v);
    }
    case 'equals-ignore-case': {
      const lowered = condition.value.toLowerCase();
      return (v) => typeof v === 'string' && v.toLowerCase() === lowered;
    }
    case 'anything-but': return compileAnythingBut(condition.values);
    case 'anything-but-pattern': return compileAnythingButPattern(condition.pattern, condition.value);
    default: return null;
  }
}
