import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, parseLesson, parseLessonText, type ScenarioError } from './index';

/** A valid lesson on producer → queue → consumer. Tests break one thing at a time. */
function validLesson(): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests edit it freely
  return {
    version: 1, id: 'one-way', title: 'One-way', topic: 'One-way', summary: 'A queue between two programs.',
    experiment: [{ text: 'Now crash the worker.', fault: { type: 'crash', target: 'worker', atMs: 1000 } }],
    checks: [
      { type: 'total', id: 'no-loss', label: 'no message lost', field: 'dropped', op: '==', value: 0 },
      { type: 'peak', id: 'short', label: 'queue depth stays under 50', node: 'queue', field: 'ready', op: '<', value: 50 },
    ],
    chart: { node: 'queue', field: 'ready' },
    expect: { baseline: { 'no-loss': 'pass', short: 'pass' }, experiment: { 'no-loss': 'pass', short: 'fail' } },
    scenario: {
      version: 3, durationMs: 5000,
      nodes: [{ id: 'producer', kind: 'producer' }, { id: 'queue', kind: 'queue' }, { id: 'worker', kind: 'consumer' }],
      edges: [{ id: 'e1', source: 'producer', target: 'queue' }, { id: 'e2', source: 'queue', target: 'worker' }],
    },
  };
}

function errorsOf(input: unknown): ScenarioError[] {
  const result = parseLesson(input);
  if (result.ok) throw new Error('expected the lesson to be refused');
  return result.errors;
}

function errorAt(input: unknown, path: string): ScenarioError {
  const errors = errorsOf(input);
  const found = errors.filter((e) => e.path === path);
  expect(found, `errors at ${path} among ${JSON.stringify(errors)}`).toHaveLength(1);
  return found[0]!;
}

describe('parseLesson accepts', () => {
  it('a valid lesson, with its scenario parsed (defaults filled) and the lesson defaults', () => {
    const result = parseLesson(validLesson());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.lesson.scenario.seed).toBe(1);
    expect(result.lesson.scenario.faults).toEqual([]);
    expect(result.lesson.order).toBe(100);
    expect(result.lesson.watch).toEqual([]);
  });

  it('a lesson whose experiment is only an instruction, with baseline verdicts only', () => {
    const doc = validLesson();
    doc.experiment = [{ text: 'Drag the rate slider to 200.' }];
    delete doc.expect.experiment;
    expect(parseLesson(doc).ok).toBe(true);
  });
});

describe('parseLesson refuses, with the JSON path', () => {
  it('a lesson field of the wrong kind', () => {
    const doc = validLesson();
    doc.checks[1].op = '=<';
    expect(errorAt(doc, 'checks[1].op').message).toContain('must be one of');
  });

  it('a drop reason the engine does not know', () => {
    const doc = validLesson();
    doc.checks[0] = { type: 'dropped', id: 'no-loss', label: 'x', reason: 'lost', op: '==', value: 0 };
    expect(errorAt(doc, 'checks[0].reason').message).toContain('must be a drop reason');
  });

  it('scenario errors, under scenario.', () => {
    const doc = validLesson();
    doc.scenario.nodes[2].config = { prefetch: -1 };
    expect(errorsOf(doc).map((e) => e.path)).toContain('scenario.nodes[2].config.prefetch');
  });

  it('a missing scenario', () => {
    const doc = validLesson();
    delete doc.scenario;
    expect(errorsOf(doc).some((e) => e.path.startsWith('scenario'))).toBe(true);
  });

  it('lesson and scenario errors together, so an author sees every problem at once', () => {
    const doc = validLesson();
    doc.title = '';
    doc.scenario.nodes[2].config = { prefetch: -1 };
    const paths = errorsOf(doc).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'scenario.nodes[2].config.prefetch']));
  });

  it('a check id used twice', () => {
    const doc = validLesson();
    doc.checks[1].id = 'no-loss';
    expect(errorAt(doc, 'checks[1].id').code).toBe('duplicate_id');
  });

  it('a check, or the chart, naming a node the scenario lacks', () => {
    const doc = validLesson();
    doc.checks[1].node = 'queue-2';
    doc.chart.node = 'nowhere';
    expect(errorAt(doc, 'checks[1].node').code).toBe('missing_node');
    expect(errorAt(doc, 'chart.node').code).toBe('missing_node');
  });

  it('an experiment fault on a node the scenario lacks, or one that cannot suffer it', () => {
    const doc = validLesson();
    doc.experiment[0].fault.target = 'worker-9';
    doc.experiment.push({ text: 'Slow the queue.', fault: { type: 'slow', target: 'queue', atMs: 2000, factor: 3 } });
    expect(errorAt(doc, 'experiment[0].fault.target').message).toContain('worker-9');
    expect(errorAt(doc, 'experiment[1].fault.target').code).toBe('bad_fault');
  });

  it('an experiment fault at or after the end of the run', () => {
    const doc = validLesson();
    doc.experiment[0].fault.atMs = 5000;
    expect(errorAt(doc, 'experiment[0].fault.atMs').message).toContain('before the end of the run');
  });

  it('expect naming a check that does not exist, or leaving one out', () => {
    const doc = validLesson();
    doc.expect.baseline = { 'no-loss': 'pass', typo: 'fail' };
    expect(errorAt(doc, 'expect.baseline.typo').code).toBe('unknown_check');
    expect(errorAt(doc, 'expect.baseline.short').code).toBe('missing');
  });

  it('experiment faults without expected experiment verdicts', () => {
    const doc = validLesson();
    delete doc.expect.experiment;
    expect(errorAt(doc, 'expect.experiment').code).toBe('missing');
  });

  it('experiment verdicts without an experiment fault to replay', () => {
    const doc = validLesson();
    doc.experiment = [{ text: 'Think about it.' }];
    expect(errorAt(doc, 'expect.experiment').message).toContain('no experiment step has a fault');
  });

  it('a verdict that is neither pass nor fail', () => {
    const doc = validLesson();
    doc.expect.experiment.short = 'maybe';
    expect(errorsOf(doc).map((e) => e.path)).toContain('expect.experiment.short');
  });

  it('text that is not JSON', () => {
    const result = parseLessonText('{ "version": 1, ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ code: 'invalid_json', path: '' });
  });

  it('a wrong format version', () => {
    const doc = validLesson();
    doc.version = 2;
    expect(errorAt(doc, 'version').message).toContain('lesson format version');
  });
});

describe('parseLesson checks experiment faults on the parsed scenario', () => {
  // It re-parses the parsed scenario with the faults appended: a parsed scenario must parse again.
  const dir = join(import.meta.dirname, '../../examples');
  const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

  it.each(examples)('%s, wrapped in a lesson that crashes its first node', (file) => {
    const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: { id: string }[] };
    const doc = validLesson();
    doc.scenario = scenario;
    doc.checks[1].node = scenario.nodes[0]!.id;
    doc.chart.node = scenario.nodes[0]!.id;
    doc.experiment[0].fault.target = scenario.nodes[0]!.id;
    const result = parseLesson(doc);
    if (!result.ok) throw new Error(result.errors.map(formatError).join('\n'));
  });
});
