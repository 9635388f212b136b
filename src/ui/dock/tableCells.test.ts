import { describe, expect, it } from 'vitest';
import { cellTitle, formatCell, shortHeader } from './tableCells';

describe('summary table cells', () => {
  it('show a number in at most six characters, a few significant figures', () => {
    expect(formatCell(0)).toBe('0');
    expect(formatCell(1189)).toBe('1,189');
    expect(formatCell(99_999)).toBe('99,999');
    expect(formatCell(123_456)).toBe('123k');
    expect(formatCell(1_234_567)).toBe('1.2M');
    expect(formatCell(12_345_678)).toBe('12M');
    expect(formatCell(10_911.74)).toBe('10,912');
    expect(formatCell(199.17)).toBe('199');
    expect(formatCell(43.66)).toBe('43.7');
    expect(formatCell(0.625)).toBe('0.63');
    expect(formatCell(Number.NaN)).toBe('—');
    for (const v of [0.001, 3.14159, 42.42, 999.99, 54_321, 765_432.1, 9_999_999]) expect(formatCell(v).length, String(v)).toBeLessThanOrEqual(6);
  });

  it('give the exact value in the title only when the cell rounds it', () => {
    expect(cellTitle(1189)).toBeUndefined();
    expect(cellTitle(0.5)).toBeUndefined();
    expect(cellTitle(123_456)).toBe('123,456');
    expect(cellTitle(43.66)).toBe('43.66');
  });

  it('headers in short words, a latency\'s unit left to the title; unknown words kept', () => {
    expect(shortHeader('latency p99 (ms)')).toBe('lat. p99');
    expect(shortHeader('rejected publishes')).toBe('rej. pub.');
    expect(shortHeader('lost unconfirmed')).toBe('lost unconf.');
    expect(shortHeader('in')).toBe('in');
    expect(shortHeader('wait mean (ms)')).toBe('wait mean');
    expect(shortHeader('down (ms)')).toBe('down (ms)'); // not a latency: its unit stays
    expect(shortHeader('dead-lettered')).toBe('dead-lettered');
  });
});
