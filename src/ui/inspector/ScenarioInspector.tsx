import { useCallback, useMemo } from 'react';
import { NODE_KIND_SPECS, type Scenario } from '../../schema';
import { duration } from '../canvas/nodes/format';
import { useDocumentStore } from '../document/documentStore';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { Form } from './form';
import { FaultTimelineEditor } from './faults/FaultTimelineEditor';
import { RefusedBanner } from './RefusedBanner';

type ScenarioFields = Pick<Scenario, 'name' | 'description' | 'seed' | 'durationMs' | 'workload' | 'metrics' | 'faults'>;

export function ScenarioInspector({ scenario }: { scenario: Scenario }) {
  const stored = useMemo<ScenarioFields>(() => ({
    name: scenario.name, description: scenario.description, seed: scenario.seed,
    durationMs: scenario.durationMs, workload: scenario.workload, metrics: scenario.metrics, faults: scenario.faults,
  }), [scenario.name, scenario.description, scenario.seed, scenario.durationMs, scenario.workload, scenario.metrics, scenario.faults]);
  const commit = useCallback((next: unknown, group: string) => useDocumentStore.getState().updateScenario(next as ScenarioFields, group), []);
  const counts = NODE_KIND_SPECS.map((s) => [s.kind, scenario.nodes.filter((n) => n.kind === s.kind).length] as const).filter(([, n]) => n > 0);
  return (
    <Form target="scenario" stored={stored} prefix="" commit={commit}>
      <header className="inspector-head">
        <div>
          <h2>Scenario</h2>
          <p>{scenario.nodes.length} nodes, {scenario.edges.length} edges{counts.length > 0 && `: ${counts.map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ')}`}. Select a node or an edge to edit it.</p>
        </div>
      </header>
      <div className="inspector-fields">
        <TextField path={['name']} label="Name" />
        <TextField path={['description']} label="Description" multiline />
        <fieldset className="group">
          <legend>Run</legend>
          <div className="field-pair">
            <NumberField path={['seed']} label="Seed" min={0} max={4294967295} hint="Same seed, same run." />
            <NumberField path={['durationMs']} label="Duration" unit="ms" min={1} step={1000} hint={`${duration(scenario.durationMs)} of simulated time`} />
          </div>
        </fieldset>
        <fieldset className="group">
          <legend>Workload</legend>
          <div className="field-pair">
            <NumberField path={['workload', 'rateMultiplier']} label="Rate multiplier" unit="×" min={0} max={1000} step={0.1} />
            <NumberField path={['workload', 'warmupMs']} label="Warm-up" unit="ms" min={0} step={1000} />
          </div>
          <p className="field-hint">The multiplier scales every producer; latencies before the warm-up are not counted.</p>
        </fieldset>
        <fieldset className="group">
          <legend>Metrics</legend>
          <NumberField path={['metrics', 'sampleIntervalMs']} label="Sample interval" unit="ms" min={10} max={3_600_000} step={50}
            hint="Simulated time between chart samples." />
        </fieldset>
        <FaultTimelineEditor scenario={scenario} />
      </div>
      <RefusedBanner />
    </Form>
  );
}
