import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { useForm } from '../../form';

const PATH = ['config', 'idempotent'] as const;

/** EIP Idempotent Receiver: remember processed message ids for a window and skip (ack) a duplicate. */
export function IdempotentField() {
  const form = useForm();
  const on = form.get(PATH) !== null && form.get(PATH) !== undefined;
  return (
    <>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.idempotent.on"
            onChange={(e) => form.set(PATH, e.target.checked ? { windowMs: 60_000 } : null)} />
          Idempotent receiver
        </label>
        <FieldHint hint="Remembers the ids it processed and acks a duplicate without processing it again: at-least-once delivery becomes exactly-once processing."
          broker="EIP Idempotent Receiver (A4)" />
      </div>
      {on && <NumberField path={[...PATH, 'windowMs']} label="Remember ids for" unit="ms" min={1} step={1000}
        hint="A duplicate arriving later than this after the first is processed again." />}
    </>
  );
}
