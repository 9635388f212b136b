import { useCallback } from 'react';
import { kindSpec, type ScenarioNode } from '../../schema';
import { useDocumentStore } from '../document/documentStore';
import { FaultButtons } from '../faults/FaultButtons';
import { KindIcon } from '../icons/KindIcon';
import { TextField } from './fields/TextField';
import { Form } from './form';
import { KIND_FORMS } from './forms/kindForms';
import { NodeMessages } from './messages/NodeMessages';
import { NodeWarnings } from './NodeWarnings';
import { RefusedBanner } from './RefusedBanner';

export function NodeInspector({ node, index }: { node: ScenarioNode; index: number }) {
  const spec = kindSpec(node.kind);
  const KindForm = KIND_FORMS[node.kind];
  const commit = useCallback((next: unknown, group: string) => {
    const n = next as { label?: string; config: unknown };
    return useDocumentStore.getState().updateNode(node.id, { label: n.label, config: n.config }, group);
  }, [node.id]);
  return (
    <Form target={`node:${node.id}`} stored={node} prefix={`nodes[${index}]`} commit={commit}>
      <header className={`inspector-head kind-${node.kind}`}>
        <span className="inspector-icon"><KindIcon kind={node.kind} size={20} /></span>
        <div>
          <h2>{spec?.label ?? node.kind} <span className="inspector-id mono">{node.id}</span></h2>
          <p>{spec?.description}</p>
        </div>
      </header>
      <NodeWarnings nodeId={node.id} />
      <div className="inspector-fields">
        <TextField path={['label']} label="Label" placeholder={node.id} emptyRemoves hint="Shown on the canvas; the id stays the same." />
        <KindForm />
        <FaultButtons kind="node" id={node.id} />
      </div>
      {(node.kind === 'queue' || node.kind === 'consumer') && <NodeMessages nodeId={node.id} name={node.label || node.id} kind={node.kind} />}
      <RefusedBanner />
    </Form>
  );
}
