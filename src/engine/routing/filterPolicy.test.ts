import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilterPolicySchema, type FilterPolicy } from '../../schema/filterPolicy';
import type { HeaderValue } from '../model/message';
import { compileFilterPolicy, type MessageAttributes } from './filterPolicy';
import { compileWildcard } from './filterPolicy/strings';

/** Validates like a document load would, then compiles. */
const compile = (policy: unknown) => compileFilterPolicy(FilterPolicySchema.parse(policy));
const matches = (policy: unknown, attributes: MessageAttributes) => compile(policy)(attributes);

describe('A2.5 filter policy evaluation: keys', () => {
  it('A2.5: AND across keys, OR within one key\'s list', () => {
    const policy = { store: ['example_corp'], event: ['order_placed', 'order_cancelled'] };
    expect(matches(policy, { store: 'example_corp', event: 'order_cancelled' })).toBe(true);
    expect(matches(policy, { store: 'example_corp', event: 'order_shipped' })).toBe(false);
    expect(matches(policy, { store: 'other', event: 'order_placed' })).toBe(false);
  });

  it('A2.5: properties the policy does not name are ignored', () => {
    expect(matches({ store: ['a'] }, { store: 'a', extra: 1, more: ['x'] })).toBe(true);
  });

  it('A2.5: a key absent from the message fails', () => {
    expect(matches({ store: ['a'], event: ['x'] }, { store: 'a' })).toBe(false);
    expect(matches({ event: [{ prefix: '' }] }, { other: 'x' })).toBe(false);
    expect(matches({ n: [{ numeric: ['>=', 0] }] }, {})).toBe(false);
  });

  it('A2.5: an empty policy has no key to fail and matches every message', () => {
    expect(matches({}, {})).toBe(true);
    expect(matches({}, { a: 1 })).toBe(true);
  });
});

describe('A2.5 filter policy evaluation: exact values', () => {
  it('A2.5: an exact string is case-sensitive', () => {
    expect(matches({ a: ['Red'] }, { a: 'Red' })).toBe(true);
    expect(matches({ a: ['Red'] }, { a: 'red' })).toBe(false);
  });

  it('A2.5: strings, numbers and booleans never equal each other', () => {
    expect(matches({ a: ['5'] }, { a: 5 })).toBe(false);
    expect(matches({ a: [5] }, { a: '5' })).toBe(false);
    expect(matches({ a: [true] }, { a: 'true' })).toBe(false);
    expect(matches({ a: [true] }, { a: true })).toBe(true);
    expect(matches({ a: [false] }, { a: 0 })).toBe(false);
  });

  it('A2.5: 301.5 equals 3.015e2', () => {
    expect(matches(JSON.parse('{"price":[301.5]}'), JSON.parse('{"price":3.015e2}'))).toBe(true);
    expect(matches(JSON.parse('{"price":[3.015e2]}'), { price: 301.5 })).toBe(true);
    expect(matches(JSON.parse('{"price":[{"numeric":["=",301.5]}]}'), JSON.parse('{"price":3.015e2}'))).toBe(true);
  });

  it('A2.5 (AWS-REC): policy {"attr1":[null,{"anything-but":"whatever"}]} does not match a message with no attributes', () => {
    expect(matches({ attr1: [null, { 'anything-but': 'whatever' }] }, {})).toBe(false);
  });

  it('A2.5: null in a policy never matches an attribute value (attribute values are never null)', () => {
    expect(matches({ a: [null] }, { a: '' })).toBe(false);
    expect(matches({ a: [null] }, { a: ['x'] })).toBe(false);
    expect(matches({ a: [null, 'x'] }, { a: 'x' })).toBe(true);
  });
});

describe('A2.5 filter policy evaluation: string operators', () => {
  it('A2.5: prefix and suffix', () => {
    expect(matches({ a: [{ prefix: 'eu-' }] }, { a: 'eu-west-1' })).toBe(true);
    expect(matches({ a: [{ prefix: 'eu-' }] }, { a: 'us-east-1' })).toBe(false);
    expect(matches({ a: [{ suffix: '.png' }] }, { a: 'cat.png' })).toBe(true);
    expect(matches({ a: [{ suffix: '.png' }] }, { a: 'cat.PNG' })).toBe(false);
    expect(matches({ a: [{ prefix: '1' }] }, { a: 12 })).toBe(false);
  });

  it('A2.5: equals-ignore-case', () => {
    expect(matches({ a: [{ 'equals-ignore-case': 'ReD' }] }, { a: 'rEd' })).toBe(true);
    expect(matches({ a: [{ 'equals-ignore-case': 'red' }] }, { a: 'reds' })).toBe(false);
    expect(matches({ a: [{ 'equals-ignore-case': 'true' }] }, { a: true })).toBe(false);
  });

  it('A2.5: wildcard * matches any sequence, including none', () => {
    const w = { a: [{ wildcard: '*ball' }] };
    for (const yes of ['ball', 'baseball', 'football']) expect(matches(w, { a: yes }), yes).toBe(true);
    for (const no of ['balls', 'bal', 'BALL']) expect(matches(w, { a: no }), no).toBe(false);
    const inner = { a: [{ wildcard: 'a*b*c' }] };
    for (const yes of ['abc', 'aXbYc', 'abbc', 'abcbc', 'ab*c']) expect(matches(inner, { a: yes }), yes).toBe(true);
    for (const no of ['ac', 'abca', 'bac', 'aXc']) expect(matches(inner, { a: no }), no).toBe(false);
    expect(matches({ a: [{ wildcard: 'abc' }] }, { a: 'abc' })).toBe(true);
    expect(matches({ a: [{ wildcard: 'ab*ba' }] }, { a: 'aba' })).toBe(false); // pieces may not overlap
  });

  it('A2.5: the compiled wildcard agrees with a reference matcher (property)', () => {
    const pattern = fc.array(fc.constantFrom('a', 'b', '*'), { maxLength: 7 }).map((cs) => cs.join('')).filter((p) => !p.includes('**'));
    const subject = fc.array(fc.constantFrom('a', 'b', '*'), { maxLength: 9 }).map((cs) => cs.join(''));
    fc.assert(fc.property(pattern, subject, (p, s) => {
      const reference = new RegExp(`^${p.split('*').map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^]*')}$`);
      return compileWildcard(p)(s) === reference.test(s);
    }), { numRuns: 2000 });
  });

  it('A2.5: cidr matches IPv4 addresses inside the block', () => {
    const p = { ip: [{ cidr: '10.0.0.0/24' }] };
    expect(matches(p, { ip: '10.0.0.0' })).toBe(true);
    expect(matches(p, { ip: '10.0.0.255' })).toBe(true);
    expect(matches(p, { ip: '10.0.1.0' })).toBe(false);
    expect(matches(p, { ip: 'not an address' })).toBe(false);
    expect(matches(p, { ip: 167772161 })).toBe(false);
    expect(matches({ ip: [{ cidr: '192.168.1.128/25' }] }, { ip: '192.168.1.200' })).toBe(true);
    expect(matches({ ip: [{ cidr: '192.168.1.128/25' }] }, { ip: '192.168.1.127' })).toBe(false);
    expect(matches({ ip: [{ cidr: '0.0.0.0/0' }] }, { ip: '255.255.255.255' })).toBe(true);
    expect(matches({ ip: [{ cidr: '1.2.3.4/32' }] }, { ip: '1.2.3.4' })).toBe(true);
    expect(matches({ ip: [{ cidr: '1.2.3.4/32' }] }, { ip: '1.2.3.5' })).toBe(false);
  });

  it('A2.5: cidr matches IPv6 addresses inside the block; families do not mix', () => {
    const p = { ip: [{ cidr: '2001:db8::/32' }] };
    expect(matches(p, { ip: '2001:db8::1' })).toBe(true);
    expect(matches(p, { ip: '2001:0DB8:ffff:ffff:ffff:ffff:ffff:ffff' })).toBe(true);
    expect(matches(p, { ip: '2001:db9::' })).toBe(false);
    expect(matches({ ip: [{ cidr: '2001:db8:0:0:8000::/65' }] }, { ip: '2001:db8::8000:0:0:1' })).toBe(true);
    expect(matches({ ip: [{ cidr: '2001:db8:0:0:8000::/65' }] }, { ip: '2001:db8::7fff:0:0:1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '::/0' }] }, { ip: '10.0.0.1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '0.0.0.0/0' }] }, { ip: '::1' })).toBe(false);
  });
});

describe('A2.5 filter policy evaluation: anything-but', () => {
  it('A2.5: anything-but a value or a list matches any value not listed', () => {
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: 'y' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { a: 'x' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': ['x', 'y'] }] }, { a: 'y' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': [100, 200] }] }, { a: 150 })).toBe(true);
    expect(matches({ a: [{ 'anything-but': [100, 200] }] }, { a: 100 })).toBe(false);
    expect(matches({ a: [{ 'anything-but': 100 }] }, { a: '100' })).toBe(true);
  });

  it('A2.5: anything-but prefix, suffix and wildcard exclude what the pattern matches', () => {
    expect(matches({ a: [{ 'anything-but': { prefix: 'eu-' } }] }, { a: 'eu-west-1' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { prefix: 'eu-' } }] }, { a: 'us-east-1' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { suffix: '.tmp' } }] }, { a: 'x.tmp' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { suffix: '.tmp' } }] }, { a: 'x.txt' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { wildcard: '*ball' } }] }, { a: 'football' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { wildcard: '*ball' } }] }, { a: 'rugby' })).toBe(true);
    expect(matches({ a: [{ 'anything-but': { prefix: '1' } }] }, { a: 12 })).toBe(true); // a number is no string with that prefix
  });

  it('A2.5: anything-but does not match a missing key', () => {
    expect(matches({ a: [{ 'anything-but': 'x' }] }, { b: 'y' })).toBe(false);
    expect(matches({ a: [{ 'anything-but': { prefix: 'x' } }] }, {})).toBe(false);
  });

  it('A2.5: on an array, anything-but matches if SOME element is not excluded (the documented example)', () => {
    const policy = { sport: [{ 'anything-but': ['rugby', 'tennis'] }] };
    expect(matches(policy, { sport: ['rugby', 'baseball'] })).toBe(true);
    expect(matches(policy, { sport: ['rugby', 'tennis'] })).toBe(false);
    expect(matches(policy, { sport: [] })).toBe(false);
  });
});

describe('A2.5 filter policy evaluation: numeric', () => {
  it('A2.5: numeric "=" and one-sided ranges', () => {
    expect(matches({ n: [{ numeric: ['=', 5] }] }, { n: 5 })).toBe(true);
    expect(matches({ n: [{ numeric: ['=', 5] }] }, { n: 5.00001 })).toBe(false);
    expect(matches({ n: [{ numeric: ['<', 5] }] }, { n: 5 })).toBe(false);
    expect(matches({ n: [{ numeric: ['<=', 5] }] }, { n: 5 })).toBe(true);
    expect(matches({ n: [{ numeric: ['>', 5] }] }, { n: 5 })).toBe(false);
    expect(matches({ n: [{ numeric: ['>=', 5] }] }, { n: 5 })).toBe(true);
    expect(matches({ n: [{ numeric: ['>', -1] }] }, { n: -0.5 })).toBe(true);
  });

  it('A2.5: numeric two-sided ranges honour open and closed ends', () => {
    const open = { n: [{ numeric: ['>', 0, '<', 10] }] };
    const closed = { n: [{ numeric: ['>=', 0, '<=', 10] }] };
    for (const [v, o, c] of [[-1, false, false], [0, false, true], [5, true, true], [10, false, true], [11, false, false]] as const) {
      expect(matches(open, { n: v }), `open ${v}`).toBe(o);
      expect(matches(closed, { n: v }), `closed ${v}`).toBe(c);
    }
  });

  it('A2.5: numeric applies to Number values only; a string of digits does not match (not verified on AWS)', () => {
    expect(matches({ n: [{ numeric: ['>', 0] }] }, { n: '5' })).toBe(false);
    expect(matches({ n: [{ numeric: ['=', 1] }] }, { n: true })).toBe(false);
  });
});

describe('A2.5 filter policy evaluation: exists', () => {
  it('A2.5: exists:true needs the key present with a non-null, non-empty value', () => {
    const p = { a: [{ exists: true }] };
    expect(matches(p, { a: 'x' })).toBe(true);
    expect(matches(p, { a: 0 })).toBe(true);
    expect(matches(p, { a: false })).toBe(true);
    expect(matches(p, { a: ['x'] })).toBe(true);
    expect(matches(p, { a: '' })).toBe(false);
    expect(matches(p, { a: [] })).toBe(false);
    expect(matches(p, { b: 'x' })).toBe(false);
  });

  it('A2.5: exists:false matches an absent key only if at least one attribute is present', () => {
    const p = { a: [{ exists: false }] };
    expect(matches(p, { b: 'x' })).toBe(true);
    expect(matches(p, {})).toBe(false);
    expect(matches(p, { a: 'x' })).toBe(false);
    expect(matches(p, { a: '' })).toBe(false);
  });

  it('A2.5: exists joins the other conditions of its key with OR', () => {
    const p = { a: [{ exists: false }, 'x'] };
    expect(matches(p, { a: 'x' })).toBe(true);
    expect(matches(p, { a: 'y' })).toBe(false);
    expect(matches(p, { b: 1 })).toBe(true);
  });
});

describe('A2.5 filter policy evaluation: arrays (String.Array)', () => {
  it('A2.5: an array matches if ANY element satisfies ANY condition', () => {
    const p = { tags: ['red', { prefix: 'blu' }] };
    expect(matches(p, { tags: ['green', 'red'] })).toBe(true);
    expect(matches(p, { tags: ['green', 'bluish'] })).toBe(true);
    expect(matches(p, { tags: ['green', 'yellow'] })).toBe(false);
    expect(matches({ n: [{ numeric: ['>', 10] }] }, { n: [1, 'x', 11] })).toBe(true);
    expect(matches({ n: [{ numeric: ['>', 10] }] }, { n: [1, '20'] })).toBe(false);
  });
});

describe('A2.5 filter policy evaluation: $or', () => {
  it('A2.5: $or joins alternative sub-policies with OR', () => {
    const p = { source: ['aws.cloudwatch'], $or: [{ metric: ['CPU'] }, { namespace: ['AWS/EC2'] }] };
    expect(matches(p, { source: 'aws.cloudwatch', metric: 'CPU' })).toBe(true);
    expect(matches(p, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' })).toBe(true);
    expect(matches(p, { source: 'aws.cloudwatch', metric: 'Disk' })).toBe(false);
    expect(matches(p, { source: 'other', metric: 'CPU' })).toBe(false);
  });

  it('A2.5: $or branches may nest $or', () => {
    const p = { $or: [{ a: [1] }, { b: [2], $or: [{ c: [3] }, { d: [4] }] }] };
    expect(matches(p, { a: 1 })).toBe(true);
    expect(matches(p, { b: 2, d: 4 })).toBe(true);
    expect(matches(p, { b: 2 })).toBe(false);
  });

  it('A2.5: a $or that is not recognised is an attribute named "$or"', () => {
    const p = { $or: [{ prefix: 'a' }, { suffix: 'z' }] };
    expect(matches(p, { $or: 'abc' })).toBe(true);
    expect(matches(p, { $or: 'xyz' })).toBe(true);
    expect(matches(p, { $or: 'mmm' })).toBe(false);
    expect(matches(p, { a: 'abc' })).toBe(false);
  });

  // A small policy generator: keys a–c, a handful of conditions from every family.
  const condition = fc.constantFrom<unknown>(
    'x', 'y', 1, 2, true, null, { prefix: 'x' }, { suffix: 'y' }, { 'equals-ignore-case': 'X' }, { wildcard: 'x*' },
    { 'anything-but': 'x' }, { 'anything-but': [1, 2] }, { 'anything-but': { prefix: 'y' } }, { numeric: ['>', 1] },
    { numeric: ['>=', 0, '<', 2] }, { exists: true }, { exists: false }, { cidr: '10.0.0.0/8' },
  );
  const policy = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.array(condition, { minLength: 1, maxLength: 3 }), { minKeys: 1 });
  const value = fc.constantFrom<HeaderValue>('x', 'y', 'X', 'xy', '', 0, 1, 1.5, 2, true, false, '10.1.2.3');
  const attributes = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(value, fc.array(value, { maxLength: 3 })));

  it('A2.5 (property): $or of two policies equals the OR of evaluating each', () => {
    fc.assert(fc.property(policy, policy, attributes, (p1, p2, attrs) => {
      const both = compile({ $or: [p1, p2] });
      return both(attrs) === (compile(p1)(attrs) || compile(p2)(attrs));
    }), { numRuns: 1000 });
  });

  it('A2.5 (property): a key\'s list is the OR of its conditions one by one', () => {
    fc.assert(fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), attributes, (list, attrs) => {
      const whole = compile({ a: list })(attrs);
      return whole === list.some((c) => compile({ a: [c] })(attrs));
    }), { numRuns: 1000 });
  });
});

describe('A2.5 filter policy compilation', () => {
  it('A2.5: an invalid policy is a programming error: compile refuses it with the rule it breaks', () => {
    expect(() => compileFilterPolicy({ a: [] } as FilterPolicy)).toThrow('invalid filter policy at a: Empty arrays are not allowed');
    expect(() => compileFilterPolicy({ p: [{ numeric: ['>', 2, '<', 1] }] })).toThrow('Bottom must be less than top');
  });
});
