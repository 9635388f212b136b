import { formatPath, fromZodIssues, type ScenarioError } from './errors';
import { migrate } from './migrations';
import { ScenarioSchema, type Scenario } from './scenario';
import { topologyIssues } from './topology';

/** More errors than this are summarised in one last line: nobody reads 10,000 of them. */
export const MAX_REPORTED_ERRORS = 100;

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/**
 * The one way into Brokerlab for a scenario, from a file, a URL, localStorage or the CLI:
 * migrates older versions, fills defaults, and returns every problem with its JSON path.
 */
export function parseScenario(input: unknown): ParseResult {
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  const result = ScenarioSchema.safeParse(migrated.doc, { reportInput: true });
  if (result.success) return { ok: true, scenario: result.data };
  // Zod skips whole-document checks when a part failed; run them on the raw document so that
  // a person sees every problem at once, not one round at a time.
  const errors = fromZodIssues(result.error.issues);
  const seen = new Set(errors.map((e) => `${e.path}|${e.message}`));
  for (const issue of topologyIssues(migrated.doc)) {
    const error = { code: issue.code, path: formatPath(issue.path), message: issue.message };
    if (!seen.has(`${error.path}|${error.message}`)) errors.push(error);
  }
  return { ok: false, errors: capped(errors) };
}

function capped(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const more = errors.length - MAX_REPORTED_ERRORS;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { code: 'too_many_errors', path: '', message: `…and ${more} more error${more === 1 ? '' : 's'}` }];
}

/** parseScenario for text: a JSON syntax error is reported like any other error. */
export function parseScenarioText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ code: 'invalid_json', path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(json);
}
