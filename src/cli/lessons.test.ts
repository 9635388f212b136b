/** Every lesson in lessons/ parses, and its run gives the verdicts its `expect` says, baseline and experiment. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, parseLessonText, type ParsedLesson } from '../schema';
import { runLesson } from './lesson';
import { crampedEdges, overlappingNodes } from '../schema/nodeOverlaps';

const dir = join(import.meta.dirname, '../../lessons');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string): ParsedLesson {
  const parsed = parseLessonText(readFileSync(join(dir, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file} is not a valid lesson:\n${parsed.errors.map(formatError).join('\n')}`);
  return parsed.lesson;
}

function verdicts(lesson: ParsedLesson, experiment: boolean): Record<string, string> {
  const outcome = runLesson(lesson, { experiment });
  if (!outcome.ok) throw new Error(`engine error (${outcome.error.code}): ${outcome.error.message}`);
  return Object.fromEntries(outcome.run.evaluated.map((e) => [e.check.id, `${e.result.verdict}: ${e.result.detail}`]));
}

/** Verdicts with their detail, so a failing test shows the figure; compared on the verdict only. */
const verdictOnly = (v: Record<string, string>) => Object.fromEntries(Object.entries(v).map(([id, s]) => [id, s.split(':')[0]]));

describe('lessons/*.json', () => {
  it('there are lessons to test', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('lesson ids are unique and match their file names', () => {
    const ids = files.map((f) => load(f).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(files.map((f) => f.replace(/\.json$/, '')));
  });

  describe.each(files)('%s', (file) => {
    it('opens on the canvas with readable ids and no node on top of another', () => {
      const { scenario } = load(file);
      for (const { id } of [...scenario.nodes, ...scenario.edges]) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(overlappingNodes(scenario)).toEqual([]);
      expect(crampedEdges(scenario), 'edges with no room between their nodes').toEqual([]);
    });

    // A teacher narrating "Do it" live needs to know when to say "now"; two steps that read as one after the
    // other must not quietly fire at the same instant (topic-queue-chaining's two billing crashes once did).
    it('says in each fault step when its fault fires, as Do it schedules it', () => {
      for (const step of load(file).experiment) {
        if (step.fault === undefined) continue;
        const seconds = (step.fault.atMs ?? 0) / 1000;
        expect(step.text).toMatch(new RegExp(`\\b(at|from) ${seconds} s\\b`));
      }
    });

    it('gives the expected verdicts as the scenario stands', () => {
      const lesson = load(file);
      const got = verdicts(lesson, false);
      expect(verdictOnly(got), JSON.stringify(got, null, 2)).toEqual(lesson.expect.baseline);
    });

    it('gives the expected verdicts with the experiment\'s faults, and the experiment changes one', () => {
      const lesson = load(file);
      if (lesson.expect.experiment === undefined) return;
      const got = verdicts(lesson, true);
      expect(verdictOnly(got), JSON.stringify(got, null, 2)).toEqual(lesson.expect.experiment);
      expect(lesson.expect.experiment, 'the experiment should make at least one check change its verdict').not.toEqual(lesson.expect.baseline);
    });
  });
});
