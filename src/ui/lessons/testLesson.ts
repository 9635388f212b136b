/** A small valid lesson for the tests, parsed the way the app parses every lesson. */
const oneWay = {
  version: 3, name: 'One way', seed: 3, durationMs: 20_000,
  nodes: [
    { id: 'orders-api', kind: 'producer', position: { x: 0, y: 0 }, config: { arrival: { type: 'poisson', ratePerSec: 20 } } },
    { id: 'orders', kind: 'queue', position: { x: 260, y: 0 } },
    { id: 'worker-1', kind: 'consumer', position: { x: 520, y: 0 } },
  ],
  edges: [
    { id: 'orders-api--orders', source: 'orders-api', target: 'orders' },
    { id: 'orders--worker-1', source: 'orders', target: 'worker-1' },
  ],
};
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
