import { z } from 'zod';
import { NODE_KIND_SPECS, NodeSchema, SCENARIO_VERSION, ScenarioSchema } from '../schema';

export const SCENARIO_SCHEMA_PATH = 'public/scenario.schema.json';

const DESCRIPTION = [
  `A Brokerlab scenario, format version ${SCENARIO_VERSION}: a messaging topology (producers, exchanges, queues, consumers`,
  'joined by edges) plus the run settings. Fields with a default may be left out.',
  'Some rules cannot be written in JSON Schema and are checked by Brokerlab only: ids are unique across nodes and edges;',
  'edges join existing nodes of kinds that may connect; routing and binding keys are at most 255 bytes of UTF-8;',
  'a uniform distribution has max ≥ min. Older versions are migrated on load. See docs/scenario-format.md.',
].join(' ');

/** Names each node variant after its kind so editors show "Producer" rather than "option 1". */
function annotateNodeKinds(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const index = (NodeSchema.options as readonly unknown[]).indexOf(ctx.zodSchema);
  const spec = NODE_KIND_SPECS[index];
  if (index < 0 || !spec) return;
  ctx.jsonSchema.title = spec.label;
  ctx.jsonSchema.description = spec.description;
}

/** The JSON Schema of what a person may write in a scenario file (the input, before defaults are filled). */
export function buildScenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: annotateNodeKinds,
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: `urn:brokerlab:scenario:v${SCENARIO_VERSION}`, title: 'Brokerlab scenario', description: DESCRIPTION, ...rest };
}

/** The file's exact contents: stable key order, two-space indentation, a final newline. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}
