import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { kindSpec, type ScenarioNode } from '../../../schema';
import { KindIcon } from '../../icons/KindIcon';
import { compact } from './format';

/** A count shown under the figures when it is above 0: dropped, dead-lettered, expired, … */
export interface Badge {
  /** Names the test id `stat-<name>`. */
  name: string;
  value: number;
  text: string;
  /** Shown instead of "<value> <text>" (a state such as "offline"). */
  label?: string;
  tone: 'danger' | 'warn' | 'info';
  title: string;
}

/** A named source handle, for kinds with more than one output (a filter's pass and invalid outputs). */
export interface SourceHandle { id: string | null; label: string }

interface NodeShellProps {
  node: ScenarioNode;
  selected: boolean;
  /** Key configuration in one short line, e.g. "topic" or "exp 10 ms · prefetch 10". */
  summary: ReactNode;
  children?: ReactNode;
  badges?: readonly Badge[];
  /** Labelled source handles; by default one unnamed handle when the kind has outputs. */
  sourceHandles?: readonly SourceHandle[];
}

function SourceHandles({ handles }: { handles: readonly SourceHandle[] }) {
  if (handles.length === 1 && handles[0]!.id === null) return <Handle type="source" position={Position.Right} className="bl-handle" />;
  return (
    <>
      {handles.map((h, i) => {
        const top = `${((i + 1) * 100) / (handles.length + 1)}%`;
        return (
          <div key={h.id ?? 'main'}>
            <Handle type="source" id={h.id ?? undefined} position={Position.Right} style={{ top }}
              className={`bl-handle bl-handle-${h.id ?? 'main'}`} title={h.label} data-handle={h.id ?? 'main'} />
            <span className="bl-handle-label" style={{ top }}>{h.label}</span>
          </div>
        );
      })}
    </>
  );
}

/** The frame every node kind shares: handles per the kind's ports, a header, its summary, live figures and badges. */
export function NodeShell({ node, selected, summary, children, badges = [], sourceHandles }: NodeShellProps) {
  const spec = kindSpec(node.kind);
  const hasInput = (spec?.ports.inputs.length ?? 0) > 0;
  const hasOutput = (spec?.ports.outputs.length ?? 0) > 0;
  const shown = badges.filter((b) => b.value > 0);
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
      {shown.length > 0 && (
        <div className="bl-node-badges">
          {shown.map((b) => (
            <span key={b.name} className={`bl-badge bl-badge-${b.tone}`} title={b.title}
              data-testid={`stat-${b.name}`} data-value={b.value}>{b.label ?? `${compact(b.value)} ${b.text}`}</span>
          ))}
        </div>
      )}
      {hasOutput && <SourceHandles handles={sourceHandles ?? [{ id: null, label: '' }]} />}
    </div>
  );
}

/** One labelled live figure; `data-testid="stat-<name>"` and the exact value in data-value. */
export function Stat({ label, name = label, value, exact, title }: { label: string; name?: string; value: string; exact?: number; title?: string }) {
  return (
    <span className="bl-stat" title={title} data-testid={`stat-${name}`} data-value={exact ?? ''}>
      <span className="bl-stat-value">{value}</span>
      <span className="bl-stat-label">{label}</span>
    </span>
  );
}
