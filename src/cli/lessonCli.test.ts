/** `npm run lesson` in-process: arguments, exit codes 0–4, the table and the JSON. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSON_EXIT, runLessonCli } from './lesson';
import { parseLessonArgs } from './lessonArgs';

const root = join(import.meta.dirname, '../..');
const oneWay = JSON.parse(readFileSync(join(root, 'lessons/one-way.json'), 'utf8')) as { expect: { baseline: Record<string, string> }; checks: { id: string }[] };

/** Runs the CLI on files held in memory. */
function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = runLessonCli(argv, {
    readFile: (path) => (path in files ? { ok: true, text: files[path]! } : { ok: false, error: { code: 'unreadable_file', message: `cannot read ${path}: no such file` } }),
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
  });
  return { code, stdout, stderr };
}

const lessonText = (change: (doc: typeof oneWay) => void = () => {}) => {
  const doc = structuredClone(oneWay);
  change(doc);
  return JSON.stringify(doc);
};

describe('parseLessonArgs', () => {
  it('reads a file and the two flags', () => {
    expect(parseLessonArgs(['x.json', '--json', '--experiment'])).toEqual({ ok: true, value: { help: false, file: 'x.json', experiment: true, json: true } });
  });
  it.each([[[]], [['a.json', 'b.json']], [['x.json', '--seed']], [['x.json', '--json', '--json']]])('refuses %j', (argv) => {
    expect(parseLessonArgs(argv).ok).toBe(false);
  });
});

describe('npm run lesson', () => {
  it('exits 0 and prints each check with its verdict when the verdicts are as expected', () => {
    const r = run(['l.json'], { 'l.json': lessonText() });
    expect(r.code).toBe(LESSON_EXIT.ok);
    expect(r.stdout).toContain('✓ every verdict is as expected');
    expect(r.stdout).toContain('no message lost');
  });

  it('exits 3 when a verdict differs from expect, and marks it', () => {
    const id = oneWay.checks[0]!.id;
    const flipped = oneWay.expect.baseline[id] === 'pass' ? 'fail' : 'pass';
    const r = run(['l.json'], { 'l.json': lessonText((d) => { d.expect.baseline[id] = flipped; }) });
    expect(r.code).toBe(LESSON_EXIT.verdictsDiffer);
    expect(r.stdout).toContain('✗ differs');
  });

  it('--json prints one object with every check', () => {
    const r = run(['l.json', '--json', '--experiment'], { 'l.json': lessonText() });
    const out = JSON.parse(r.stdout) as { run: string; checks: { id: string; verdict: string; expected: string }[] };
    expect(out.run).toBe('experiment');
    expect(out.checks.map((c) => c.id)).toEqual(oneWay.checks.map((c) => c.id));
  });

  it('exits 1 for an invalid lesson, one error per line with its path', () => {
    const r = run(['l.json'], { 'l.json': lessonText((d) => { d.checks[0]!.id = oneWay.checks[1]!.id; }) });
    expect(r.code).toBe(LESSON_EXIT.invalidLesson);
    expect(r.stderr).toMatch(/^checks\[1\]\.id: /m);
  });

  it('exits 1 for a file that cannot be read or is not JSON', () => {
    expect(run(['missing.json']).code).toBe(LESSON_EXIT.invalidLesson);
    expect(run(['bad.json'], { 'bad.json': '{' }).code).toBe(LESSON_EXIT.invalidLesson);
  });

  it('exits 2 for bad arguments, with the usage line', () => {
    const r = run(['--nope']);
    expect(r.code).toBe(LESSON_EXIT.badArguments);
    expect(r.stderr).toContain('usage: npm run lesson');
  });

  it('exits 2 for --experiment on a lesson without experiment faults', () => {
    const text = lessonText((d) => {
      const doc = d as unknown as { experiment: { text: string }[]; expect: { experiment?: unknown } };
      doc.experiment = [{ text: 'Think about it.' }];
      delete doc.expect.experiment;
    });
    expect(run(['l.json'], { 'l.json': text }).code).toBe(LESSON_EXIT.ok);
    const r = run(['l.json', '--experiment'], { 'l.json': text });
    expect(r.code).toBe(LESSON_EXIT.badArguments);
    expect(r.stderr).toContain('no experiment fault');
  });

  it('--help prints the help and exits 0', () => {
    expect(run(['--help'])).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('npm run lesson (child process)', () => {
  it('runs lessons/one-way.json with the experiment and exits 0 with the verdicts as JSON', async () => {
    const ran = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/lessonMain.ts', 'lessons/one-way.json', '--experiment', '--json'],
        { cwd: root, encoding: 'utf8', timeout: 30_000 }, (_error, stdout) => resolve({ code: child.exitCode, stdout }));
    });
    expect(ran.code).toBe(0);
    expect((JSON.parse(ran.stdout) as { matches: boolean }).matches).toBe(true);
  });
});
