import { useDocumentStore } from '../document/documentStore';
import { deleteSelection, duplicateSelection } from '../canvas/clipboard';
import { useViewStore } from '../view/viewStore';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';
import { ScenarioInspector } from './ScenarioInspector';
import './inspector.css';

function MultiSelection({ nodes, edges }: { nodes: number; edges: number }) {
  return (
    <div className="inspector-multi">
      <header className="inspector-head">
        <div>
          <h2>{nodes} node{nodes === 1 ? '' : 's'}, {edges} edge{edges === 1 ? '' : 's'} selected</h2>
          <p>Select one to edit it.</p>
        </div>
      </header>
      <div className="inspector-actions">
        {nodes > 0 && <button type="button" className="btn" onClick={duplicateSelection}>Duplicate</button>}
        <button type="button" className="btn btn-danger" onClick={deleteSelection}>Delete</button>
      </div>
    </div>
  );
}

/** The right panel: the selected node or edge, a multi-selection, or the scenario itself. */
export function Inspector() {
  const scenario = useDocumentStore((s) => s.scenario);
  const nodeIds = useViewStore((s) => s.selectedNodeIds);
  const edgeIds = useViewStore((s) => s.selectedEdgeIds);
  let body;
  if (nodeIds.length + edgeIds.length > 1) {
    body = <MultiSelection nodes={nodeIds.length} edges={edgeIds.length} />;
  } else {
    const nodeIndex = nodeIds.length === 1 ? scenario.nodes.findIndex((n) => n.id === nodeIds[0]) : -1;
    const edgeIndex = edgeIds.length === 1 ? scenario.edges.findIndex((e) => e.id === edgeIds[0]) : -1;
    const node = scenario.nodes[nodeIndex];
    const edge = scenario.edges[edgeIndex];
    if (node) body = <NodeInspector key={node.id} node={node} index={nodeIndex} />;
    else if (edge) body = <EdgeInspector key={edge.id} edge={edge} index={edgeIndex} scenario={scenario} />;
    else body = <ScenarioInspector scenario={scenario} />;
  }
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <div className="panel-title">Inspector</div>
      <div className="inspector-scroll">{body}</div>
    </aside>
  );
}
