import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLessonJsonSchema, LESSON_SCHEMA_PATH, renderLessonJsonSchema } from './lessonJsonSchema';

describe('public/lesson.schema.json', () => {
  it('is what `npm run schema` generates now (run it after changing src/schema/lesson.ts)', () => {
    expect(readFileSync(join(import.meta.dirname, '../..', LESSON_SCHEMA_PATH), 'utf8')).toBe(renderLessonJsonSchema());
  });

  it('describes the input, and hands the scenario to the scenario schema beside it', () => {
    const schema = buildLessonJsonSchema() as { title: string; required: string[]; properties: Record<string, { $ref?: string; default?: unknown }> };
    expect(schema.title).toBe('Brokerlab lesson');
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'id', 'checks', 'expect']));
    expect(schema.required).not.toContain('order');
    expect(schema.properties.order?.default).toBe(100);
    expect(schema.properties.scenario?.$ref).toBe('scenario.schema.json');
  });
});
