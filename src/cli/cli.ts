import { formatError, parseScenarioText, topologyWarnings } from '../schema';
import { HELP, parseArgs, USAGE } from './args';
import { EXIT, type ExitCode } from './exitCodes';
import type { ReadResult } from './io';
import { buildReport, renderJson } from './report';
import { runScenario } from './run';
import { formatSummary } from './table';

/** What the CLI needs from the outside world, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): ReadResult;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** parse arguments → read → parseScenarioText → warn → run → report. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): ExitCode {
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr(`error: ${args.error.message}\n${USAGE}\n`);
    return EXIT.badArguments;
  }
  if (args.value.command === 'help') {
    io.stdout(`${HELP}\n`);
    return EXIT.ok;
  }
  const { file, seed, untilMs, json, audit } = args.value;
  const read = io.readFile(file);
  if (!read.ok) {
    io.stderr(`${read.error.message}\n`);
    return EXIT.invalidScenario;
  }
  const parsed = parseScenarioText(read.text);
  if (!parsed.ok) {
    io.stderr(`${file}: invalid scenario (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'})\n`);
    io.stderr(parsed.errors.map((e) => `${formatError(e)}\n`).join(''));
    return EXIT.invalidScenario;
  }
  // What will not work as drawn (a reply with no way back, A4) still runs: say so on stderr only, so the
  // report on stdout and the exit code stay what scripts expect.
  for (const warning of topologyWarnings(parsed.scenario)) io.stderr(`warning: ${formatError(warning)}\n`);
  const outcome = runScenario(parsed.scenario, { audit, ...(seed !== undefined ? { seed } : {}), ...(untilMs !== undefined ? { untilMs } : {}) });
  if (!outcome.ok) {
    io.stderr(`engine error (${outcome.error.code}): ${outcome.error.message}\n`);
    return EXIT.engineError;
  }
  const report = buildReport(outcome.snapshot, parsed.scenario.name);
  io.stdout(json ? renderJson(report) : formatSummary(report));
  return EXIT.ok;
}
