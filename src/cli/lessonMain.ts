/** `npm run lesson -- <lesson.json> [--experiment] [--json]`: runs a lesson headless (src/cli/lesson.ts). */
import { readTextFile } from './io';
import { runLessonCli } from './lesson';

process.exitCode = runLessonCli(process.argv.slice(2), {
  readFile: readTextFile,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
