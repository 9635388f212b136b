import { parseFilterPolicy, type FilterPolicy } from '../../schema/filterPolicy';
import type { Condition, PolicyKey, PolicyNode } from '../../schema/filterPolicyAst';
import { formatPath } from '../../schema/errors';
import type { HeaderValue } from '../model/message';
import { compileCidr } from './filterPolicy/cidr';
import { compileNumeric } from './filterPolicy/numeric';
import { compileStringCondition, type ValueTest } from './filterPolicy/strings';

/**
 * SNS subscription filter policy evaluation, MessageAttributes scope (semantics.md A2.5).
 * A String.Array attribute is a list; String and Number attributes are single values.
 */
export type MessageAttributes = Readonly<Record<string, HeaderValue | readonly HeaderValue[]>>;
type Attribute = HeaderValue | readonly HeaderValue[];
type KeyTest = (attributes: MessageAttributes, anyPresent: boolean) => boolean;

function compileCondition(condition: Condition): ValueTest {
  if (condition.op === 'numeric') return compileNumeric(condition.lower, condition.upper);
  if (condition.op === 'cidr') return compileCidr(condition.block);
  const test = compileStringCondition(condition);
  if (!test) throw new Error(`filter policy: no evaluator for "${condition.op}"`);
  return test;
}

/** A2.5 exists:true: the key is present and its value is non-null and non-empty. */
function isNonEmpty(value: Attribute): boolean {
  return Array.isArray(value) ? value.length > 0 : value !== '';
}

/** OR within one key's list: any condition (A2.5 "AND across keys, OR within one key's array"). */
function anyOf(tests: readonly ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0]!;
  return (v) => { for (const t of tests) if (t(v)) return true; return false; };
}

function compileKey({ name, conditions }: PolicyKey): KeyTest {
  const valueTest = anyOf(conditions.filter((c) => c.op !== 'exists').map(compileCondition));
  const existsTrue = conditions.some((c) => c.op === 'exists' && c.value);
  const existsFalse = conditions.some((c) => c.op === 'exists' && !c.value);
  return (attributes, anyPresent) => {
    // A2.5: a key absent from the message fails (anything-but included: AWS-REC), unless its condition
    // is exists:false, which needs at least one attribute present (an empty set does not match).
    if (!Object.hasOwn(attributes, name)) return existsFalse && anyPresent;
    const value = attributes[name]!;
    if (existsTrue && isNonEmpty(value)) return true;
    // A2.5 arrays: the key matches if ANY element satisfies ANY condition (SNS-DOC:string-value-matching).
    // For anything-but this means SOME element is not excluded: ["rugby","baseball"] vs ["rugby","tennis"] matches.
    if (Array.isArray(value)) return (value as readonly HeaderValue[]).some(valueTest);
    return valueTest(value as HeaderValue);
  };
}

/** AND across keys, and when the node has `$or`, at least one of its branches (A2.5, SNS-DOC:and-or-logic). */
function compileNode(node: PolicyNode): KeyTest {
  const keys = node.keys.map(compileKey);
  const branches = node.or?.map(compileNode) ?? null;
  return (attributes, anyPresent) => {
    for (const key of keys) if (!key(attributes, anyPresent)) return false;
    if (branches === null) return true;
    for (const branch of branches) if (branch(attributes, anyPresent)) return true;
    return false;
  };
}

function hasAnyAttribute(attributes: MessageAttributes): boolean {
  for (const name in attributes) if (Object.hasOwn(attributes, name)) return true;
  return false;
}

/**
 * Compiles a policy once into a fast predicate over a message's attributes. The policy must have passed
 * `FilterPolicySchema`; an invalid one is a programming error and throws with the first rule it breaks.
 */
export function compileFilterPolicy(policy: FilterPolicy): (attributes: MessageAttributes) => boolean {
  const root = parseFilterPolicy(policy, (message, path) => {
    throw new Error(`invalid filter policy${path.length ? ` at ${formatPath(path)}` : ''}: ${message}`);
  });
  const test = compileNode(root);
  return (attributes) => test(attributes, hasAnyAttribute(attributes));
}
