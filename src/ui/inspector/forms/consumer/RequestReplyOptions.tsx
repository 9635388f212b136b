import { DistributionEditor } from '../../editors/DistributionEditor';
import { CheckboxField } from '../../fields/CheckboxField';
import { FieldHint } from '../../fields/Field';
import { NumberField } from '../../fields/NumberField';
import { useForm } from '../../form';

const CALL = ['config', 'call'] as const;

/** A synchronous call downstream: the slot is held until the reply or the timeout (A4 Request-Reply). */
function CallField() {
  const form = useForm();
  const on = form.get(CALL) !== null && form.get(CALL) !== undefined;
  // The call object's own errors (e.g. no edge to call along); its timeout's errors show under the timeout.
  const errors = form.errorsAt(CALL);
  return (
    <>
      <div className="field field-check">
        <label>
          <input type="checkbox" checked={on} data-path="config.call.on"
            onChange={(e) => form.set(CALL, e.target.checked ? { timeoutMs: 1000 } : null)} />
          Synchronous call
        </label>
        <FieldHint hint="After its own service time it sends the result on as a request (its outgoing edge) and keeps the slot until the reply comes; a timeout or an error reply fails the message. Off: results are sent on and forgotten."
          broker="blocking RPC to a downstream service (EIP Request-Reply)" />
        {errors.length > 0 && <ul className="field-errors" data-testid="field-error">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      </div>
      {on && <NumberField path={[...CALL, 'timeoutMs']} label="Call timeout" unit="ms" min={1} max={3_600_000} step={100}
        hint="How long the slot waits for the downstream reply." broker="client call timeout" />}
    </>
  );
}

/** Replying to requests that carry a Return Address: on by default; the score feeds aggregators. */
function ReplyFields() {
  const form = useForm();
  const on = form.get(['config', 'reply', 'enabled']) !== false;
  return (
    <>
      <CheckboxField path={['config', 'reply', 'enabled']} label="Reply to requests" defaultValue
        hint="A processed message with a Return Address gets a reply there, carrying the request's id as its correlation id."
        broker="EIP Return Address, Correlation Identifier (AMQP reply_to, correlation_id)" />
      {on && (
        <>
          <DistributionEditor path={['config', 'reply', 'score']} label="Reply score" unit="" />
          <p className="field-hint">The reply's value: an aggregator picks the best or sums them, or completes early on a good-enough one.
            <span className="field-broker">header score (EIP Aggregator, A4)</span></p>
          <NumberField path={['config', 'reply', 'sizeBytes']} label="Reply size" unit="bytes" min={0} max={134_217_728} />
        </>
      )}
    </>
  );
}

/** Request-reply and message integrity: replies, synchronous calls, the checksum check. */
export function RequestReplyOptions() {
  return (
    <fieldset className="group">
      <legend>Requests, calls and integrity</legend>
      <ReplyFields />
      <CallField />
      <CheckboxField path={['config', 'verifyChecksum']} label="Verify checksum" defaultValue
        hint="A message damaged on a link (corrupt fault) is rejected without requeue and never processed. Off: it is processed as if sound."
        broker="message digest / CRC check at the receiver (AMQP: application level)" />
    </fieldset>
  );
}
