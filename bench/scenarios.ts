import { createSimulation } from '../src/engine';
import { parseScenario, type Scenario, type ScenarioInput } from '../src/schema';

function parsed(input: ScenarioInput): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

/**
 * `chains` independent producer → queue → consumer chains, Poisson arrivals at `ratePerSec` and
 * exponential service with mean `serviceMs` (utilisation = rate × service / 1000).
 */
export function mm1Chains(chains: number, ratePerSec: number, serviceMs: number, durationMs: number): Scenario {
  const nodes: ScenarioInput['nodes'] = [];
  const edges: NonNullable<ScenarioInput['edges']> = [];
  for (let i = 0; i < chains; i++) {
    nodes.push(
      { id: `p${i}`, kind: 'producer', config: { arrival: { type: 'poisson', ratePerSec } } },
      { id: `q${i}`, kind: 'queue' },
      { id: `c${i}`, kind: 'consumer', config: { serviceTimeMs: { type: 'exponential', mean: serviceMs }, prefetch: 1 } },
    );
    edges.push({ id: `pq${i}`, source: `p${i}`, target: `q${i}` }, { id: `qc${i}`, source: `q${i}`, target: `c${i}` });
  }
  return parsed({ version: 3, name: `mm1-${chains}`, seed: 42, durationMs, nodes, edges });
}

/**
 * The mean end-to-end latency of `chains` mm1 chains (80/s, 10 ms) on the whole engine after `events` events:
 * what a reduced model of mm1-200 (kernel-floor, typed-rows-sketch) must reproduce to the last digit to
 * simulate the same customers.
 */
export function engineMm1MeanLatency(chains: number, events: number): number {
  const sim = createSimulation(mm1Chains(chains, 80, 10, 1e10), { sampling: false, audit: false });
  sim.runUntil(Infinity, events);
  if (sim.events() !== events) throw new Error(`ran ${sim.events()} events, not ${events}`);
  return sim.snapshot().latencyMs.mean;
}
