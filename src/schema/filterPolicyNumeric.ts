import type { Condition, PathPart, Report } from './filterPolicyAst';

/**
 * SNS `numeric` conditions and number limits (semantics.md A2.5 "Numeric conditions"; SNS-DOC:numeric-value-matching).
 * Accepted: ["=", x], one range ["<"|"<="|">"|">=", x], or two-sided [">"|">=", lo, "<"|"<=", hi].
 * The checks run in Event Ruler's order, with the sentences AWS returns
 * (AWS-REC:test_validate_policy_numeric_operator): "Bottom must be less than top", "Too many terms…",
 * "Too many elements…", "Bad numeric range operator…".
 */

export const NUMBER_LIMIT = 1e9;
export const MAX_DECIMALS = 5;

/** Decimal places of a number as JS writes it shortest ("1e-7" has 7, "1.5e2" has 0). */
export function decimalPlaces(n: number): number {
  const [mantissa = '', exponent = '0'] = String(Math.abs(n)).split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/** A2.5: values are in −10⁹…10⁹ with 5 decimal places (SNS-DOC:subscription-filter-policy-constraints). */
export function checkNumber(n: number, path: readonly PathPart[], report: Report): boolean {
  if (n >= -NUMBER_LIMIT && n <= NUMBER_LIMIT && decimalPlaces(n) <= MAX_DECIMALS) return true;
  report(`Numbers must be between -1000000000 and 1000000000 with at most 5 decimal places, got ${n}`, path);
  return false;
}

const OPERATORS = new Set(['=', '<', '<=', '>', '>=']);
const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));

/** Validates one `numeric` operand (the list after "numeric") and returns its range, or null after a report. */
export function parseNumeric(operand: unknown, path: readonly PathPart[], report: Report): Condition | null {
  const fail = (message: string, at: readonly PathPart[] = path) => { report(message, at); return null; };
  if (!Array.isArray(operand)) return fail('Value of numeric must be an array.');
  const [op, first, op2, second] = operand as unknown[];
  if (typeof op !== 'string') return fail(`Invalid member in numeric match: ${operand.length === 0 ? ']' : show(op)}`, [...path, 0]);
  if (!OPERATORS.has(op)) return fail(`Unrecognized numeric range operator: ${op}`, [...path, 0]);
  if (typeof first !== 'number') return fail(`Value of ${op === '=' ? 'equals' : op} must be numeric`, [...path, 1]);
  if (!checkNumber(first, [...path, 1], report)) return null;
  const opensRange = op === '>' || op === '>=';
  if (!opensRange && operand.length > 2) return fail('Too many elements in numeric expression');
  if (op === '=') return { op: 'numeric', lower: { value: first, inclusive: true }, upper: { value: first, inclusive: true } };
  if (!opensRange) return { op: 'numeric', lower: null, upper: { value: first, inclusive: op === '<=' } };
  const lower = { value: first, inclusive: op === '>=' };
  if (operand.length === 2) return { op: 'numeric', lower, upper: null };
  if (typeof op2 !== 'string') return fail(`Bad value in numeric range: ${show(op2)}`, [...path, 2]);
  if (op2 !== '<' && op2 !== '<=') return fail(`Bad numeric range operator: ${op2}`, [...path, 2]);
  if (typeof second !== 'number') return fail(`Value of ${op2} must be numeric`, [...path, 3]);
  if (operand.length > 4) return fail('Too many terms in numeric range expression');
  if (!checkNumber(second, [...path, 3], report)) return null;
  if (!(first < second)) return fail('Bottom must be less than top');
  return { op: 'numeric', lower, upper: { value: second, inclusive: op2 === '<=' } };
}
