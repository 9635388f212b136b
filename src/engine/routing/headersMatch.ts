import type { HeaderValue } from '../model/message';
import { describeValue } from '../../schema/errors';

/**
 * RabbitMQ headers exchange (semantics.md A1.3; RMQ-SRC rabbit_exchange_type_headers.erl, BROKER on 3.10.8).
 * The routing key plays no part: only the binding's arguments and the message's headers do.
 */
export type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';

export const X_MATCH_MODES: readonly XMatch[] = ['all', 'any', 'all-with-x', 'any-with-x'];

/** A binding argument: a value the header must equal, or `null` (AMQP void) for "the header is present". */
export type HeaderArg = HeaderValue | null;

/**
 * A1.3: `x-match` may be all, any, all-with-x or any-with-x; missing means all; anything else makes
 * RabbitMQ refuse the binding with `binding_invalid`. Returns that refusal as a sentence, or undefined.
 */
export function validateXMatch(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (X_MATCH_MODES as readonly string[]).includes(value)) return undefined;
  return `x-match must be "all", "any", "all-with-x" or "any-with-x" (RabbitMQ refuses other values with binding_invalid), got ${describeValue(value)}`;
}

/**
 * A1.3 equality of a header value with a binding value. The AMQP type tag is not compared, but a
 * string never equals a number or a boolean (`"1"` ≠ `1`, BROKER B11/B12), so JS `===` across types.
 *
 * Version difference: 3.10 compares with Erlang `==` (integer 1 equals double 1.0, BROKER B11/M11),
 * 4.x with `=:=` (integer 1 does not equal 1.0, RMQ-SRC `maps:get(K,M)=:=V`; DERIVED). A scenario is
 * JSON, and JSON cannot tell integer 1 from 1.0: a JS number stands for one AMQP numeric type on both
 * sides, so the two operators agree on every value a scenario can hold and `brokerVersion` changes
 * nothing here. It is taken so the rule stays visible where typed numbers would make it matter.
 */
function sameValue(header: HeaderValue, arg: HeaderValue, _brokerVersion: '3.10' | '4.x'): boolean {
  return header === arg;
}

/**
 * Compiles one binding's arguments once: the `x-` filter and the mode are decided here, not per message.
 * A1.3: all/any ignore every argument whose name starts with `x-`; the -with-x modes keep them; the
 * `x-match` key itself is always skipped.
 */
export function compileHeadersMatch(
  xMatch: XMatch,
  bindingArgs: Readonly<Record<string, HeaderArg>>,
  brokerVersion: '3.10' | '4.x' = '4.x',
): (headers: Readonly<Record<string, HeaderValue>>) => boolean {
  const withX = xMatch === 'all-with-x' || xMatch === 'any-with-x';
  const args = Object.entries(bindingArgs)
    .filter(([name]) => name !== 'x-match' && (withX || !name.startsWith('x-')));
  const argMatches = (headers: Readonly<Record<string, HeaderValue>>, name: string, arg: HeaderArg): boolean => {
    if (!Object.hasOwn(headers, name)) return false;
    // A1.3: a void binding value only tests presence (RMQ-TEST headers_exchange_key_presence_only; BROKER B10).
    return arg === null || sameValue(headers[name]!, arg, brokerVersion);
  };
  // A1.3: all with no remaining argument matches everything, even no headers (BROKER B4/B6);
  // any with none matches nothing (BROKER B5). `every`/`some` on an empty list say exactly that.
  if (xMatch === 'all' || xMatch === 'all-with-x') return (h) => args.every(([n, a]) => argMatches(h, n, a));
  return (h) => args.some(([n, a]) => argMatches(h, n, a));
}

/** A1.3: does a message with these headers match a headers-exchange binding? The routing key is ignored. */
export function headersMatch(
  xMatch: XMatch,
  bindingArgs: Readonly<Record<string, HeaderArg>>,
  headers: Readonly<Record<string, HeaderValue>>,
  brokerVersion: '3.10' | '4.x' = '4.x',
): boolean {
  return compileHeadersMatch(xMatch, bindingArgs, brokerVersion)(headers);
}
