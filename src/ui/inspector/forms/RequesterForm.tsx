import { ArrivalEditor } from '../editors/ArrivalEditor';
import { DistributionEditor } from '../editors/DistributionEditor';
import { HeadersEditor } from '../editors/HeadersEditor';
import { RoutingKeysEditor } from '../editors/RoutingKeysEditor';
import { CheckboxField } from '../fields/CheckboxField';
import { NumberField } from '../fields/NumberField';
import { SelectField } from '../fields/SelectField';
import { useForm } from '../form';
import { ReplyToField } from './requester/ReplyToField';

const MODES = [
  { value: 'async', label: 'Async: many outstanding' },
  { value: 'sync', label: 'Sync: one at a time' },
];

/** How requests are paced: sync waits for each reply (or timeout), async follows an arrival process. */
function Pacing() {
  const form = useForm();
  const sync = form.get(['config', 'mode']) === 'sync';
  return (
    <fieldset className="group">
      <legend>Requests</legend>
      <SelectField path={['config', 'mode']} label="Mode" choices={MODES}
        hint={sync ? 'The next request leaves a think time after the reply or the timeout: throughput is bounded by the round trip.'
          : 'Requests leave on the arrival process below, whether or not earlier ones were answered.'}
        broker={sync ? 'Synchronous RPC (blocking call)' : 'EIP Request-Reply, asynchronous'} />
      {sync && <DistributionEditor path={['config', 'thinkTimeMs']} label="Think time" unit="ms" />}
      {!sync && (
        <NumberField path={['config', 'maxOutstanding']} label="Max outstanding" unit="requests" min={1} empty="null" placeholder="no limit"
          hint="At the limit a due request waits until a reply or a timeout frees a place." broker="client-side in-flight limit" />
      )}
      <div className="field-pair">
        <NumberField path={['config', 'count']} label="Count" unit="requests" min={1} empty="null" placeholder="no limit" />
        <NumberField path={['config', 'startAtMs']} label="Start at" unit="ms" min={0} step={100} />
      </div>
    </fieldset>
  );
}

/** Matching replies: the timeout, how many replies answer a request, and the Return Address. */
function Replies() {
  return (
    <fieldset className="group">
      <legend>Replies</legend>
      <NumberField path={['config', 'timeoutMs']} label="Timeout" unit="ms" min={1} max={3_600_000} step={100}
        hint="A request not answered by then counts as a timeout; replies after it are late and discarded."
        broker="RPC client timeout (A4 Correlation Identifier)" />
      <NumberField path={['config', 'expectedReplies']} label="Expected replies" unit="per request" min={1} max={10_000}
        hint="1 for request/reply; N for scatter-gather without an aggregator: answered once N have come."
        broker="EIP Scatter-Gather" />
      <ReplyToField />
    </fieldset>
  );
}

export function RequesterForm() {
  const form = useForm();
  const sync = form.get(['config', 'mode']) === 'sync';
  return (
    <>
      <Pacing />
      {!sync && <ArrivalEditor path={['config', 'arrival']} />}
      <Replies />
      <RoutingKeysEditor path={['config', 'routingKeys']} />
      <fieldset className="group">
        <legend>Request messages</legend>
        <CheckboxField path={['config', 'persistent']} label="Persistent"
          hint="On a durable queue it is written to disk and survives a restart." broker="AMQP delivery_mode 2" />
        <DistributionEditor path={['config', 'sizeBytes']} label="Request size" unit="bytes" />
      </fieldset>
      <HeadersEditor path={['config', 'headers']} />
    </>
  );
}
