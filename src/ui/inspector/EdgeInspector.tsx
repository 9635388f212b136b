import { useCallback } from 'react';
import { connectionRoles, edgeRole, isExchangeToExchangeBinding, kindSpec, type PortRole, type Scenario, type ScenarioEdge, type ScenarioNode } from '../../schema';
import { delayWays } from '../canvas/edgeDelay';
import { useDocumentStore } from '../document/documentStore';
import { FaultButtons } from '../faults/FaultButtons';
import { BindingFields } from './edge/BindingFields';
import { ExchangeEdgeRole } from './edge/ExchangeEdgeRole';
import { FilterPolicyField } from './edge/FilterPolicyField';
import { roleText } from './edge/roleText';
import { NumberField } from './fields/NumberField';
import { SelectField } from './fields/SelectField';
import { TextField } from './fields/TextField';
import { Form } from './form';
import { EdgeMessage } from './messages/EdgeMessage';
import { RefusedBanner } from './RefusedBanner';

export function EdgeInspector({ edge, index, scenario }: { edge: ScenarioEdge; index: number; scenario: Scenario }) {
  const source = scenario.nodes.find((n) => n.id === edge.source);
  const target = scenario.nodes.find((n) => n.id === edge.target);
  const role = source && target ? edgeRole(source.kind, target.kind, edge.config) : null;
  const chooses = source !== undefined && target !== undefined && connectionRoles(source.kind, target.kind).length > 1;
  const insideBroker = isExchangeToExchangeBinding(role, target?.kind); // an e2e binding has no network delay (A1.1.6)
  const commit = useCallback((next: unknown, group: string) => useDocumentStore.getState().updateEdgeConfig(edge.id, next, group), [edge.id]);
  return (
    <Form target={`edge:${edge.id}`} stored={edge.config} prefix={`edges[${index}].config`} commit={commit}>
      <header className="inspector-head">
        <div>
          <h2>Edge <span className="inspector-id mono">{edge.id}</span></h2>
          <p>
            {source?.label || edge.source} <span className="muted">({kindSpec(source?.kind ?? '')?.label ?? '?'})</span>
            {' → '}
            {target?.label || edge.target} <span className="muted">({kindSpec(target?.kind ?? '')?.label ?? '?'})</span>
          </p>
          {role && <p className="muted" data-testid="edge-role">{edge.config.channel === 'invalid' ? 'Invalid Message Channel: messages the filter refuses go here.' : roleText(role, source?.kind, target?.kind)}</p>}
        </div>
      </header>
      <div className="inspector-fields">
        {chooses && <ExchangeEdgeRole />}
        {role === 'bind' && <BindingFields source={source} target={target} />}
        {source?.kind === 'filter' && (
          <SelectField path={['channel']} label="Output" unset="pass: messages that match" choices={[{ value: 'invalid', label: 'invalid: messages refused' }]}
            broker="EIP Invalid Message Channel" />
        )}
        {role === 'publish' && (
          <TextField path={['routingKey']} label="Routing key override" emptyRemoves mono placeholder="(keep the message's key)"
            hint="Replaces the routing key of every message sent along this edge." />
        )}
        {(role === 'bind' || role === 'push') && source?.kind === 'exchange' && <FilterPolicyField />}
        {!insideBroker && <NumberField path={['delayMs']} label="Network delay" unit="ms" min={0} max={3_600_000}
          hint={delayHint(role, target)} />}
        {!insideBroker && <FaultButtons kind="edge" id={edge.id} />}
      </div>
      <EdgeMessage edgeId={edge.id} />
      <RefusedBanner />
    </Form>
  );
}

/** What the delay means on this edge: on a subscription, both ways may count (edgeDelay.ts: a poll's round trip; an ack's way back, A1.5). */
function delayHint(role: PortRole | null, target: ScenarioNode | undefined): string | undefined {
  const ways = delayWays(role, target);
  if (ways === 'one') return undefined;
  if (ways === 'poll') return 'One way. A poll crosses it twice: the request to the queue, the answer (with its messages) back.';
  if (ways === 'pollAck') {
    return 'One way. A poll crosses it twice: the request to the queue, the answer (with its messages) back. Each ack (SQS: '
      + 'DeleteMessage) crosses it to the queue, which settles the message only then. An SQS delete arriving after the '
      + 'visibility timeout still deletes the message if nobody received it since; otherwise, or on a FIFO queue, it '
      + 'deletes nothing.';
  }
  return 'One way. Each ack or nack crosses it back to the queue, which frees the prefetch slot only then: prefetch 1 takes one message per round trip.';
}
