import type { Fault, Scenario } from '../../schema';

/**
 * What of a document a run depends on, as one string: the nodes' kinds and configs, the edges and their configs,
 * the faults, the duration, the workload and the sampling. Names, labels, descriptions and positions are left out:
 * moving or renaming a node changes nothing the run does. So is the seed, which the run bar sets apart (SeedField).
 * Faults are sorted, so a live fault recorded into the document matches the one the run has whatever its place.
 */
export function runKey(scenario: Scenario, extraFaults: readonly Fault[] = []): string {
  const faults = [...scenario.faults, ...extraFaults].map(faultKey).sort();
  return JSON.stringify({
    durationMs: scenario.durationMs, workload: scenario.workload, metrics: scenario.metrics, faults,
    nodes: scenario.nodes.map((n) => [n.id, n.kind, n.config]),
    edges: scenario.edges.map((e) => [e.id, e.source, e.target, e.config]),
  });
}

/** A fault as a string that does not depend on the order of its fields (the document parses what it records). */
export function faultKey(f: Partial<Fault>): string {
  return JSON.stringify(Object.entries(f).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
}
