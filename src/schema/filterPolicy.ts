import { z } from 'zod';
import { isPlainObject, RESERVED_KEYWORDS, type PathPart, type PolicyKey, type PolicyNode, type Report } from './filterPolicyAst';
import { parseCondition } from './filterPolicyConditions';
import { utf8Length } from './strings';

/**
 * An SNS subscription filter policy, MessageAttributes scope (semantics.md A2.5). zod checks the JSON
 * shape; one parser (`parseFilterPolicy`) checks A2.5's rules and builds the tree the engine compiles,
 * so the schema and the evaluator can never disagree about what a policy means.
 */

export const MAX_KEYS = 5;
export const MAX_COMBINATIONS = 150;
export const MAX_POLICY_BYTES = 256 * 1024;

/**
 * A2.5 `$or` (SNS-DOC:and-or-logic): recognised only for a list of at least 2 objects none of which uses a
 * reserved keyword (an operator such as `numeric` or `prefix`) as a field name. Otherwise `$or` is an
 * ordinary attribute name and its list is read as conditions.
 */
export function isOrGroup(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.length >= 2 && value.every((branch) =>
    isPlainObject(branch) && Object.keys(branch).every((field) => !RESERVED_KEYWORDS.has(field)));
}

function parseKey(name: string, list: unknown, path: readonly PathPart[], report: Report): PolicyKey {
  if (!Array.isArray(list)) {
    // A2.5: only body-scope policies nest ({key: {nested…}}); attribute policies map a key to a list.
    report(isPlainObject(list)
      ? 'Filter policy scope MessageAttributes does not support nested filter policy'
      : `"${name}" must be an object or an array`, path);
    return { name, conditions: [] };
  }
  // A2.5 (AWS-REC:test_validate_policy*): {"k":[]} → "Empty arrays are not allowed".
  if (list.length === 0) report('Empty arrays are not allowed', path);
  const conditions = list.flatMap((entry, i) => parseCondition(entry, [...path, i], report) ?? []);
  return { name, conditions };
}

function parseNode(policy: Record<string, unknown>, path: readonly PathPart[], report: Report): PolicyNode {
  const keys: PolicyKey[] = [];
  let or: PolicyNode[] | null = null;
  for (const [name, value] of Object.entries(policy)) {
    if (name === '$or' && isOrGroup(value)) {
      or = value.map((branch, i) => {
        // Event Ruler: "Empty objects are not allowed" — a branch with no key would make the $or vacuous.
        if (Object.keys(branch).length === 0) report('Empty objects are not allowed', [...path, name, i]);
        return parseNode(branch, [...path, name, i], report);
      });
    } else {
      keys.push(parseKey(name, value, [...path, name], report));
    }
  }
  return { keys, or };
}

/** A2.5 limit: the product of the list sizes; with `$or`, each branch's product is summed. */
export function countCombinations(node: PolicyNode): number {
  const own = node.keys.reduce((product, key) => product * key.conditions.length, 1);
  return node.or ? own * node.or.reduce((sum, branch) => sum + countCombinations(branch), 0) : own;
}

/** The attribute names a policy tests, across all `$or` branches (each name once). */
export function policyKeyNames(node: PolicyNode, into: Set<string> = new Set()): Set<string> {
  for (const key of node.keys) into.add(key.name);
  for (const branch of node.or ?? []) policyKeyNames(branch, into);
  return into;
}

function checkLimits(policy: unknown, root: PolicyNode, report: Report): void {
  const names = policyKeyNames(root);
  // A2.5: at most 5 keys (SNS-DOC:subscription-filter-policy-constraints: attribute policies count all keys).
  if (names.size > MAX_KEYS) report(`Filter policy can not have more than ${MAX_KEYS} keys (it names ${names.size})`, []);
  const combinations = countCombinations(root);
  if (combinations > MAX_COMBINATIONS) {
    report(`Filter policy is too complex: ${combinations} combinations of values, at most ${MAX_COMBINATIONS}`, []);
  }
  const bytes = utf8Length(JSON.stringify(policy));
  if (bytes > MAX_POLICY_BYTES) report(`Filter policy is too large: ${bytes} bytes, at most 256 KB`, []);
}

/**
 * Reads a policy into its tree, reporting every A2.5 violation with its path inside the policy.
 * An empty policy `{}` has no key to fail, so it matches every message (AWS treats `{}` as "no filter").
 */
export function parseFilterPolicy(policy: unknown, report: Report): PolicyNode {
  if (!isPlainObject(policy)) { report('A filter policy must be an object', []); return { keys: [], or: null }; }
  const root = parseNode(policy, [], report);
  checkLimits(policy, root, report);
  return root;
}

export const FilterPolicySchema = z
  .record(
    z.string(),
    z.array(z.json(), { error: 'must be a list of conditions (attribute filter policies do not nest)' }),
    { error: 'must be an object of message attribute names to lists of conditions' },
  )
  .superRefine((policy, ctx) => {
    parseFilterPolicy(policy, (message, path) => ctx.addIssue({ code: 'custom', message, path: [...path] }));
  });

export type FilterPolicy = z.output<typeof FilterPolicySchema>;
