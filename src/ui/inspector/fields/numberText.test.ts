import { describe, expect, it } from 'vitest';
import { setIn } from '../paths';
import { numberToText, parseNumberText } from './numberText';

describe('parseNumberText', () => {
  it('an empty box removes the key where empty means unset', () => {
    expect(parseNumberText('  ', 'unset')).toBeUndefined();
    expect(setIn({ config: { maxLength: 5, durable: true } }, ['config', 'maxLength'], parseNumberText('', 'unset')))
      .toEqual({ config: { durable: true } });
  });
  it('an empty box is null where empty means none', () => {
    expect(parseNumberText('', 'null')).toBeNull();
  });
  it('an empty box stays "" where a number is required, so the schema refuses it', () => {
    expect(parseNumberText('', 'required')).toBe('');
  });
  it('numbers as numbers, anything else as typed', () => {
    expect(parseNumberText(' 12 ', 'unset')).toBe(12);
    expect(parseNumberText('1.', 'required')).toBe(1);
    expect(parseNumberText('abc', 'null')).toBe('abc');
  });
  it('shows none and unset as an empty box', () => {
    expect(numberToText(undefined)).toBe('');
    expect(numberToText(null)).toBe('');
    expect(numberToText(0)).toBe('0');
  });
});
