import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { SelectField } from '../../fields/SelectField';
import { useForm } from '../../form';

const GROUPS = ['config', 'messageGroups'] as const;
const PICKS = [{ value: 'cycle', label: 'In turn' }, { value: 'random', label: 'At random' }];
const DEDUP = [
  { value: 'none', label: 'None' },
  { value: 'messageId', label: 'The message id' },
];

/** Message groups and deduplication ids for SQS FIFO queues (semantics.md A2.3). */
export function FifoOptions() {
  const form = useForm();
  const on = form.get(GROUPS) !== null && form.get(GROUPS) !== undefined;
  return (
    <fieldset className="group">
      <legend>SQS FIFO</legend>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.messageGroups.on"
            onChange={(e) => form.set(GROUPS, e.target.checked ? { count: 4, pick: 'cycle' } : null)} />
          Message groups
        </label>
        <FieldHint hint="Each message gets a group id g1…gN; a FIFO queue keeps order per group. Without one, a FIFO queue refuses the send."
          broker="SQS FIFO MessageGroupId (A2.3)" />
      </div>
      {on && (
        <div className="field-pair">
          <NumberField path={[...GROUPS, 'count']} label="Groups" min={1} max={100_000} />
          <SelectField path={[...GROUPS, 'pick']} label="Assigned" choices={PICKS} />
        </div>
      )}
      <SelectField path={['config', 'deduplicationId']} label="Deduplication id" choices={DEDUP}
        hint="None: a FIFO queue with content-based deduplication hashes the body instead, else refuses the send. The message id: a publish retried after a lost confirm repeats it, so it is delivered once within the queue's window."
        broker="SQS FIFO MessageDeduplicationId (A2.3)" />
    </fieldset>
  );
}
