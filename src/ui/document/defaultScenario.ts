import { parseScenario, SCENARIO_VERSION, type Scenario } from '../../schema';

/** An empty document with every default filled in by the schema itself. */
export function emptyScenario(name = 'Untitled scenario'): Scenario {
  const result = parseScenario({ version: SCENARIO_VERSION, name, nodes: [] });
  if (!result.ok) throw new Error(`the empty scenario is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.scenario;
}
