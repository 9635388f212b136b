import { parseScenario, type ScenarioError, type Scenario } from '../../schema';

export type Example =
  | { file: string; ok: true; scenario: Scenario }
  | { file: string; ok: false; errors: ScenarioError[] };

const modules = import.meta.glob('/examples/*.json', { eager: true, import: 'default' });

/** Every `examples/*.json`, parsed; a broken example is listed with its errors rather than hidden. */
export const EXAMPLES: Example[] = Object.entries(modules)
  .map(([path, json]): Example => {
    const file = path.split('/').pop() ?? path;
    const result = parseScenario(json);
    return result.ok ? { file, ok: true, scenario: result.scenario } : { file, ok: false, errors: result.errors };
  })
  .sort((a, b) => a.file.localeCompare(b.file));
