import { useNodeWarnings } from '../document/nodeWarnings';

/** The whole sentence of each warning about the node, where the user edits it: what will not work and how to mend it. */
export function NodeWarnings({ nodeId }: { nodeId: string }) {
  const warnings = useNodeWarnings(nodeId);
  if (warnings.length === 0) return null;
  return (
    <div className="node-warnings" role="status" data-testid="inspector-warnings">
      <strong>Will not work as drawn:</strong>
      <ul>{warnings.map((w) => <li key={`${w.code}|${w.message}`}>{w.message}</li>)}</ul>
    </div>
  );
}
