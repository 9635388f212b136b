import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { kindSpec, type ScenarioNode } from '../../../schema';
import { KindIcon } from '../../icons/KindIcon';
import { compact } from './format';

interface NodeShellProps {
  node: ScenarioNode;
  selected: boolean;
  /** Key configuration in one short line, e.g. "topic" or "exp 10 ms · prefetch 10". */
  summary: ReactNode;
  children?: ReactNode;
  dropped?: number;
  deadLettered?: number;
}

/** The frame every node kind shares: handles per the kind's ports, a header, its summary, live figures and badges. */
export function NodeShell({ node, selected, summary, children, dropped = 0, deadLettered = 0 }: NodeShellProps) {
  const spec = kindSpec(node.kind);
  const hasInput = (spec?.ports.inputs.length ?? 0) > 0;
  const hasOutput = spec?.ports.output != null;
  return (
    <div className={`bl-node kind-${node.kind}${selected ? ' selected' : ''}`} data-kind={node.kind}>
      {hasInput && <Handle type="target" position={Position.Left} className="bl-handle" />}
      <header className="bl-node-header">
        <span className="bl-node-icon"><KindIcon kind={node.kind} size={16} /></span>
        <span className="bl-node-title">
          <strong data-testid="node-label">{node.label || node.id}</strong>
          <span>{spec?.label ?? node.kind}</span>
        </span>
      </header>
      <div className="bl-node-summary" data-testid="node-summary">{summary}</div>
      {children && <div className="bl-node-live">{children}</div>}
      {(dropped > 0 || deadLettered > 0) && (
        <div className="bl-node-badges">
          {dropped > 0 && <span className="bl-badge bl-badge-danger" title="Messages dropped">{compact(dropped)} dropped</span>}
          {deadLettered > 0 && <span className="bl-badge bl-badge-warn" title="Messages dead-lettered">{compact(deadLettered)} dead-lettered</span>}
        </div>
      )}
      {hasOutput && <Handle type="source" position={Position.Right} className="bl-handle" />}
    </div>
  );
}

/** One labelled live figure. */
export function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <span className="bl-stat" title={title}>
      <span className="bl-stat-value">{value}</span>
      <span className="bl-stat-label">{label}</span>
    </span>
  );
}
