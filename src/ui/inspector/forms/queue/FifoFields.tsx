import { CheckboxField } from '../../fields/CheckboxField';
import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { useForm } from '../../form';

const PATH = ['config', 'fifo'] as const;
const DEFAULT_FIFO = { contentBasedDeduplication: false, deduplicationScope: 'queue', deduplicationWindowMs: 300_000 } as const;
const SCOPES = [
  { value: 'queue', label: 'Whole queue' },
  { value: 'messageGroup', label: 'Per message group' },
];

/**
 * SQS FIFO (semantics.md A2.3): strict order within a MessageGroupId, one message of a group in flight at
 * a time, and deduplication of sends by MessageDeduplicationId within a window. Shown for SQS queues only.
 */
export function FifoFields() {
  const form = useForm();
  const on = form.get(PATH) !== undefined && form.get(PATH) !== null;
  return (
    <fieldset className="group">
      <legend>FIFO</legend>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.fifo.on"
            onChange={(e) => form.set(PATH, e.target.checked ? { ...DEFAULT_FIFO } : undefined)} />
          FIFO queue
        </label>
        <FieldHint hint="Order is kept per message group; while a group has a message in flight, its next one waits. A send without a group id fails."
          broker="SQS FIFO queue (.fifo), MessageGroupId (A2.3)" />
      </div>
      {form.errorsAt(PATH).map((e) => <p key={e} className="field-errors" data-testid="field-error">{e}</p>)}
      {on && (
        <>
          <CheckboxField path={[...PATH, 'contentBasedDeduplication']} label="Content-based deduplication"
            hint="A send without a deduplication id gets the hash of its body as one; without this, such a send fails."
            broker="SQS ContentBasedDeduplication (A2.3)" />
          <SelectField path={[...PATH, 'deduplicationScope']} label="Deduplication scope" choices={SCOPES}
            hint="Where a deduplication id must be unique: across the queue, or only within its message group." broker="SQS DeduplicationScope (A2.3)" />
          <NumberField path={[...PATH, 'deduplicationWindowMs']} label="Deduplication window" unit="ms" min={1} step={10_000}
            hint="A send repeating an id seen this recently is accepted but not delivered again (SQS: 5 minutes)."
            broker="SQS MessageDeduplicationId interval (A2.3)" />
        </>
      )}
    </fieldset>
  );
}
