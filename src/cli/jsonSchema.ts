import { z } from 'zod';
import { NODE_KIND_SPECS, NodeSchema, SCENARIO_VERSION, ScenarioSchema } from '../schema';

export const SCENARIO_SCHEMA_PATH = 'public/scenario.schema.json';

const DESCRIPTION = [
  `A Brokerlab scenario, format version ${SCENARIO_VERSION}: a messaging topology (producers, exchanges, queues, consumers`,
  'joined by edges) plus the run settings. Fields with a default may be left out.',
  'Some rules cannot be written in JSON Schema and are checked by Brokerlab only: ids are unique across nodes and edges;',
  'edges join existing nodes of kinds that may connect; routing and binding keys are at most 255 bytes of UTF-8;',
  `a uniform distribution has max ≥ min. Older versions (1 to ${SCENARIO_VERSION - 1}) are accepted too and migrated on load.`,
  'See docs/scenario-format.md.',
].join(' ');

type JsonSchema = Record<string, unknown>;

/** Names each node variant after its kind so editors show "Producer" rather than "option 1". */
function annotateNodeKinds(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const index = (NodeSchema.options as readonly unknown[]).indexOf(ctx.zodSchema);
  const spec = NODE_KIND_SPECS[index];
  if (index < 0 || !spec) return;
  ctx.jsonSchema.title = spec.label;
  ctx.jsonSchema.description = spec.description;
}

/** Where the current version's schema sits in the file, for the older versions' references to its parts. */
const CURRENT = `scenarioV${SCENARIO_VERSION}`;
const ref = (...path: string[]) => ({ $ref: `#/$defs/${CURRENT}/${path.join('/')}` });
/** Each property of an object schema by reference to the current version's at `path`, so the file holds each part once. */
const propertiesOf = (object: { properties: Record<string, unknown> }, ...path: string[]) =>
  Object.fromEntries(Object.keys(object.properties).map((key) => [key, ref(...path, 'properties', key)]));

interface ObjectSchema extends JsonSchema { properties: Record<string, unknown> }

/**
 * A version before the current one, as parseScenario reads it: the current version's fields (what
 * migrations.ts turns it into), under its own version number. Version 2 differs only in what overlapping faults mean
 * (the migration adds heals, faultOverlapMigration.ts), not in what may be written. Version 1 also has its own field
 * names, which its migration moves: `durationSeconds` for `durationMs`, and `bindingKey` and `delayMs` at an edge's top
 * level rather than in its `config` (with the same rules).
 */
function olderVersion(version: number, current: ObjectSchema): JsonSchema {
  const properties: Record<string, unknown> = { ...propertiesOf(current), version: { type: 'number', const: version } };
  if (version === 1) {
    const edges = current.properties.edges as ObjectSchema & { items: ObjectSchema };
    const config = ['properties', 'edges', 'items', 'properties', 'config', 'properties'];
    properties.durationSeconds = {
      description: 'Version 1: the run length in seconds (version 2 on: durationMs).', type: 'number', exclusiveMinimum: 0, maximum: 10_000_000,
    };
    properties.edges = {
      ...edges,
      items: {
        ...edges.items,
        properties: {
          ...propertiesOf(edges.items, 'properties', 'edges', 'items'),
          bindingKey: { description: 'Version 1: the edge\'s config.bindingKey.', ...ref(...config, 'bindingKey') },
          delayMs: { description: 'Version 1: the edge\'s config.delayMs.', ...ref(...config, 'delayMs') },
        },
      },
    };
  }
  return {
    title: `Version ${version} (migrated to ${SCENARIO_VERSION} on load)`,
    type: 'object', properties, required: current.required, additionalProperties: false,
  };
}

/**
 * The JSON Schema of what a person may write in a scenario file (the input, before defaults are filled): one of the
 * versions parseScenario reads, told apart by `version` (any other is refused). The current version is described in
 * full; the older ones refer to its parts.
 */
export function buildScenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: annotateNodeKinds,
  }) as JsonSchema;
  const { $schema, $defs, ...current } = generated as JsonSchema & { $defs?: JsonSchema };
  const versions = Array.from({ length: SCENARIO_VERSION }, (_, i) => SCENARIO_VERSION - i);
  return {
    $schema, $id: `urn:brokerlab:scenario:v${SCENARIO_VERSION}`, title: 'Brokerlab scenario', description: DESCRIPTION,
    type: 'object',
    required: ['version'],
    properties: {
      version: { description: `The format version: ${SCENARIO_VERSION}, or an older one that Brokerlab migrates on load.`, enum: [...versions].reverse() },
    },
    oneOf: versions.map((v) => (v === SCENARIO_VERSION
      ? { title: `Version ${v}`, $ref: `#/$defs/${CURRENT}` }
      : olderVersion(v, current as ObjectSchema))),
    $defs: { [CURRENT]: current, ...$defs },
  };
}

/** The file's exact contents: stable key order, two-space indentation, a final newline. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}
