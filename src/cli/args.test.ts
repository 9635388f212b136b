import { describe, expect, it } from 'vitest';
import { parseArgs, parseSeed, parseUntil } from './args';

const ok = (argv: string[]) => {
  const result = parseArgs(argv);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const errorOf = (argv: string[]) => {
  const result = parseArgs(argv);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('parseArgs', () => {
  it('takes a file alone, with the defaults left to the scenario', () => {
    expect(ok(['s.json'])).toEqual({ command: 'run', file: 's.json', json: false, audit: true });
  });

  it('takes every option, in any order, with a space or =', () => {
    expect(ok(['--json', '--until', '2.5', 's.json', '--seed=7', '--no-audit'])).toEqual({ command: 'run', file: 's.json', seed: 7, untilMs: 2500, json: true, audit: false });
    expect(ok(['--seed', '0', '--until=0', 's.json'])).toEqual({ command: 'run', file: 's.json', seed: 0, untilMs: 0, json: false, audit: true });
  });

  it('answers --help and -h before anything else', () => {
    expect(ok(['--help'])).toEqual({ command: 'help' });
    expect(ok(['s.json', '--bogus', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'missing_file', 'a scenario file is required'],
    [['--json'], 'missing_file', 'a scenario file is required'],
    [['s.json', '--verbose'], 'unknown_flag', 'unknown option --verbose'],
    [['-x', 's.json'], 'unknown_flag', 'unknown option -x'],
    [['a.json', 'b.json'], 'extra_argument', 'only one scenario file may be given, got "a.json" and "b.json"'],
    [['s.json', '--seed'], 'missing_value', '--seed needs a value'],
    [['s.json', '--until'], 'missing_value', '--until needs a value'],
    [['s.json', '--seed', '1', '--seed', '2'], 'repeated_flag', '--seed is given more than once'],
  ])('refuses %j', (argv, code, message) => {
    expect(errorOf(argv)).toEqual({ code, message });
  });

  it.each(['1.5', '-1', 'abc', '', '0x10', '1e3', '4294967296', 'NaN'])('refuses --seed %j', (seed) => {
    expect(errorOf(['s.json', '--seed', seed])).toEqual({ code: 'bad_seed', message: `--seed must be a whole number from 0 to 4294967295, got "${seed}"` });
  });

  it.each(['-1', '-0.5', 'NaN', 'Infinity', 'soon', '', '1e400'])('refuses --until %j', (until) => {
    expect(errorOf(['s.json', '--until', until])).toEqual({ code: 'bad_until', message: `--until must be a number of seconds ≥ 0, got "${until}"` });
  });
});

describe('parseSeed and parseUntil', () => {
  it('read decimal numbers', () => {
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseSeed('+12')).toBe(12);
    expect(parseUntil('.5')).toBe(500);
    expect(parseUntil('90')).toBe(90_000);
  });
});
