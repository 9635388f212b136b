/** A small valid lesson for the tests, parsed the way the app parses every lesson. */
import oneWay from '../../../examples/one-way.json';
import { parseLesson, type ParsedLesson } from '../../schema/parseLesson';

export function lessonJson(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1, id: 'test-lesson', title: 'A test lesson', topic: 'Tests', order: 5, summary: 'What it is about.',
    watch: ['the queue'],
    experiment: [{ text: 'Crash the worker.', fault: { type: 'crash', target: 'worker-1', atMs: 5000, durationMs: 2000 } }],
    checks: [{ type: 'total', id: 'no-loss', label: 'no message lost', field: 'dropped', op: '==', value: 0 }],
    expect: { baseline: { 'no-loss': 'pass' }, experiment: { 'no-loss': 'pass' } },
    scenario: oneWay,
    ...patch,
  };
}

export function testLesson(patch: Record<string, unknown> = {}): ParsedLesson {
  const result = parseLesson(lessonJson(patch));
  if (!result.ok) throw new Error(`the test lesson is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.lesson;
}
