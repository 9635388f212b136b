import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { useDocumentStore } from '../document/documentStore';
import { useRunStore } from '../run/runStore';
import { EDGE_FAULT_ACTIONS, nodeFaultActions, type FaultAction } from './faultActions';
import { useNodeCrashed } from './useNodeFaults';

interface MenuState { open: { kind: 'node' | 'edge'; id: string; x: number; y: number } | null }

/** Which node or edge the fault menu is open on, and where (viewport px). */
export const useFaultMenu = create<MenuState>()(() => ({ open: null }));

export function openFaultMenu(kind: 'node' | 'edge', id: string, x: number, y: number): void {
  useFaultMenu.setState({ open: { kind, id, x, y } });
}
export const closeFaultMenu = (): void => useFaultMenu.setState({ open: null });

/** Triggers a live fault: the worker applies it now and the document records it (runStore.injectFault). */
export function triggerFault(action: FaultAction, target: string): void {
  useRunStore.getState().injectFault(action.make(target));
}

/** The actions on a node (depending on its kind and whether it is crashed now) or on an edge. */
export function useFaultActions(kind: 'node' | 'edge', id: string): { actions: FaultAction[]; name: string } {
  const node = useDocumentStore((s) => (kind === 'node' ? s.scenario.nodes.find((n) => n.id === id) : undefined));
  const crashed = useNodeCrashed(id);
  if (kind === 'edge') return { actions: [...EDGE_FAULT_ACTIONS], name: `link ${id}` };
  return { actions: node ? nodeFaultActions(node.kind, crashed) : [], name: node ? node.label || node.id : id };
}

function Menu({ kind, id, x, y }: NonNullable<MenuState['open']>) {
  const { actions, name } = useFaultActions(kind, id);
  const loaded = useRunStore((s) => s.loaded);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    // Esc closes the menu and nothing else: caught before anyone else's listener (capture, on window) and stopped there,
    // so the presenter view, whose Esc leaves it, never sees it. A second Esc then does what Esc does without the menu.
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); closeFaultMenu(); } };
    const onDown = (e: PointerEvent) => { if (!ref.current?.contains(e.target as Node)) closeFaultMenu(); };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown, true);
    return () => { window.removeEventListener('keydown', onKey, true); window.removeEventListener('pointerdown', onDown, true); };
  }, []);
  // Keep it on screen.
  const left = Math.min(x, window.innerWidth - 250);
  const top = Math.min(y, window.innerHeight - 40 - actions.length * 30);
  return (
    <div ref={ref} className="fault-menu" role="menu" aria-label={`Faults for ${name}`} data-testid="fault-menu" style={{ left, top }}>
      <div className="fault-menu-title">Fault: {name}</div>
      {actions.map((a) => (
        <button key={a.id} type="button" role="menuitem" title={a.title} data-testid={`fault-action-${a.id}`}
          onClick={() => { triggerFault(a, id); closeFaultMenu(); }}>{a.label}</button>
      ))}
      <div className="fault-menu-note">{loaded ? 'Happens now and is recorded in the scenario\'s fault timeline, so Reset replays it.' : 'Loads the run first: the fault happens at 0 s and is recorded in the timeline.'}</div>
    </div>
  );
}

/** The right-click menu of live faults on the canvas. */
export function FaultMenu() {
  const open = useFaultMenu((s) => s.open);
  if (!open) return null;
  return <Menu key={`${open.kind}:${open.id}:${open.x}:${open.y}`} {...open} />;
}
