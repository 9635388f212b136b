import { z } from 'zod';
import { LESSON_VERSION, LessonSchema } from '../schema';

export const LESSON_SCHEMA_PATH = 'public/lesson.schema.json';

const DESCRIPTION = [
  `A Brokerlab lesson, format version ${LESSON_VERSION}: a scenario, what to watch, a guided experiment and checks`,
  'evaluated on the run, with the verdicts the run gives. Some rules are checked by Brokerlab only: check ids are unique;',
  'checks, the chart and experiment faults name nodes and edges of the scenario; expect gives a verdict for every check.',
  'See docs/lessons.md; test a lesson with `npm run lesson -- lessons/x.json`.',
].join(' ');

/** The scenario is validated by its own schema, published beside this one (no `$id` here, so the reference resolves against this file's location). */
function referenceScenario(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  if (ctx.zodSchema === LessonSchema.shape.scenario) ctx.jsonSchema.$ref = 'scenario.schema.json';
}

/** The JSON Schema of what a person may write in a lesson file (the input, before defaults are filled). */
export function buildLessonJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(LessonSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any', override: referenceScenario }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title: 'Brokerlab lesson', description: DESCRIPTION, ...rest };
}

/** The file's exact contents: stable key order, two-space indentation, a final newline. */
export function renderLessonJsonSchema(): string {
  return `${JSON.stringify(buildLessonJsonSchema(), null, 2)}\n`;
}
