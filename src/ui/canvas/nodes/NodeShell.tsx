import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { kindSpec, type ScenarioNode } from '../../../schema';
import { useNodeWarnings } from '../../document/nodeWarnings';
import { useNodeDown } from '../../faults/useNodeFaults';
import { KindIcon } from '../../icons/KindIcon';
import { compact } from './format';
import { warningBadges } from './warningBadges';

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

const DOWN_BADGE: Badge = {
  name: 'down', value: 1, text: '', label: 'down', tone: 'danger',
  title: 'Down: crashed (a fault), or its broker is down, or a replicated queue has no leader now',
};

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
  /** Under the summary: the brokers hosting a queue or an exchange (see Placement). */
  placement?: ReactNode;
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

/** The frame every node kind shares: handles per the kind's ports, a header, its summary, live figures and badges (live ones and the document's warnings). */
export function NodeShell({ node, selected, summary, children, badges = [], sourceHandles, placement }: NodeShellProps) {
  const spec = kindSpec(node.kind);
  const hasInput = (spec?.ports.inputs.length ?? 0) > 0;
  const hasOutput = (spec?.ports.outputs.length ?? 0) > 0;
  const down = useNodeDown(node.id, node.kind);
  // What the document says will not work (a reply with no way back) shows while the user is still drawing.
  const warnings = useNodeWarnings(node.id);
  // Down (crashed or unavailable) says more than "offline", which it implies.
  const live = badges.filter((b) => b.value > 0 && !(down && b.name === 'offline'));
  const shown = [...(down ? [DOWN_BADGE] : []), ...warningBadges(warnings), ...live];
  return (
    <div className={`bl-node kind-${node.kind}${selected ? ' selected' : ''}${down ? ' down' : ''}`} data-kind={node.kind} data-down={down}>
      {hasInput && <Handle type="target" position={Position.Left} className="bl-handle" />}
      <header className="bl-node-header">
        <span className="bl-node-icon"><KindIcon kind={node.kind} size={16} /></span>
        <span className="bl-node-title">
          <strong data-testid="node-label">{node.label || node.id}</strong>
          <span>{spec?.label ?? node.kind}</span>
        </span>
      </header>
      <div className="bl-node-summary" data-testid="node-summary">{summary}</div>
      {placement}
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
