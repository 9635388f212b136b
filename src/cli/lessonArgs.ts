/** Command-line arguments of `npm run lesson`, parsed without side effects: a value or an error. */

export const LESSON_USAGE = 'usage: npm run lesson -- <lesson.json> [--experiment] [--json] [--help]';

export const LESSON_HELP = `${LESSON_USAGE}

Runs a Brokerlab lesson headless, evaluates its checks and compares the verdicts with its "expect".

  <lesson.json>   the lesson file (see docs/lessons.md)
  --experiment    add every experiment step's fault to the scenario at its atMs first
  --json          print one JSON object instead of a table
  --help          print this help

exit codes: 0 verdicts as expected, 1 invalid lesson or unreadable file, 2 bad arguments,
3 verdicts differ from expect, 4 engine error`;

export type LessonArgs = { help: true } | { help: false; file: string; experiment: boolean; json: boolean };

export function parseLessonArgs(argv: readonly string[]): { ok: true; value: LessonArgs } | { ok: false; message: string } {
  if (argv.includes('--help') || argv.includes('-h')) return { ok: true, value: { help: true } };
  const flags = new Set<string>();
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--experiment' || arg === '--json') {
      if (flags.has(arg)) return { ok: false, message: `${arg} is given more than once` };
      flags.add(arg);
    } else if (arg.startsWith('-')) return { ok: false, message: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { ok: false, message: 'a lesson file is required' };
  if (files.length > 1) return { ok: false, message: `only one lesson file may be given, got "${files[0]}" and "${files[1]}"` };
  return { ok: true, value: { help: false, file: files[0]!, experiment: flags.has('--experiment'), json: flags.has('--json') } };
}
