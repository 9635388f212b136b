import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';

const STRATEGIES = [
  { value: 'collect', label: 'Collect every reply' },
  { value: 'best', label: 'Best score (select one)' },
  { value: 'sum', label: 'Sum the scores' },
];

/** EIP Aggregator (A4): completion conditions, the first that holds wins, and the aggregation algorithm. */
export function AggregatorForm() {
  return (
    <>
      <fieldset className="group">
        <legend>Completion</legend>
        <p className="field-hint">A group of replies (one correlation id) completes on the first condition that holds; leave a box
          empty to turn that condition off. At least one is needed. <span className="field-broker">Camel: the first which triggers wins</span></p>
        <NumberField path={['config', 'completionSize']} label="Completion size" unit="replies" min={1} max={10_000} empty="null" placeholder="off"
          hint="Complete when this many replies have come (Wait for All when it equals the recipients)." broker="Camel completionSize" />
        <NumberField path={['config', 'completionTimeoutMs']} label="Completion timeout" unit="ms" min={1} max={3_600_000} step={100} empty="null"
          placeholder="off" hint="Complete with what has come when no reply arrived for this long." broker="Camel completionTimeout · EIP Time Out" />
        <NumberField path={['config', 'goodEnoughScore']} label="Good-enough score" min={-1e12} max={1e12} empty="null" placeholder="off"
          hint="Complete at once on a reply scoring at least this." broker="EIP First Best · Time Out with Override" />
      </fieldset>
      <fieldset className="group">
        <legend>Aggregation</legend>
        <SelectField path={['config', 'strategy']} label="Strategy" choices={STRATEGIES}
          hint="How the replies' scores become the aggregate's: the best one, their sum, or all of them."
          broker="EIP Aggregator algorithm" />
        <p className="field-hint">Replies for a group that already completed are late: counted and discarded.</p>
      </fieldset>
    </>
  );
}
