import {
  Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type Edge, type FitViewOptions, type OnConnectEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { kindSpec, type NodeKind } from '../../schema';
import { refuseConnection } from '../document/connectionRules';
import { getScenario, useDocumentStore } from '../document/documentStore';
import { FaultMenu, closeFaultMenu, openFaultMenu } from '../faults/FaultMenu';
import { notify } from '../notify/notifyStore';
import { onAddAtCentre } from '../palette/addRequest';
import { DRAG_MIME } from '../palette/PaletteItem';
import { requestFitView, useFitViewRequest } from '../view/fitView';
import { useViewStore } from '../view/viewStore';
import { explainDrop } from './connectionFeedback';
import { allEdgeCurves } from './edges/edgeCurves';
import { handleChannel } from './handles';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { edgeTypes } from './edges/MessageEdge';
import { openTokenAt, TokenLayer } from './edges/TokenLayer';
import { onEdgesChange, onNodesChange, startFlowSync, useFlowStore } from './flowStore';
import { fitClearOfCorners, type Corners } from './fitRoom';
import { fitWithLoops } from './loopRoom';
import type { KindNode, MessageEdge } from './flowTypes';
import { nodeTypes } from './nodes/nodeTypes';
import './canvas.css';

const GRID = 16;
/**
 * The editor's fit before anything is measured (a page opening on an autosaved document); once the canvas
 * is measured, fitRoom.ts narrows it to what the corner widgets and reply loops need.
 */
const FIT = { padding: { top: '64px', left: '64px', right: '64px', bottom: '120px' }, maxZoom: 1.2 } as const;

/** The bottom corners' widgets as they stand (size plus margin), null where none shows (a short canvas hides the minimap). */
function cornersOf(box: HTMLElement): Corners {
  const outer = box.getBoundingClientRect();
  const rect = (selector: string) => {
    const el = box.querySelector(selector);
    return el && el.getClientRects().length > 0 ? el.getBoundingClientRect() : null;
  };
  const controls = rect('.react-flow__controls');
  const minimap = rect('.react-flow__minimap');
  return {
    left: controls && { width: controls.right - outer.left, height: outer.bottom - controls.top },
    right: minimap && { width: outer.right - minimap.left, height: outer.bottom - minimap.top },
  };
}
/** Roughly half a node, so a dropped node lands centred on the pointer. */
const NODE_HALF = { x: 100, y: 40 };

const isValidConnection = (c: Connection | Edge) => refuseConnection(getScenario(), c.source, c.target, { channel: handleChannel(c.sourceHandle) }) === null;

function onConnect(c: Connection): void {
  const result = useDocumentStore.getState().connect(c.source, c.target, { channel: handleChannel(c.sourceHandle) });
  if (!result.ok) notify(result.reason, 'error');
}

const onConnectEnd: OnConnectEnd = (event, state) => {
  const reason = explainDrop(event, state);
  if (reason) notify(`Connection refused: ${reason}`, 'error');
};

/** Right-click on a node or an edge: the live fault menu. */
const onNodeContextMenu = (e: React.MouseEvent, n: KindNode) => { e.preventDefault(); openFaultMenu('node', n.id, e.clientX, e.clientY); };
const onEdgeContextMenu = (e: React.MouseEvent, edge: MessageEdge) => { e.preventDefault(); openFaultMenu('edge', edge.id, e.clientX, e.clientY); };

/**
 * The user's own pan or zoom closes the fault menu. A fit the app makes by itself (on opening, F, the presenter's
 * refits as a node grows or the screen changes) comes without an event and leaves it: closing on those too lost a menu
 * just opened, e.g. by a right-click in the presenter's first half second, or mid-run as a node gained a row.
 */
const onMoveStart = (e: MouseEvent | TouchEvent | null) => { if (e) closeFaultMenu(); };

/** A click on the pane closes the fault menu; on a message token (tokens are drawn, not DOM) it opens the message inspector. */
const onPaneClick = (e: React.MouseEvent) => { closeFaultMenu(); openTokenAt(e); };

/** React Flow's own fit icon (it does not export it). */
const FitIcon = () => (
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
    <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
  </svg>
);

function addNodeAt(kind: NodeKind, position: { x: number; y: number }): void {
  const id = useDocumentStore.getState().addNode(kind, {
    x: Math.round(position.x / GRID) * GRID, y: Math.round(position.y / GRID) * GRID,
  });
  useViewStore.getState().setSelection([id], []);
}

/** `fit`: a caller's own fit (the presenter's), used as given; null: the editor's, fitted to the corners (fitRoom.ts). */
function CanvasInner({ fit, controlsAt }: { fit: FitViewOptions | null; controlsAt: ControlsPlace }) {
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore((s) => s.edges);
  const theme = useViewStore((s) => s.theme);
  const fitRequest = useFitViewRequest((s) => s.n);
  const { screenToFlowPosition, fitView, getNodes, getNodesBounds } = useReactFlow<KindNode, MessageEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  // Fit on open only when there is something to fit: on an empty canvas the first node would make the view jump.
  const [fitOnOpen] = useState(() => getScenario().nodes.length > 0);

  useEffect(() => startFlowSync(), []);
  // React Flow's fit on open uses the fixed FIT; once the corners are measured, the editor fits as F does.
  useEffect(() => { if (fitOnOpen && fit === null) requestFitView(); }, [fitOnOpen, fit]);
  useEffect(() => {
    if (fitRequest === 0) return;
    // Wait for freshly loaded nodes to be measured before fitting them; leave room for reply loops (loopRoom.ts).
    const t = setTimeout(() => {
      // Nothing to fit (a new document): React Flow would queue the fit until the first node appears,
      // then zoom onto that node and move it away from where it was dropped. Keep the view instead.
      if (getNodes().length === 0) return;
      const bounds = getNodesBounds(getNodes());
      const box = wrapper.current;
      const height = box?.clientHeight ?? 0;
      const base = fit ?? (box && height > 0 ? fitClearOfCorners(FIT, { width: box.clientWidth, height }, bounds, cornersOf(box)) : FIT);
      const room = height > 0 ? fitWithLoops(base, height, { top: bounds.y, bottom: bounds.y + bounds.height }, allEdgeCurves()) : base;
      void fitView({ ...room, duration: 200 });
    }, 50);
    return () => clearTimeout(t);
  }, [fitRequest, fitView, fit, getNodes, getNodesBounds]);
  useEffect(() => {
    onAddAtCentre((kind) => {
      const box = wrapper.current?.getBoundingClientRect();
      if (!box) return;
      const centre = screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      const taken = new Set(getScenario().nodes.map((n) => `${n.position.x},${n.position.y}`));
      let p = { x: centre.x - NODE_HALF.x, y: centre.y - NODE_HALF.y };
      p = { x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID };
      while (taken.has(`${p.x},${p.y}`)) p = { x: p.x + 2 * GRID, y: p.y + 2 * GRID };
      addNodeAt(kind, p);
    });
    return () => onAddAtCentre(null);
  }, [screenToFlowPosition]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    const kind = e.dataTransfer.getData(DRAG_MIME);
    if (!kindSpec(kind)) return;
    e.preventDefault();
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addNodeAt(kind as NodeKind, { x: p.x - NODE_HALF.x, y: p.y - NODE_HALF.y });
  }, [screenToFlowPosition]);
  const onNodeDragStop = useCallback((_: unknown, _node: KindNode, dragged: KindNode[]) => {
    // A node dragged in the presenter's spread-out drawing lands where it was dropped in the document's own.
    const { xScale } = useFlowStore.getState();
    useDocumentStore.getState().moveNodes(Object.fromEntries(dragged.map((n) => [n.id, { x: n.position.x / xScale, y: n.position.y }])));
  }, []);

  return (
    <div className="canvas" ref={wrapper} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<KindNode, MessageEdge>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={onConnect} onConnectEnd={onConnectEnd} isValidConnection={isValidConnection}
        onNodeDragStop={onNodeDragStop}
        onNodeContextMenu={onNodeContextMenu} onEdgeContextMenu={onEdgeContextMenu} onPaneClick={onPaneClick} onEdgeClick={openTokenAt} onMoveStart={onMoveStart}
        colorMode={theme} snapToGrid snapGrid={[GRID, GRID]}
        deleteKeyCode={null} selectionKeyCode="Shift" multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        fitView={fitOnOpen} fitViewOptions={fit ?? FIT} minZoom={0.2} maxZoom={2.5}
        defaultEdgeOptions={{ type: 'message' }} connectionRadius={28}
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="var(--canvas-dots)" />
        <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={(n) => `var(--kind-${n.type ?? 'queue'})`}
          ariaLabel="Minimap" style={{ width: 140, height: 88 }} />
        {/* Its fit button asks for the same fit as F and opening a document, not React Flow's fixed one. */}
        <Controls showInteractive={false} showFitView={false} position={controlsAt} orientation={controlsAt === 'top-right' ? 'horizontal' : 'vertical'}>
          <ControlButton className="react-flow__controls-fitview" onClick={requestFitView} title="Fit view (F)" aria-label="Fit view">
            <FitIcon />
          </ControlButton>
        </Controls>
        <TokenLayer />
      </ReactFlow>
      {nodes.length === 0 && <EmptyCanvasHint />}
      <FaultMenu />
    </div>
  );
}

/**
 * Where the zoom controls stand: the editor's bottom-left corner, which its fit keeps clear (fitRoom.ts), or, in the
 * presenter, whose fit is its own and keeps no corner clear, a row at the top right, in the band above the nodes
 * (the bottom-left corner covered a node's figures there).
 */
export type ControlsPlace = 'bottom-left' | 'top-right';

/** The topology editor: React Flow over the document store. `fit`: how it fits the view (the presenter fits tighter). */
export function Canvas({ fit, controlsAt = 'bottom-left' }: { fit?: FitViewOptions; controlsAt?: ControlsPlace }) {
  return (
    <ReactFlowProvider>
      <CanvasInner fit={fit ?? null} controlsAt={controlsAt} />
    </ReactFlowProvider>
  );
}
