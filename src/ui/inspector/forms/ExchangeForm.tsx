import { ExchangeConfigSchema } from '../../../schema/nodes/exchange';
import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';

/** Every exchange type the schema knows, so a new one appears here without touching this form. */
const TYPES = ExchangeConfigSchema.shape.type.unwrap().options.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }));

const HINTS: Record<string, string> = {
  direct: 'A message goes to each queue whose binding key equals its routing key.',
  fanout: 'Every bound queue gets a copy; binding keys are ignored.',
  topic: 'Binding keys are patterns: * matches one word, # matches zero or more (e.g. order.*.created).',
};

export function ExchangeForm() {
  const form = useForm();
  const type = String(form.get(['config', 'type']) ?? 'direct');
  return (
    <fieldset className="group">
      <legend>Routing</legend>
      <SelectField path={['config', 'type']} label="Exchange type" hint={HINTS[type]}
        choices={TYPES} />
      <p className="field-hint">Set each binding key on the edge from this exchange to a queue.</p>
    </fieldset>
  );
}
