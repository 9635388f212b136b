import type { NumericBound } from '../../../schema/filterPolicyAst';
import type { ValueTest } from './strings';

/**
 * A2.5 numeric conditions: "=", one-sided and two-sided ranges, on Number values only.
 * Event Ruler: numeric matching "only works with values that are JSON numbers" (SNS-DOC:numeric-value-matching),
 * so a string holding digits ("5") never matches. How AWS treats a String attribute holding digits was
 * NOT verified on AWS (A2.5); LocalStack, an emulator, also treats it as a non-match.
 * Values compare as JS doubles, so 301.5 and 3.015e2 are the same value.
 */
export function compileNumeric(lower: NumericBound | null, upper: NumericBound | null): ValueTest {
  const aboveLower = lower === null ? () => true
    : lower.inclusive ? (n: number) => n >= lower.value : (n: number) => n > lower.value;
  const belowUpper = upper === null ? () => true
    : upper.inclusive ? (n: number) => n <= upper.value : (n: number) => n < upper.value;
  return (v) => typeof v === 'number' && aboveLower(v) && belowUpper(v);
}
