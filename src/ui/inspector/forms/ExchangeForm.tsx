import { ExchangeConfigSchema } from '../../../schema/nodes/exchange';
import { useDocumentStore } from '../../document/documentStore';
import { PermissionsEditor } from '../editors/PermissionsEditor';
import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';

/** Every exchange type the schema knows, so a new one appears here without touching this form. */
const TYPES = ExchangeConfigSchema.shape.type.unwrap().options.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }));

const HINTS: Record<string, string> = {
  direct: 'A message goes to each queue whose binding key equals its routing key.',
  fanout: 'Every bound queue gets a copy; binding keys are ignored.',
  topic: 'Binding keys are patterns: * matches one word, # matches zero or more (e.g. order.*.created).',
  headers: 'Routing keys are ignored: each binding matches on message headers (x-match all or any).',
};

export function ExchangeForm() {
  const form = useForm();
  const type = String(form.get(['config', 'type']) ?? 'direct');
  const brokers = useDocumentStore((s) => s.scenario.nodes.filter((n) => n.kind === 'broker').map((n) => n.id).join('\u0000'));
  const choices = brokers === '' ? [] : brokers.split('\u0000').map((id) => ({ value: id, label: id }));
  const current = form.get(['config', 'broker']);
  if (typeof current === 'string' && !choices.some((c) => c.value === current)) choices.push({ value: current, label: `${current} (missing)` });
  return (
    <>
    <fieldset className="group">
      <legend>Routing</legend>
      <SelectField path={['config', 'type']} label="Exchange type" hint={HINTS[type]} broker={`RabbitMQ ${type} exchange`}
        choices={TYPES} />
      <p className="field-hint">
        {type === 'headers' ? 'Set x-match and the binding arguments on each edge from this exchange.' : 'Set each binding key on the edge from this exchange to a queue.'}
        {' '}An edge to another exchange makes it the alternate exchange for unroutable messages, or, chosen on the edge, an exchange-to-exchange binding; an edge to a consumer is a push subscription.
      </p>
    </fieldset>
    {choices.length > 0 && (
      <fieldset className="group">
        <legend>Placement</legend>
        <SelectField path={['config', 'broker']} label="Broker" unset="default broker" choices={choices}
          hint="Routing stops while this broker is down: publishes to the exchange are lost (nodeDown)."
          broker="exchanges are cluster metadata; the publisher's connection is to one broker" />
      </fieldset>
    )}
    <PermissionsEditor lists={['publish']} />
    </>
  );
}
