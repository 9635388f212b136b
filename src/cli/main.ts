/** `npm run sim -- <scenario.json> [--seed N] [--until SECONDS] [--json]`: runs a scenario headless. */
import { runCli } from './cli';
import { readTextFile } from './io';

process.exitCode = runCli(process.argv.slice(2), {
  readFile: readTextFile,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
