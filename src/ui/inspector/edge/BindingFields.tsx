import type { ScenarioNode } from '../../../schema';
import { X_MATCH } from '../../../schema';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { BindingArgsEditor } from './BindingArgsEditor';

const X_MATCH_TEXT: Record<(typeof X_MATCH)[number], string> = {
  all: 'all: every argument matches',
  any: 'any: at least one argument matches',
  'all-with-x': 'all-with-x: all, including x- headers',
  'any-with-x': 'any-with-x: any, including x- headers',
};

/** A headers binding (x-match plus arguments) or a binding key, depending on the source exchange. */
export function BindingFields({ source, target }: { source: ScenarioNode | undefined; target?: ScenarioNode | undefined }) {
  const type = source?.kind === 'exchange' ? source.config.type : undefined;
  if (type === 'headers') {
    return (
      <fieldset className="group">
        <legend>Headers binding</legend>
        <SelectField path={['xMatch']} label="x-match" unset="default: all" choices={X_MATCH.map((m) => ({ value: m, label: X_MATCH_TEXT[m] }))}
          hint="Headers starting with x- are ignored unless -with-x." broker="RabbitMQ headers exchange x-match" />
        <BindingArgsEditor path={['bindingArgs']} />
      </fieldset>
    );
  }
  const toExchange = target?.kind === 'exchange'; // an exchange-to-exchange binding (A1.1.6)
  return (
    <TextField path={['bindingKey']} label="Binding key" emptyRemoves mono placeholder="(empty key)" broker={toExchange ? 'AMQP exchange.bind routing_key' : 'AMQP queue.bind routing_key'}
      hint={type === 'fanout' ? 'This exchange is fanout: binding keys are ignored.'
        : type === 'topic' ? '* matches one word, # zero or more: order.*.created'
          : `Messages whose routing key equals this go to the ${toExchange ? 'exchange' : 'queue'}.`} />
  );
}
