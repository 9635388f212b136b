import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// A JSON Schema validator that is already installed (eslint's): draft-07, which every keyword of our 2020-12 files is
// (a test below checks that no keyword of 2019-09 or 2020-12 alone is used).
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../schema';
import { versionOne, versionTwo, versionTwoFaults } from '../schema/migrationFixtures';
import { buildScenarioJsonSchema, renderScenarioJsonSchema, SCENARIO_SCHEMA_PATH } from './jsonSchema';
import { buildLessonJsonSchema } from './lessonJsonSchema';

const root = join(import.meta.dirname, '../..');
const jsonFiles = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** Compiles the schemas as an editor would use them: the lesson's refers to scenario.schema.json beside it. */
function validators() {
  const ajv = new Ajv({ allErrors: true, validateSchema: false });
  const { $schema: _s, ...scenario } = buildScenarioJsonSchema();
  const { $schema: _l, ...lesson } = buildLessonJsonSchema();
  ajv.addSchema(scenario, 'scenario.schema.json');
  return { scenario: ajv.getSchema('scenario.schema.json')!, lesson: ajv.compile(lesson) };
}
const { scenario: validScenario, lesson: validLesson } = validators();
const problems = (validate: typeof validScenario) => JSON.stringify(validate.errors?.slice(0, 5));

describe('public/scenario.schema.json', () => {
  it('is what `npm run schema` generates now (run it after changing src/schema)', () => {
    expect(readFileSync(join(root, SCENARIO_SCHEMA_PATH), 'utf8')).toBe(renderScenarioJsonSchema());
  });

  it('describes the input of the current version: fields with defaults are optional, unknown fields refused', () => {
    const schema = buildScenarioJsonSchema() as { $id: string; title: string; $defs: Record<string, { required: string[]; additionalProperties: unknown; properties: Record<string, { default?: unknown }> }> };
    expect(schema.$id).toMatch(/^urn:brokerlab:scenario:v3$/);
    expect(schema.title).toBe('Brokerlab scenario');
    const current = schema.$defs.scenarioV3!;
    expect(current.required.sort()).toEqual(['nodes', 'version']);
    expect(current.additionalProperties).toBe(false);
    expect(current.properties.durationMs?.default).toBe(60_000);
  });

  it('names each node variant after its kind', () => {
    const text = renderScenarioJsonSchema();
    for (const title of ['"Producer"', '"Queue"', '"Consumer"']) expect(text).toContain(`"title": ${title}`);
  });

  it('uses no keyword a draft-07 validator would skip (so the tests below check everything it says)', () => {
    const text = `${renderScenarioJsonSchema()}${JSON.stringify(buildLessonJsonSchema())}`;
    for (const keyword of ['prefixItems', 'unevaluatedProperties', 'unevaluatedItems', 'dependentRequired', 'dependentSchemas', '$dynamicRef', '$anchor']) {
      expect(text).not.toContain(`"${keyword}"`);
    }
  });
});

describe('the JSON Schema accepts every version parseScenario reads', () => {
  it.each(jsonFiles('examples'))('%s validates', (file) => {
    expect(validScenario(read(file)), problems(validScenario)).toBe(true);
  });

  it.each(jsonFiles('lessons'))('%s validates (the lesson schema, its scenario by this one)', (file) => {
    expect(validLesson(read(file)), problems(validLesson)).toBe(true);
  });

  it.each([['version 1', versionOne], ['version 2', versionTwo(versionTwoFaults)]])('a %s document of the migration tests validates, and parses', (_, doc) => {
    expect(parseScenario(doc).ok).toBe(true);
    expect(validScenario(doc), problems(validScenario)).toBe(true);
  });

  it('refuses a version Brokerlab does not read, as parseScenario does', () => {
    for (const version of [99, 4, 0, 2.5, '3']) {
      const doc = { ...versionTwo([]), version };
      expect(parseScenario(doc).ok).toBe(false);
      expect(validScenario(doc), `version ${JSON.stringify(version)}`).toBe(false);
    }
  });

  it('refuses the fields of one version under another, as parseScenario does', () => {
    for (const doc of [{ ...versionOne, version: 2 }, { ...versionOne, version: 3 }]) {
      expect(parseScenario(doc).ok).toBe(false);
      expect(validScenario(doc)).toBe(false);
    }
  });

  it('checks a version-1 edge\'s top-level fields and run length by the rules of what they become', () => {
    const bad = [
      { ...versionOne, edges: [{ ...versionOne.edges[0]!, delayMs: -3 }] },
      { ...versionOne, edges: [{ ...versionOne.edges[1]!, bindingKey: 7 }] },
      { ...versionOne, durationSeconds: 0 },
    ];
    for (const doc of bad) {
      expect(parseScenario(doc).ok).toBe(false);
      expect(validScenario(doc)).toBe(false);
    }
  });

  it('checks the current version as before: a fault of an unknown type is refused in every version', () => {
    for (const version of [1, 2, 3]) {
      const doc = { ...versionTwo([{ atMs: 0, target: 'c', type: 'explode' }]), version };
      expect(parseScenario(doc).ok).toBe(false);
      expect(validScenario(doc)).toBe(false);
    }
  });
});
