import { SelectField } from '../fields/SelectField';

export function QueueForm() {
  return (
    <fieldset className="group">
      <legend>Queue</legend>
      <SelectField path={['config', 'flavor']} label="Flavor" choices={[{ value: 'classic', label: 'Classic (RabbitMQ)' }]}
        hint="Deliveries go round-robin to its consumers, each up to its prefetch." />
    </fieldset>
  );
}
