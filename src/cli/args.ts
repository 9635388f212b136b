/** Command-line arguments of `npm run sim`, parsed without side effects: a value or an error. */

export const USAGE = 'usage: npm run sim -- <scenario.json> [--seed N] [--until SECONDS] [--json] [--no-audit] [--help]';

export const HELP = `${USAGE}

Runs a Brokerlab scenario headless and prints a summary.

  <scenario.json>    the scenario file (see docs/scenario-format.md)
  --seed N           seed for the random streams, a whole number 0..4294967295 (default: the scenario's seed)
  --until SECONDS    simulated seconds to run (default: the scenario's durationMs)
  --json             print one JSON object instead of tables; same file and seed give identical bytes
  --no-audit         skip the delivery-guarantee audit, which remembers every message id (about 7-13 bytes
                     per id and consumer): for long load runs; the report then has no audit
  --help             print this help

A topology that will not work as drawn (e.g. a responder with no edge to the Return Address)
still runs; each such problem is printed on stderr as "warning: <path>: <message>".

exit codes: 0 ran, 1 invalid scenario or unreadable file, 2 bad arguments, 3 engine error`;

export type CliCommand =
  | { command: 'help' }
  | { command: 'run'; file: string; seed?: number; untilMs?: number; json: boolean; audit: boolean };

export interface ArgsError { code: 'unknown_flag' | 'missing_file' | 'extra_argument' | 'missing_value' | 'bad_seed' | 'bad_until' | 'repeated_flag'; message: string }

export type ArgsResult = { ok: true; value: CliCommand } | { ok: false; error: ArgsError };

const MAX_SEED = 4294967295;
/** A decimal number as a person writes it: no hex, no exponent, no empty string. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

const fail = (code: ArgsError['code'], message: string): ArgsResult => ({ ok: false, error: { code, message } });

export function parseSeed(text: string): number | ArgsError {
  const n = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > MAX_SEED) return { code: 'bad_seed', message: `--seed must be a whole number from 0 to ${MAX_SEED}, got "${text}"` };
  return n;
}

/** Seconds on the command line, milliseconds inside. */
export function parseUntil(text: string): number | ArgsError {
  const seconds = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0) return { code: 'bad_until', message: `--until must be a number of seconds ≥ 0, got "${text}"` };
  return seconds * 1000;
}

/** Splits `--seed=5` into `--seed`, `5`; leaves everything else alone. */
function splitEquals(argv: readonly string[]): string[] {
  return argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
}

export function parseArgs(argv: readonly string[]): ArgsResult {
  const args = splitEquals(argv);
  if (args.includes('--help') || args.includes('-h')) return { ok: true, value: { command: 'help' } };
  const run: { file?: string; seed?: number; untilMs?: number; json: boolean; audit: boolean } = { json: false, audit: true };
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (seen.has(arg)) return fail('repeated_flag', `${arg} is given more than once`);
    if (arg === '--json') { run.json = true; seen.add(arg); continue; }
    if (arg === '--no-audit') { run.audit = false; seen.add(arg); continue; }
    if (arg === '--seed' || arg === '--until') {
      const text = args[++i];
      if (text === undefined) return fail('missing_value', `${arg} needs a value`);
      const parsed = arg === '--seed' ? parseSeed(text) : parseUntil(text);
      if (typeof parsed !== 'number') return { ok: false, error: parsed };
      if (arg === '--seed') run.seed = parsed;
      else run.untilMs = parsed;
      seen.add(arg);
      continue;
    }
    if (arg.startsWith('-')) return fail('unknown_flag', `unknown option ${arg}`);
    if (run.file !== undefined) return fail('extra_argument', `only one scenario file may be given, got "${run.file}" and "${arg}"`);
    run.file = arg;
  }
  if (run.file === undefined) return fail('missing_file', 'a scenario file is required');
  return { ok: true, value: { command: 'run', file: run.file, json: run.json, audit: run.audit, ...(run.seed !== undefined ? { seed: run.seed } : {}), ...(run.untilMs !== undefined ? { untilMs: run.untilMs } : {}) } };
}
