import { describe, expect, it } from 'vitest';
import { compileHeadersMatch, headersMatch, validateXMatch, X_MATCH_MODES } from './headersMatch';

// semantics.md A1.3: headers exchange (RMQ-SRC rabbit_exchange_type_headers.erl; BROKER on 3.10.8).
describe('A1.3 headers exchange x-match', () => {
  it('A1.3: x-match all, any, all-with-x and any-with-x are valid; missing means all', () => {
    for (const mode of X_MATCH_MODES) expect(validateXMatch(mode)).toBeUndefined();
    expect(validateXMatch(undefined)).toBeUndefined();
  });

  it('A1.3: any other x-match value fails the binding with binding_invalid', () => {
    for (const bad of ['ALL', 'none', '', 'all ', 1, null, true, ['all']]) {
      expect(validateXMatch(bad), String(bad)).toMatch(/binding_invalid/);
    }
    expect(validateXMatch('first')).toContain('"first"');
  });

  it('A1.3 all: every remaining argument must match', () => {
    const args = { a: 'x', b: 2 };
    expect(headersMatch('all', args, { a: 'x', b: 2 })).toBe(true);
    expect(headersMatch('all', args, { a: 'x', b: 2, extra: true })).toBe(true);
    expect(headersMatch('all', args, { a: 'x' })).toBe(false);
    expect(headersMatch('all', args, { a: 'x', b: 3 })).toBe(false);
  });

  it('A1.3 any: at least one argument must match', () => {
    const args = { a: 'x', b: 2 };
    expect(headersMatch('any', args, { b: 2 })).toBe(true);
    expect(headersMatch('any', args, { a: 'x', b: 99 })).toBe(true);
    expect(headersMatch('any', args, { a: 'y', b: 3 })).toBe(false);
    expect(headersMatch('any', args, {})).toBe(false);
  });

  it('A1.3 (BROKER B4/B6): all with no remaining arguments matches everything, including no headers', () => {
    expect(headersMatch('all', {}, {})).toBe(true);
    expect(headersMatch('all', {}, { a: 1 })).toBe(true);
    expect(headersMatch('all', { 'x-only': 'ignored' }, {})).toBe(true);
    expect(headersMatch('all-with-x', {}, {})).toBe(true);
  });

  it('A1.3 (BROKER B5): any with no remaining arguments matches nothing', () => {
    expect(headersMatch('any', {}, {})).toBe(false);
    expect(headersMatch('any', {}, { a: 1 })).toBe(false);
    expect(headersMatch('any', { 'x-only': 'v' }, { 'x-only': 'v' })).toBe(false);
    expect(headersMatch('any-with-x', {}, { a: 1 })).toBe(false);
  });

  it('A1.3: all and any ignore every binding argument whose name starts with x-', () => {
    const args = { 'x-tenant': 'blue', kind: 'order' };
    expect(headersMatch('all', args, { kind: 'order' })).toBe(true);
    expect(headersMatch('all', args, { kind: 'order', 'x-tenant': 'red' })).toBe(true);
    expect(headersMatch('any', args, { 'x-tenant': 'blue' })).toBe(false);
  });

  it('A1.3: all-with-x and any-with-x use x- arguments too', () => {
    const args = { 'x-tenant': 'blue', kind: 'order' };
    expect(headersMatch('all-with-x', args, { kind: 'order' })).toBe(false);
    expect(headersMatch('all-with-x', args, { kind: 'order', 'x-tenant': 'blue' })).toBe(true);
    expect(headersMatch('any-with-x', args, { 'x-tenant': 'blue' })).toBe(true);
    expect(headersMatch('any-with-x', args, { 'x-tenant': 'red' })).toBe(false);
  });

  it('A1.3: the x-match key itself is always skipped, even in the -with-x modes', () => {
    expect(headersMatch('all-with-x', { 'x-match': 'all-with-x' }, {})).toBe(true);
    expect(headersMatch('any-with-x', { 'x-match': 'any-with-x' }, { 'x-match': 'any-with-x' })).toBe(false);
    expect(headersMatch('all', { 'x-match': 'all', a: 1 }, { a: 1 })).toBe(true);
  });

  it('A1.3 (RMQ-TEST headers_exchange_key_presence_only; BROKER B10): a void (null) value tests presence only', () => {
    expect(headersMatch('all', { a: null }, { a: 'anything' })).toBe(true);
    expect(headersMatch('all', { a: null }, { a: false })).toBe(true);
    expect(headersMatch('all', { a: null }, { b: 1 })).toBe(false);
    expect(headersMatch('any', { a: null, b: 'x' }, { a: 0 })).toBe(true);
    expect(headersMatch('all', { a: null, b: 'x' }, { a: 0 })).toBe(false);
  });

  it('A1.3 (BROKER B11/B12): string "1" never equals number 1', () => {
    expect(headersMatch('all', { a: '1' }, { a: 1 })).toBe(false);
    expect(headersMatch('all', { a: 1 }, { a: '1' })).toBe(false);
    expect(headersMatch('any', { a: 1 }, { a: '1' })).toBe(false);
    for (const v of ['3.10', '4.x'] as const) expect(headersMatch('all', { a: '1' }, { a: 1 }, v)).toBe(false);
  });

  it('A1.3: booleans, numbers and strings never compare equal across types', () => {
    expect(headersMatch('all', { a: true }, { a: 1 })).toBe(false);
    expect(headersMatch('all', { a: true }, { a: 'true' })).toBe(false);
    expect(headersMatch('all', { a: 0 }, { a: false })).toBe(false);
    expect(headersMatch('all', { a: true }, { a: true })).toBe(true);
  });

  it('A1.3 version difference: a JSON number is one AMQP numeric type, so 3.10 == and 4.x =:= agree', () => {
    // 1 and 1.0 are the same JSON value; the int/double distinction cannot arise from a scenario.
    for (const v of ['3.10', '4.x'] as const) {
      expect(headersMatch('all', { a: 1 }, { a: 1.0 }, v), v).toBe(true);
      expect(headersMatch('all', { a: 1.5 }, { a: 1.5 }, v), v).toBe(true);
      expect(headersMatch('all', { a: 1 }, { a: 1.5 }, v), v).toBe(false);
    }
  });

  it('A1.3: values compare exactly and case-sensitively, and header names are exact', () => {
    expect(headersMatch('all', { a: 'X' }, { a: 'x' })).toBe(false);
    expect(headersMatch('all', { A: 'x' }, { a: 'x' })).toBe(false);
    expect(headersMatch('all', { a: '' }, { a: '' })).toBe(true);
  });

  it('A1.3: a compiled binding gives the same answers as headersMatch', () => {
    const match = compileHeadersMatch('any', { a: 1, 'x-b': 2 });
    expect(match({ a: 1 })).toBe(true);
    expect(match({ 'x-b': 2 })).toBe(false);
  });
});
