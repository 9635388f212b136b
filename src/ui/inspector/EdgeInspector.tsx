import { useCallback } from 'react';
import { kindSpec, type PortRole, type Scenario, type ScenarioEdge } from '../../schema';
import { connectionRole } from '../../schema';
import { useDocumentStore } from '../document/documentStore';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import { Form } from './form';
import { RefusedBanner } from './RefusedBanner';

const ROLE_TEXT: Record<PortRole, string> = {
  publish: 'Publish: the client sends its messages here.',
  bind: 'Binding: the exchange routes matching messages to this queue.',
  subscribe: 'Subscription: the queue delivers messages to this consumer.',
};

export function EdgeInspector({ edge, index, scenario }: { edge: ScenarioEdge; index: number; scenario: Scenario }) {
  const source = scenario.nodes.find((n) => n.id === edge.source);
  const target = scenario.nodes.find((n) => n.id === edge.target);
  const role = source && target ? connectionRole(source.kind, target.kind) : null;
  const fanout = source?.kind === 'exchange' && source.config.type === 'fanout';
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
          {role && <p className="muted">{ROLE_TEXT[role]}</p>}
        </div>
      </header>
      <div className="inspector-fields">
        {role === 'bind' && (
          <TextField path={['bindingKey']} label="Binding key" emptyRemoves mono placeholder="(empty key)"
            hint={fanout ? 'This exchange is fanout: binding keys are ignored.'
              : source?.kind === 'exchange' && source.config.type === 'topic' ? '* matches one word, # zero or more: order.*.created' : 'Messages whose routing key equals this go to the queue.'} />
        )}
        {role === 'publish' && (
          <TextField path={['routingKey']} label="Routing key override" emptyRemoves mono placeholder="(keep the message's key)"
            hint="Replaces the routing key of every message sent along this edge." />
        )}
        <NumberField path={['delayMs']} label="Network delay" unit="ms" min={0} max={3_600_000} />
      </div>
      <RefusedBanner />
    </Form>
  );
}
