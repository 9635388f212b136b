import { isPlainObject, type Condition, type PathPart, type Report } from './filterPolicyAst';
import { parseCidr } from './filterPolicyIp';
import { checkNumber, parseNumeric } from './filterPolicyNumeric';

/**
 * One entry of a key's list in an SNS filter policy (semantics.md A2.5): a plain value, or an object
 * naming exactly one operator. Sentences are AWS's own where A2.5 or AWS-REC records them.
 */

type Path = readonly PathPart[];

/** A2.5 string conditions (SNS-DOC:string-value-matching): wildcard `*`; consecutive `*` are not allowed (event-ruler README). */
function checkWildcard(pattern: string, path: Path, report: Report): boolean {
  const at = pattern.indexOf('**');
  if (at < 0) return true;
  report(`Consecutive wildcard characters at pos ${at + 1}`, path);
  return false;
}

function stringOperand(op: string, operand: unknown, path: Path, report: Report): string | null {
  if (typeof operand === 'string') return operand;
  // A2.5 (AWS-REC:test_validate_policy*): {"suffix":100} → "suffix match pattern must be a string".
  report(`${op} match pattern must be a string`, path);
  return null;
}

/**
 * A2.5 anything-but forms: v | [v…] | {"prefix":p} | {"suffix":s} | {"wildcard":w}.
 * Version gate: AWS rejected the suffix and wildcard forms until mid-2024
 * (AWS-REC:test_validate_policy_nested_anything_but_operator, 2024-05-15: "Unsupported anything-but pattern: suffix");
 * they are documented now and accepted here, as AWS does today.
 * `{"anything-but": {"exists": false}}` is invalid (A2.5), as is any operator other than the three.
 */
function parseAnythingButPattern(operand: Record<string, unknown>, path: Path, report: Report): Condition | null {
  const names = Object.keys(operand);
  if (names.length !== 1) { report('Only one key allowed in match expression', path); return null; }
  const pattern = names[0]!;
  if (pattern !== 'prefix' && pattern !== 'suffix' && pattern !== 'wildcard') {
    report(`Unsupported anything-but pattern: ${pattern}`, [...path, pattern]);
    return null;
  }
  const value = stringOperand(pattern, operand[pattern], [...path, pattern], report);
  if (value === null || (pattern === 'wildcard' && !checkWildcard(value, [...path, pattern], report))) return null;
  return { op: 'anything-but-pattern', pattern, value };
}

/** Event Ruler: an anything-but list holds only strings or only numbers, never null or booleans. */
function parseAnythingButList(list: readonly unknown[], path: Path, report: Report): Condition | null {
  if (list.length === 0) { report('Empty arrays are not allowed', path); return null; }
  let ok = true;
  list.forEach((v, i) => {
    if (typeof v === 'number') ok = checkNumber(v, [...path, i], report) && ok;
    else if (typeof v !== 'string') { report('Inside anything but list, start|null|boolean is not supported.', [...path, i]); ok = false; }
  });
  if (ok && list.some((v) => typeof v === 'number') && list.some((v) => typeof v === 'string')) {
    report('Inside anything but list, either all values are number or string, mixed type is not supported', path);
    ok = false;
  }
  return ok ? { op: 'anything-but', values: list as (string | number)[] } : null;
}

function parseAnythingBut(operand: unknown, path: Path, report: Report): Condition | null {
  if (typeof operand === 'string') return { op: 'anything-but', values: [operand] };
  if (typeof operand === 'number') return checkNumber(operand, path, report) ? { op: 'anything-but', values: [operand] } : null;
  if (Array.isArray(operand)) return parseAnythingButList(operand, path, report);
  if (isPlainObject(operand)) return parseAnythingButPattern(operand, path, report);
  report('Value of anything-but must be an array or single string/number value.', path);
  return null;
}

function parseOperator(op: string, operand: unknown, path: Path, report: Report): Condition | null {
  switch (op) {
    case 'prefix': case 'suffix': case 'equals-ignore-case': case 'wildcard': {
      const value = stringOperand(op, operand, path, report);
      if (value === null || (op === 'wildcard' && !checkWildcard(value, path, report))) return null;
      return { op, value };
    }
    case 'cidr': {
      const text = stringOperand(op, operand, path, report);
      if (text === null) return null;
      const block = parseCidr(text);
      if (typeof block === 'string') { report(block, path); return null; }
      return { op, block };
    }
    case 'anything-but': return parseAnythingBut(operand, path, report);
    case 'numeric': return parseNumeric(operand, path, report);
    case 'exists':
      if (typeof operand === 'boolean') return { op, value: operand };
      report('exists match pattern must be either true or false.', path);
      return null;
    default:
      report(`Unrecognized match type ${op}`, path);
      return null;
  }
}

/** A2.5: matching values may be strings, numbers, true, false or null (SNS-DOC:subscription-filter-policy-constraints). */
export function parseCondition(entry: unknown, path: Path, report: Report): Condition | null {
  if (entry === null || typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
    return { op: 'exact', value: entry };
  }
  if (!isPlainObject(entry)) { report('Match value must be String, number, true, false, or null', path); return null; }
  const names = Object.keys(entry);
  if (names.length === 0) { report('Match expression name not found', path); return null; }
  // A2.5 (AWS-REC): two operators in one object → "Only one key allowed in match expression".
  if (names.length > 1) { report('Only one key allowed in match expression', path); return null; }
  const op = names[0]!;
  return parseOperator(op, entry[op], [...path, op], report);
}
