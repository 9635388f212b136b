import { fromZodIssues, type ScenarioError } from './errors';
import type { Fault } from './faults';
import { LessonSchema, type Lesson } from './lesson';
import { MAX_REPORTED_ERRORS, parseScenario } from './parseScenario';
import type { Scenario } from './scenario';

/** A lesson whose scenario has been through parseScenario: defaults filled, topology checked. */
export type ParsedLesson = Omit<Lesson, 'scenario'> & { scenario: Scenario };

export type LessonParseResult = { ok: true; lesson: ParsedLesson } | { ok: false; errors: ScenarioError[] };

const prefixed = (prefix: string, errors: readonly ScenarioError[]): ScenarioError[] =>
  errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix }));

/**
 * The one way into Brokerlab for a lesson (a file in lessons/, a share link, the CLI): the lesson
 * format, its scenario through parseScenario (errors under `scenario.`), and the cross-checks that
 * tie the text to the scenario, each error with its JSON path.
 */
export function parseLesson(input: unknown): LessonParseResult {
  const result = LessonSchema.safeParse(input, { reportInput: true });
  const raw = typeof input === 'object' && input !== null ? (input as { scenario?: unknown }).scenario : undefined;
  const scenario = parseScenario(raw);
  const errors = [
    ...(result.success ? [] : fromZodIssues(result.error.issues)),
    ...(scenario.ok ? [] : prefixed('scenario', scenario.errors)),
  ];
  if (result.success) errors.push(...expectIssues(result.data));
  if (result.success && scenario.ok) errors.push(...referenceIssues(result.data, scenario.scenario));
  if (errors.length > 0 || !result.success || !scenario.ok) return { ok: false, errors: capped(errors) };
  return { ok: true, lesson: { ...result.data, scenario: scenario.scenario } };
}

/** parseLesson for text: a JSON syntax error is reported like any other error. */
export function parseLessonText(text: string): LessonParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ code: 'invalid_json', path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseLesson(json);
}

function capped(errors: ScenarioError[]): ScenarioError[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return errors;
  const more = errors.length - MAX_REPORTED_ERRORS;
  return [...errors.slice(0, MAX_REPORTED_ERRORS), { code: 'too_many_errors', path: '', message: `…and ${more} more error${more === 1 ? '' : 's'}` }];
}

/** The experiment's faults with the index of the step that holds each. */
export function experimentFaults(lesson: Pick<Lesson, 'experiment'>): { step: number; fault: Fault }[] {
  return lesson.experiment.flatMap((s, step) => (s.fault ? [{ step, fault: s.fault }] : []));
}

/** Check ids are unique; `expect` names only checks and gives a verdict for each one it must. */
function expectIssues(lesson: Lesson): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const ids = new Set<string>();
  lesson.checks.forEach((c, i) => {
    if (ids.has(c.id)) errors.push({ code: 'duplicate_id', path: `checks[${i}].id`, message: `check id "${c.id}" is used by an earlier check` });
    ids.add(c.id);
  });
  const hasFaults = experimentFaults(lesson).length > 0;
  errors.push(...verdictIssues('expect.baseline', lesson.expect.baseline, ids));
  if (lesson.expect.experiment === undefined) {
    if (hasFaults) errors.push({ code: 'missing', path: 'expect.experiment', message: 'is required when an experiment step has a fault: the verdicts of a run with the experiment\'s faults' });
  } else if (!hasFaults) {
    errors.push({ code: 'invalid_value', path: 'expect.experiment', message: 'no experiment step has a fault, so there is no experiment run to expect verdicts of' });
  } else {
    errors.push(...verdictIssues('expect.experiment', lesson.expect.experiment, ids));
  }
  return errors;
}

function verdictIssues(path: string, verdicts: Record<string, string>, ids: Set<string>): ScenarioError[] {
  const unknown = Object.keys(verdicts).filter((id) => !ids.has(id))
    .map((id) => ({ code: 'unknown_check', path: `${path}.${id}`, message: `names no check: the check ids are ${[...ids].join(', ')}` }));
  const missing = [...ids].filter((id) => !(id in verdicts))
    .map((id) => ({ code: 'missing', path: `${path}.${id}`, message: `is required: the verdict (pass or fail) check "${id}" gives` }));
  return [...unknown, ...missing];
}

/** Nodes named by checks and the chart exist; experiment faults hit what they can in this scenario, in time. */
function referenceIssues(lesson: Lesson, scenario: Scenario): ScenarioError[] {
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const noNode = (path: string, id: string): ScenarioError => ({ code: 'missing_node', path, message: `names no node of the scenario: "${id}"` });
  const errors: ScenarioError[] = [];
  lesson.checks.forEach((c, i) => {
    if ((c.type === 'node' || c.type === 'peak') && !nodeIds.has(c.node)) errors.push(noNode(`checks[${i}].node`, c.node));
  });
  if (lesson.chart && !nodeIds.has(lesson.chart.node)) errors.push(noNode('chart.node', lesson.chart.node));
  return [...errors, ...faultIssues(lesson, scenario)];
}

/**
 * Experiment faults are checked as the scenario would check them (target exists, can suffer that fault)
 * by parsing the scenario with them appended, and the errors are mapped back to the step that holds each.
 */
function faultIssues(lesson: Lesson, scenario: Scenario): ScenarioError[] {
  const steps = experimentFaults(lesson);
  const errors: ScenarioError[] = steps.flatMap(({ step, fault }) => (fault.atMs < scenario.durationMs ? [] : [{
    code: 'invalid_value', path: `experiment[${step}].fault.atMs`,
    message: `must be before the end of the run (scenario.durationMs ${scenario.durationMs}), got ${fault.atMs}`,
  }]));
  if (steps.length === 0) return errors;
  const base = scenario.faults.length;
  const replay = parseScenario({ ...scenario, faults: [...scenario.faults, ...steps.map((s) => s.fault)] });
  if (replay.ok) return errors;
  for (const e of replay.errors) {
    const match = /^faults\[(\d+)\](.*)$/.exec(e.path);
    const k = match ? Number(match[1]) - base : -1;
    const step = steps[k];
    errors.push(step ? { ...e, path: `experiment[${step.step}].fault${match![2]}` } : { ...e, path: `scenario.${e.path}` });
  }
  return errors;
}
