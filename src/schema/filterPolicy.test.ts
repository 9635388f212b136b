import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZodIssues } from './errors';
import { countCombinations, FilterPolicySchema, parseFilterPolicy } from './filterPolicy';
import { decimalPlaces } from './filterPolicyNumeric';
import { parseCidr, parseIp } from './filterPolicyIp';

/** Every complaint as `path: message` (path inside the policy). */
function problems(policy: unknown): string[] {
  const result = FilterPolicySchema.safeParse(policy, { reportInput: true }); // as parseScenario does
  return result.success ? [] : fromZodIssues(result.error.issues).map((e) => `${e.path}: ${e.message}`);
}
const valid = (policy: unknown) => expect(problems(policy), JSON.stringify(policy)).toEqual([]);
const invalid = (policy: unknown, expected: string) => expect(problems(policy), JSON.stringify(policy)).toContain(expected);

const range = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

describe('A2.5 filter policy schema: accepted syntax', () => {
  it('A2.5: accepts exact strings, numbers, true, false and null', () => {
    valid({ store: ['example_corp'], price: [301.5, 0], flag: [true, false], nothing: [null] });
  });

  it('A2.5: accepts prefix, suffix, equals-ignore-case, wildcard and cidr (IPv4 and IPv6)', () => {
    valid({ a: [{ prefix: 'eu-' }, { suffix: '.png' }, { 'equals-ignore-case': 'Red' }, { wildcard: '*ball*' }] });
    valid({ ip: [{ cidr: '10.0.0.0/24' }, { cidr: '2001:db8::/32' }, { cidr: '::ffff:10.0.0.0/104' }, { cidr: '0.0.0.0/0' }] });
  });

  it('A2.5: accepts anything-but with a value, a list, prefix, suffix and wildcard', () => {
    valid({ a: [{ 'anything-but': 'x' }, { 'anything-but': 5 }, { 'anything-but': ['a', 'b'] }, { 'anything-but': [1, 2.5] }] });
    valid({ a: [{ 'anything-but': { prefix: 'x' } }] });
    // Version gate (AWS-REC 2024-05-15 rejected these; documented and accepted now): current behaviour.
    valid({ a: [{ 'anything-but': { suffix: 'x' } }], b: [{ 'anything-but': { wildcard: 'x*y' } }] });
  });

  it('A2.5: accepts numeric =, one-sided and two-sided ranges', () => {
    valid({ n: [{ numeric: ['=', 301.5] }, { numeric: ['<', 0] }, { numeric: ['<=', 1] }, { numeric: ['>', -1] }, { numeric: ['>=', 2] }] });
    valid({ n: [{ numeric: ['>', 0, '<=', 150] }, { numeric: ['>=', -5.5, '<', 5.5] }] });
  });

  it('A2.5: accepts exists true and false', () => {
    valid({ a: [{ exists: true }], b: [{ exists: false }] });
  });

  it('A2.5: accepts $or of sub-policies, also nested and beside other keys', () => {
    valid({ source: ['aws.cloudwatch'], $or: [{ metric: ['CPU'] }, { namespace: ['AWS/EC2'], $or: [{ x: [1] }, { y: [2] }] }] });
  });

  it('A2.5: an empty policy {} is accepted (no key to fail, so no filter)', () => {
    valid({});
  });
});

describe('A2.5 filter policy schema: AWS validation sentences with their paths', () => {
  it('A2.5 (AWS-REC): {"k":[]} → "Empty arrays are not allowed"', () => {
    invalid({ k: [] }, 'k: Empty arrays are not allowed');
  });

  it('A2.5 (AWS-REC): two operators in one object → "Only one key allowed in match expression"', () => {
    invalid({ k: ['ok', { prefix: 'a', suffix: 'b' }] }, 'k[1]: Only one key allowed in match expression');
  });

  it('A2.5 (AWS-REC): {"suffix":100} → "suffix match pattern must be a string"', () => {
    invalid({ k: [{ suffix: 100 }] }, 'k[0].suffix: suffix match pattern must be a string');
    invalid({ k: [{ prefix: true }] }, 'k[0].prefix: prefix match pattern must be a string');
    invalid({ k: [{ 'equals-ignore-case': null }] }, 'k[0].equals-ignore-case: equals-ignore-case match pattern must be a string');
    invalid({ k: [{ cidr: 10 }] }, 'k[0].cidr: cidr match pattern must be a string');
  });

  it('A2.5 (AWS-REC test_validate_policy_numeric_operator): wrong order → "Bottom must be less than top"', () => {
    invalid({ p: [{ numeric: ['>', 10, '<', 5] }] }, 'p[0].numeric: Bottom must be less than top');
    invalid({ p: [{ numeric: ['>=', 10, '<=', 10] }] }, 'p[0].numeric: Bottom must be less than top');
  });

  it('A2.5 (AWS-REC): more than two terms → "Too many terms"', () => {
    invalid({ p: [{ numeric: ['>', 0, '<', 10, '<', 20] }] }, 'p[0].numeric: Too many terms in numeric range expression');
  });

  it('A2.5 (AWS-REC): ["<",100,">",10] → "Too many elements"', () => {
    invalid({ p: [{ numeric: ['<', 100, '>', 10] }] }, 'p[0].numeric: Too many elements in numeric expression');
    invalid({ p: [{ numeric: ['=', 1, '<', 2] }] }, 'p[0].numeric: Too many elements in numeric expression');
  });

  it('A2.5 (AWS-REC): [">=",1,">",2] → "Bad numeric range operator"', () => {
    invalid({ p: [{ numeric: ['>=', 1, '>', 2] }] }, 'p[0].numeric[2]: Bad numeric range operator: >');
  });

  it('A2.5: other malformed numeric conditions are refused', () => {
    invalid({ p: [{ numeric: 5 }] }, 'p[0].numeric: Value of numeric must be an array.');
    invalid({ p: [{ numeric: [] }] }, 'p[0].numeric[0]: Invalid member in numeric match: ]');
    invalid({ p: [{ numeric: ['!=', 1] }] }, 'p[0].numeric[0]: Unrecognized numeric range operator: !=');
    invalid({ p: [{ numeric: ['=', '5'] }] }, 'p[0].numeric[1]: Value of equals must be numeric');
    invalid({ p: [{ numeric: ['>', 1, '<', 'x'] }] }, 'p[0].numeric[3]: Value of < must be numeric');
    invalid({ p: [{ numeric: ['>', 1, 5] }] }, 'p[0].numeric[2]: Bad value in numeric range: 5');
  });

  it('A2.5: numbers are within −10⁹…10⁹ with at most 5 decimal places', () => {
    valid({ p: [{ numeric: ['>=', -1e9, '<=', 1e9] }, { numeric: ['=', 0.00001] }, { 'anything-but': 123.45678 }] });
    const sentence = 'Numbers must be between -1000000000 and 1000000000 with at most 5 decimal places';
    invalid({ p: [{ numeric: ['<', 1e9 + 1] }] }, `p[0].numeric[1]: ${sentence}, got 1000000001`);
    invalid({ p: [{ numeric: ['>', -1e9 - 1] }] }, `p[0].numeric[1]: ${sentence}, got -1000000001`);
    invalid({ p: [{ numeric: ['=', 0.000001] }] }, `p[0].numeric[1]: ${sentence}, got 0.000001`);
    invalid({ p: [{ numeric: ['>', 0, '<', 1.123456] }] }, `p[0].numeric[3]: ${sentence}, got 1.123456`);
    invalid({ p: [{ 'anything-but': [1, 2e9] }] }, `p[0].anything-but[1]: ${sentence}, got 2000000000`);
  });

  it('A2.5: decimal places are counted on the number, whatever the notation', () => {
    expect(decimalPlaces(3.015e2)).toBe(1);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-5)).toBe(6);
    expect(decimalPlaces(-0.12345)).toBe(5);
    expect(decimalPlaces(1e21)).toBe(0);
  });

  it('A2.5: {"anything-but": {"exists": false}} is invalid', () => {
    invalid({ a: [{ 'anything-but': { exists: false } }] }, 'a[0].anything-but.exists: Unsupported anything-but pattern: exists');
    invalid({ a: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'a[0].anything-but.numeric: Unsupported anything-but pattern: numeric');
  });

  it('A2.5: anything-but takes strings or numbers only (Event Ruler: no null, boolean or mixed lists)', () => {
    invalid({ a: [{ 'anything-but': null }] }, 'a[0].anything-but: Value of anything-but must be an array or single string/number value.');
    invalid({ a: [{ 'anything-but': [true] }] }, 'a[0].anything-but[0]: Inside anything but list, start|null|boolean is not supported.');
    invalid({ a: [{ 'anything-but': ['a', 1] }] }, 'a[0].anything-but: Inside anything but list, either all values are number or string, mixed type is not supported');
    invalid({ a: [{ 'anything-but': [] }] }, 'a[0].anything-but: Empty arrays are not allowed');
    invalid({ a: [{ 'anything-but': { prefix: 1 } }] }, 'a[0].anything-but.prefix: prefix match pattern must be a string');
    invalid({ a: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }, 'a[0].anything-but: Only one key allowed in match expression');
  });

  it('A2.5 (event-ruler README): consecutive * in a wildcard are not allowed', () => {
    invalid({ a: [{ wildcard: 'a**b' }] }, 'a[0].wildcard: Consecutive wildcard characters at pos 2');
    invalid({ a: [{ 'anything-but': { wildcard: '**' } }] }, 'a[0].anything-but.wildcard: Consecutive wildcard characters at pos 1');
    valid({ a: [{ wildcard: '*a*b*' }, { wildcard: '' }, { wildcard: '*' }] });
  });

  it('A2.5: exists takes true or false; unknown operators and non-values are refused', () => {
    invalid({ a: [{ exists: 'yes' }] }, 'a[0].exists: exists match pattern must be either true or false.');
    invalid({ a: [{ regex: '.*' }] }, 'a[0].regex: Unrecognized match type regex');
    invalid({ a: [{}] }, 'a[0]: Match expression name not found');
    invalid({ a: [['x']] }, 'a[0]: Match value must be String, number, true, false, or null');
  });

  it('A2.5: attribute policies map each key to a list; they do not nest', () => {
    invalid({ a: 'x' }, 'a: must be a list of conditions (attribute filter policies do not nest), got "x"');
    invalid({ a: { b: ['x'] } }, 'a: must be a list of conditions (attribute filter policies do not nest), got an object');
    invalid({ $or: [{ a: ['x'] }, { b: { c: ['y'] } }] }, '$or[1].b: Filter policy scope MessageAttributes does not support nested filter policy');
    invalid({ $or: [{ a: ['x'] }, { b: 'y' }] }, '$or[1].b: "b" must be an object or an array');
  });
});

describe('A2.5 filter policy schema: $or recognition', () => {
  const root = (policy: unknown) => parseFilterPolicy(policy, (m, p) => { throw new Error(`${p.join('.')}: ${m}`); });

  it('A2.5: $or holding ≥ 2 objects without reserved keywords joins sub-policies', () => {
    const node = root({ $or: [{ a: ['x'] }, { b: ['y'] }] });
    expect(node.keys).toEqual([]);
    expect(node.or?.map((b) => b.keys.map((k) => k.name))).toEqual([['a'], ['b']]);
  });

  it('A2.5: $or with a single object is an ordinary attribute name', () => {
    invalid({ $or: [{ a: ['x'] }] }, '$or[0].a: Unrecognized match type a');
  });

  it('A2.5: $or whose objects use a reserved keyword as field name is an ordinary attribute name', () => {
    const node = root({ $or: [{ prefix: 'a' }, { numeric: ['>', 1] }] });
    expect(node.or).toBeNull();
    expect(node.keys.map((k) => k.name)).toEqual(['$or']);
    expect(node.keys[0]!.conditions.map((c) => c.op)).toEqual(['prefix', 'numeric']);
    // One reserved field is enough: the list is then read as conditions and the object has two keys.
    invalid({ $or: [{ a: ['x'] }, { b: ['y'], exists: true }] }, '$or[0].a: Unrecognized match type a');
  });

  it('A2.5: $or holding non-objects is an ordinary attribute name', () => {
    const node = root({ $or: ['a', 'b'] });
    expect(node.or).toBeNull();
    expect(node.keys[0]!.conditions).toEqual([{ op: 'exact', value: 'a' }, { op: 'exact', value: 'b' }]);
  });

  it('A2.5 (Event Ruler): an empty $or branch is refused', () => {
    invalid({ $or: [{}, { a: ['x'] }] }, '$or[0]: Empty objects are not allowed');
  });
});

describe('A2.5 filter policy schema: limits', () => {
  it('A2.5: at most 5 keys', () => {
    valid({ a: [1], b: [1], c: [1], d: [1], e: [1] });
    invalid({ a: [1], b: [1], c: [1], d: [1], e: [1], f: [1] }, ': Filter policy can not have more than 5 keys (it names 6)');
  });

  it('A2.5: keys inside $or branches count too (each name once)', () => {
    valid({ a: [1], $or: [{ b: [1], c: [1] }, { b: [2], d: [1], e: [1] }] });
    invalid({ a: [1], $or: [{ b: [1], c: [1] }, { d: [1], e: [1], f: [1] }] }, ': Filter policy can not have more than 5 keys (it names 6)');
  });

  it('A2.5: the product of list sizes is at most 150', () => {
    valid({ a: range(3), b: range(50) });
    expect(countCombinations(parseFilterPolicy({ a: range(3), b: range(1), c: range(2) }, () => {}))).toBe(6);
    invalid({ a: range(2), b: range(76) }, ': Filter policy is too complex: 152 combinations of values, at most 150');
  });

  it('A2.5: with $or, each branch\'s product is summed', () => {
    const policy = (n: number) => ({ a: range(3), $or: [{ b: range(n) }, { c: range(1) }] });
    expect(countCombinations(parseFilterPolicy(policy(49), () => {}))).toBe(3 * (49 + 1));
    valid(policy(49));
    invalid(policy(50), ': Filter policy is too complex: 153 combinations of values, at most 150');
  });

  it('A2.5: a policy is at most 256 KB', () => {
    invalid({ a: [`${'x'.repeat(140 * 1024)}`, `${'y'.repeat(140 * 1024)}`] }, ': Filter policy is too large: 286733 bytes, at most 256 KB');
  });
});

describe('A2.5 filter policy schema: cidr addresses', () => {
  it('A2.5: parses IPv4 and IPv6 text forms', () => {
    expect(parseIp('10.1.2.3')).toEqual({ family: 4, words: [0x0a01, 0x0203] });
    expect(parseIp('::')?.words).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIp('2001:DB8::1')?.words).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIp('::ffff:192.0.2.1')?.words).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
    expect(parseIp('1:2:3:4:5:6:7:8')?.words).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('A2.5: refuses malformed addresses', () => {
    for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', '1:2:3:4:5:6:7', '1::2::3', ':1::', '1:2:3:4:5:6:7:8::',
      '12345::', 'g::', '1.2.3.4::', 'fe80::1%eth0', '']) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it('A2.5: cidr needs one "/", integer mask bits within the family, and a standard address', () => {
    invalid({ ip: [{ cidr: '10.0.0.0' }] }, "ip[0].cidr: Malformed CIDR, one '/' required");
    invalid({ ip: [{ cidr: '10.0.0.0/x' }] }, 'ip[0].cidr: Malformed CIDR, mask bits must be an integer');
    invalid({ ip: [{ cidr: '10.0.0.0/33' }] }, 'ip[0].cidr: Malformed CIDR, mask bits must be at most 32 for IPv4');
    invalid({ ip: [{ cidr: '::/129' }] }, 'ip[0].cidr: Malformed CIDR, mask bits must be at most 128 for IPv6');
    invalid({ ip: [{ cidr: '10.0.0.300/8' }] }, 'ip[0].cidr: Nonstandard IP address: 10.0.0.300');
    expect(parseCidr('10.1.2.3/8')).toEqual({ family: 4, words: [0x0a00, 0], bits: 8 });
  });
});

describe('A2.5 filter policy schema inside a document', () => {
  it('A2.5: errors carry their JSON path through an enclosing schema', () => {
    const doc = z.object({ subscriptions: z.array(z.object({ filterPolicy: FilterPolicySchema })) });
    const result = doc.safeParse({ subscriptions: [{ filterPolicy: { price: [{ numeric: ['>', 5, '<', 1] }] } }] }, { reportInput: true });
    expect(result.success).toBe(false);
    expect(fromZodIssues(result.error!.issues)).toEqual([
      { code: 'invalid_value', path: 'subscriptions[0].filterPolicy.price[0].numeric', message: 'Bottom must be less than top' },
    ]);
  });

  it('A2.5: the schema has a JSON Schema form', () => {
    expect(() => z.toJSONSchema(FilterPolicySchema)).not.toThrow();
  });
});
