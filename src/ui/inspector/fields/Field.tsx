import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  unit?: string;
  hint?: string;
  /** The broker setting this field mirrors, e.g. "RabbitMQ x-max-priority (classic queues)". */
  broker?: string;
  errors: readonly string[];
  /** Renders the control, given the id its <label> points to and the id of its description. */
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** A labelled row: the control, its unit, a hint, and each schema error under it. */
export function Field({ label, unit, hint, broker, errors, children }: FieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const invalid = errors.length > 0;
  const describedBy = [hint || broker ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={inputId} className="field-label">{label}</label>
      <div className="field-control">
        {children({ inputId, describedBy, invalid })}
        {unit && <span className="field-unit">{unit}</span>}
      </div>
      {(hint || broker) && !invalid && <FieldHint id={hintId} hint={hint} broker={broker} />}
      {invalid && (
        <ul id={errorId} className="field-errors" data-testid="field-error">
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
    </div>
  );
}

/** One line of explanation and, set apart, the broker setting it mirrors. */
export function FieldHint({ id, hint, broker }: { id?: string; hint?: string; broker?: string }) {
  return (
    <p id={id} className="field-hint">
      {hint}
      {broker && <span className="field-broker" data-testid="field-broker">{broker}</span>}
    </p>
  );
}
