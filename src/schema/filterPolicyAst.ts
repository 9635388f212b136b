import type { CidrBlock } from './filterPolicyIp';

/**
 * A validated SNS filter policy (MessageAttributes scope), as the one parser in filterPolicyParse.ts
 * reads it. The schema reports the parser's complaints; the engine compiles the tree it returns.
 * semantics.md A2.5: AND across keys, OR within one key's list, `$or` joins whole sub-policies.
 */
export type MatchValue = string | number | boolean | null;

export type PathPart = string | number;
/** Receives one complaint: a sentence and its JSON path inside the policy. */
export type Report = (message: string, path: readonly PathPart[]) => void;

export interface NumericBound {
  readonly value: number;
  readonly inclusive: boolean;
}

/** One entry of a key's list. `anything-but` with a pattern is its own kind so the evaluator need not re-check. */
export type Condition =
  | { readonly op: 'exact'; readonly value: MatchValue }
  | { readonly op: 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard'; readonly value: string }
  | { readonly op: 'cidr'; readonly block: CidrBlock }
  | { readonly op: 'anything-but'; readonly values: readonly (string | number)[] }
  | { readonly op: 'anything-but-pattern'; readonly pattern: 'prefix' | 'suffix' | 'wildcard'; readonly value: string }
  | { readonly op: 'numeric'; readonly lower: NumericBound | null; readonly upper: NumericBound | null }
  | { readonly op: 'exists'; readonly value: boolean };

export interface PolicyKey {
  readonly name: string;
  readonly conditions: readonly Condition[];
}

/** Every key must match, and when `or` is set, at least one of its branches too. */
export interface PolicyNode {
  readonly keys: readonly PolicyKey[];
  readonly or: readonly PolicyNode[] | null;
}

/** The operators a condition object may name; `$or` is not recognised when a branch uses one as a field (A2.5). */
export const RESERVED_KEYWORDS: ReadonlySet<string> = new Set([
  'prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'cidr', 'anything-but', 'numeric', 'exists',
]);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
