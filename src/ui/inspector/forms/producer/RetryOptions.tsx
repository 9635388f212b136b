import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { useForm } from '../../form';

const RETRY = ['config', 'retry'] as const;

/**
 * Publisher retries: publish again when no confirm came in time (or a nack). Needs confirms. A confirm lost
 * with a crashed broker or link makes a duplicate: the same message id delivered twice (A1.6; at-least-once).
 */
export function RetryOptions() {
  const form = useForm();
  const on = form.get(RETRY) !== null && form.get(RETRY) !== undefined;
  const confirms = form.get(['config', 'confirms']) !== null && form.get(['config', 'confirms']) !== undefined;
  const errors = form.errorsAt(RETRY);
  return (
    <fieldset className="group" data-testid="retry-options">
      <legend>Retries</legend>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.retry.on" aria-invalid={errors.length > 0}
            onChange={(e) => form.set(RETRY, e.target.checked ? { timeoutMs: 1000, maxAttempts: 3 } : null)} />
          Retry unconfirmed publishes
        </label>
        {errors.length === 0 && <FieldHint hint={confirms
          ? 'Publishes the same message again when its confirm does not come in time. A lost confirm makes a duplicate: at-least-once.'
          : 'Needs publisher confirms (above): a retry waits for a confirm.'} broker="publisher confirms + republish (A1.6)" />}
        {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      </div>
      {on && (
        <div className="field-pair">
          <NumberField path={[...RETRY, 'timeoutMs']} label="Confirm timeout" unit="ms" min={1} max={3_600_000} step={100} />
          <NumberField path={[...RETRY, 'maxAttempts']} label="Max attempts" min={1} max={100} hint="Publishes in all, the first included." />
        </div>
      )}
    </fieldset>
  );
}
