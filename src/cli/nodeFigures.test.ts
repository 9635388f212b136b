/**
 * Every field a node reports has a name and an explanation in src/lessons/nodeFigures.ts, the list the CLI's
 * node table and the app's Summary share: checked on every example and every lesson scenario, so a figure
 * added to a node's report without one fails here rather than showing as its raw field name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNamedNodeField } from '../lessons/nodeFigures';
import { parseLessonText, parseScenarioText, type Scenario } from '../schema';
import { buildReport } from './report';
import { runScenario } from './run';

const root = join(import.meta.dirname, '../..');
const jsonIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => join(root, dir, f));

function scenarioOf(file: string): Scenario {
  const text = readFileSync(file, 'utf8');
  const parsed = file.includes('/lessons/') ? parseLessonText(text) : parseScenarioText(text);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return 'lesson' in parsed ? parsed.lesson.scenario : parsed.scenario;
}

/** `a.b` for a nested record (latency summaries, drop reasons), as the tables flatten them. */
const fieldsOf = (report: Record<string, unknown>): string[] =>
  Object.entries(report).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? Object.keys(v).map((s) => `${k}.${s}`) : [k]));

describe('node figures name every report field', () => {
  it.each([...jsonIn('examples'), ...jsonIn('lessons')].map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    const scenario = scenarioOf(file);
    const outcome = runScenario(scenario, { untilMs: Math.min(scenario.durationMs, 2000) });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const unnamed = Object.entries(buildReport(outcome.snapshot, scenario.name).nodes)
      .flatMap(([id, node]) => fieldsOf(node).filter((f) => !isNamedNodeField(f)).map((f) => `${id} (${node.kind}): ${f}`));
    expect(unnamed).toEqual([]);
  });
});
