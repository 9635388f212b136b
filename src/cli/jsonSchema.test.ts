import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema, renderScenarioJsonSchema, SCENARIO_SCHEMA_PATH } from './jsonSchema';

describe('public/scenario.schema.json', () => {
  it('is what `npm run schema` generates now (run it after changing src/schema)', () => {
    expect(readFileSync(join(import.meta.dirname, '../..', SCENARIO_SCHEMA_PATH), 'utf8')).toBe(renderScenarioJsonSchema());
  });

  it('describes the input: fields with defaults are optional, unknown fields refused', () => {
    const schema = buildScenarioJsonSchema() as { $id: string; title: string; required: string[]; additionalProperties: unknown; properties: Record<string, { default?: unknown }> };
    expect(schema.$id).toMatch(/^urn:brokerlab:scenario:v3$/);
    expect(schema.title).toBe('Brokerlab scenario');
    expect(schema.required.sort()).toEqual(['nodes', 'version']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.durationMs?.default).toBe(60_000);
  });

  it('names each node variant after its kind', () => {
    const text = renderScenarioJsonSchema();
    for (const title of ['"Producer"', '"Queue"', '"Consumer"']) expect(text).toContain(`"title": ${title}`);
  });
});
