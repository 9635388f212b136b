import { ListOfNumbersField } from '../../editors/ListOfNumbersField';
import { NumberField } from '../../fields/NumberField';

/** Poison messages: every consumer fails on them, so they show how a topology handles repeated failure. */
export function PoisonOptions() {
  return (
    <fieldset className="group">
      <legend>Poison messages</legend>
      <NumberField path={['config', 'poison', 'fraction']} label="Poison fraction" min={0} max={1} step={0.05}
        hint="Share of messages every consumer fails on (0–1)." />
      <ListOfNumbersField path={['config', 'poison', 'messages']} label="Poison message numbers" unit="#" />
      <p className="field-hint">1 is the first message this producer publishes.</p>
    </fieldset>
  );
}
