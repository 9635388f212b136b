import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, type NodeReport } from '../engine';
import { parseScenarioText } from '../schema';
import { reportFigure } from './figures';
import { ACCESS_FIGURES, AGGREGATOR_FIGURES, REQUESTER_FIGURES, RESPONDER_FIGURES, type PatternFigure } from './patternFigures';

/** The lists whose every figure each node of the kind reports (ACCESS_FIGURES spans queues and exchanges). */
const LISTS: [kind: string, figures: readonly PatternFigure[]][] = [['requester', REQUESTER_FIGURES], ['aggregator', AGGREGATOR_FIGURES], ['consumer', RESPONDER_FIGURES]];

/** The node reports of a real run of an example with a requester and an aggregator (scatter-gather). */
function reportsOfExample(): NodeReport[] {
  const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '../../examples/scatter-gather-auction.json'), 'utf8'));
  if (!parsed.ok) throw new Error('scatter-gather-auction.json does not parse');
  const simulation = createSimulation(parsed.scenario, { sampling: false });
  const result = simulation.runUntil(15_000);
  if (result.error) throw new Error(result.error.message);
  return Object.values(simulation.snapshot().nodes);
}

describe('the pattern figures both summaries show', () => {
  it.each(LISTS)('name only figures that the %s reports of a real run have', (kind, figures) => {
    const reports = reportsOfExample().filter((r) => r.kind === kind);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) {
      const missing = figures.filter((f) => reportFigure(report, f.field) === undefined).map((f) => f.field);
      expect(missing).toEqual([]);
    }
  });

  it('name only figures that some queue or exchange of a real run reports, in the deduplication and permissions table', () => {
    const reports = reportsOfExample().filter((r) => r.kind === 'queue' || r.kind === 'exchange');
    const missing = ACCESS_FIGURES.filter((f) => !reports.some((r) => typeof reportFigure(r, f.field) === 'number')).map((f) => f.field);
    expect(missing).toEqual([]);
  });

  it.each([...LISTS, ['queue or exchange', ACCESS_FIGURES] as const])('show each %s figure once, under a label of its own and with an explanation', (_kind, figures) => {
    expect(new Set(figures.map((f) => f.field)).size).toBe(figures.length);
    expect(new Set(figures.map((f) => f.label)).size).toBe(figures.length);
    expect(figures.filter((f) => f.explanation.trim() === '')).toEqual([]);
  });

  it('say the unit of a time in its header, not only in its explanation', () => {
    const times = REQUESTER_FIGURES.filter((f) => f.field.startsWith('rttMs.'));
    expect(times.map((f) => f.field)).toEqual(['rttMs.p50', 'rttMs.p95', 'rttMs.p99']);
    for (const f of times) expect(f.label).toMatch(/ \(ms\)$/);
  });
});
