/**
 * Message tokens for every edge, drawn into ONE <canvas> by one requestAnimationFrame loop.
 *
 * Why not SVG per edge: SMIL <animateMotion> circles (up to 6 per edge, 1 800 at 200 nodes) kept the
 * main thread busy ticking animations, hit-testing and repainting React Flow's edge layer every frame
 * (6 fps at 200 nodes). Here React never re-renders for a token: the loop reads the edges' curves
 * (edgeCurves), the shown rates (telemetry store) and the viewport (React Flow store) directly, shares a
 * fixed token budget among the busiest visible edges (allocateTokens) and redraws only the canvas,
 * which is its own compositor layer: nodes, edges and labels are not repainted for a moving token.
 *
 * The canvas lives in React Flow's edge-label layer, so tokens ride above the edges but below edge
 * labels and nodes. That layer moves with the viewport; the canvas is counter-transformed to cover the
 * pane exactly, with the same transform it is drawn with, so tokens stay on their edges while panning.
 *
 * A call edge (a push to a service that replies, A4 Return Address) carries requests forward and the replies
 * back along the same edge: the replies (edgeBackRates) are a lane of their own in the budget, moving from
 * the edge's target to its source beside the edge, drawn as rings in the reply colour (told apart by shape
 * as well as colour).
 *
 * The canvas never takes the pointer: each frame records where it drew its tokens (tokenHits), and a
 * click on the pane or an edge near a token opens the message inspector for that edge's last message that
 * way: a forward token the last message sent along it, a reply token the last reply sent back (openTokenAt,
 * wired in Canvas); hovering a token shows a pointer cursor.
 */
import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { openDialog } from '../../dialogs/dialogStore';
import { lastAlongEdge, sameTarget, useInspectionStore, type InspectTarget } from '../../run/inspectionStore';
import { useRunStore } from '../../run/runStore';
import { useTelemetryStore } from '../../run/telemetryStore';
import { useViewStore } from '../../view/viewStore';
import { edgeCurve } from './edgeCurves';
import { clearDrawn, drawnList, drawnTokens, hitToken, pushDrawn, type TokenHit } from './tokenHits';
import { allocateTokens, laneOf, lanePoint, laneT, planTokens, retime, tokenPhase, type EdgeDemand, type Motion } from './tokens';

/** How often the token budget is re-shared (rates change about once a second; the viewport any time). */
const ALLOCATE_MS = 250;
/** Token radius in screen pixels: a flow-space radius of 3.5 scaled by the zoom, kept visible. */
const radius = (zoom: number) => Math.min(5, Math.max(2.5, 3.5 * zoom));

/** `reply`: the fill of tokens going back along an edge (the reply edges' colour). */
interface Colors { fill: string; reply: string; stroke: string }

function readColors(el: Element): Colors {
  const style = getComputedStyle(el);
  return {
    fill: style.getPropertyValue('--accent').trim() || '#3b82f6',
    reply: style.getPropertyValue('--edge-reply').trim() || '#b58800',
    stroke: style.getPropertyValue('--panel').trim() || '#ffffff',
  };
}

/** A lane with tokens this frame: an edge's forward or back direction. */
interface PlannedLane { key: string; edge: string; back: boolean; count: number; motion: Motion }

/** Token demands of the visible and off-screen lanes that flow: forward (edgeRates) and back (edgeBackRates). */
function laneDemands(rates: Record<string, number>, back: boolean, isVisible: (edgeId: string) => boolean, into: EdgeDemand[]): void {
  for (const [id, ratePerSec] of Object.entries(rates)) {
    if (ratePerSec > 0) into.push({ id, ratePerSec, visible: isVisible(id), back });
  }
}

type FlowStore = ReturnType<typeof useStoreApi>;

/** Pane pixels of a pointer event, and whether it landed where a token can be (the pane or an edge, not a node or a label). */
function panePoint(e: { clientX: number; clientY: number; target: EventTarget | null }): { x: number; y: number } | null {
  const target = e.target instanceof Element ? e.target : null;
  if (!target || !(target.classList.contains('react-flow__pane') || target.closest('.react-flow__edge'))) return null;
  const flow = target.closest('.react-flow');
  if (!flow) return null;
  const box = flow.getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}

/** The token (as drawn in the last frame) under the pointer, or null. */
export function tokenAt(e: { clientX: number; clientY: number; target: EventTarget | null }): TokenHit | null {
  if (drawnTokens.n === 0) return null;
  const p = panePoint(e);
  return p ? hitToken(drawnTokens, p.x, p.y) : null;
}

/**
 * A click on the pane or an edge: if it hit a token, selects that token's edge and opens the message
 * inspector on the last message that went its way (once the worker answers): a forward token shows the last
 * message sent along the edge, a reply token the last reply sent back. Returns whether a token was hit.
 */
export function openTokenAt(e: { clientX: number; clientY: number; target: EventTarget | null }): boolean {
  const hit = tokenAt(e);
  const run = useRunStore.getState();
  if (!hit || !run.loaded || run.status === 'error') return false;
  const edgeId = hit.edge;
  useViewStore.getState().setSelection([], [edgeId]);
  const target: InspectTarget = { kind: 'edge', id: edgeId };
  run.inspect(target);
  const asked = useInspectionStore.getState().requestId;
  // The edge inspector may ask again for the same edge when it mounts: take whichever answer lands last.
  const off = useInspectionStore.subscribe((s) => {
    if (sameTarget(s.target, target) && s.requestId >= asked && s.pending) return;
    clearTimeout(timer);
    off();
    const message = lastAlongEdge(s, hit.back);
    if (sameTarget(s.target, target) && s.requestId >= asked && s.found && message) openDialog({ type: 'message', message, where: edgeId });
  });
  // No answer (the worker restarted, the run was reset): stop waiting.
  const timer = setTimeout(off, 5000);
  return true;
}

function startTokenLoop(host: Element, store: FlowStore, flow: HTMLElement): () => void {
  const canvas = document.createElement('canvas');
  canvas.className = 'bl-token-layer';
  canvas.dataset.testid = 'edge-tokens';
  canvas.dataset.count = '0';
  canvas.dataset.backCount = '0'; // of them, replies going back along their edge
  canvas.dataset.frozen = 'false'; // paused: the tokens stand still
  canvas.setAttribute('aria-hidden', 'true');
  // Its own layer (will-change), never a target for the pointer, first in the label layer (below the labels).
  canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;transform-origin:0 0;will-change:transform;';
  host.prepend(canvas);
  // Test hook: the last frame's token positions in pane pixels (read on demand, never written per frame).
  Object.defineProperty(canvas, 'blTokens', { value: () => drawnList() });
  // Frames drawn into a transferred OffscreenCanvas go straight to the compositor; drawing into the <canvas>
  // itself invalidates its paint, so Blink re-ran paint and layerize every frame (-9 % main-thread CPU
  // per frame at 200 nodes, measured).
  const surface: HTMLCanvasElement | OffscreenCanvas = typeof canvas.transferControlToOffscreen === 'function' ? canvas.transferControlToOffscreen() : canvas;
  const ctx = surface.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

  let raf = 0;
  /** Lanes with tokens: how many, and how long one takes along the edge. */
  let plan: PlannedLane[] = [];
  /** By lane key; kept across re-plans so tokens continue from where they are when an edge's rate changes. */
  let motions = new Map<string, Motion>();
  let plannedAt = -Infinity;
  let plannedView = '';
  let colors = readColors(host);
  let drawnEmpty = false;
  let size = { w: 0, h: 0, dpr: 0 };
  let shownTransform = '';

  /**
   * Paused, the tokens stand still where they are rather than vanish: a class watching a paused run should see the
   * messages it stopped with, not an empty topology that reads as lost messages. `frozenAt` is the frame time the run
   * paused at (null while it runs); `pausedMs` the paused time to leave out of the motion, so that Play moves each
   * token on from where it stood.
   */
  let frozenAt: number | null = null;
  let pausedMs = 0;
  const clock = (now: number) => (reducedMotion?.matches ? 0 : ((frozenAt ?? now) - pausedMs) / 1000);

  const replan = (now: number, x: number, y: number, zoom: number, w: number, h: number) => {
    const { edgeRates, edgeBackRates } = useTelemetryStore.getState();
    const view = { minX: -x / zoom, minY: -y / zoom, maxX: (w - x) / zoom, maxY: (h - y) / zoom };
    const isVisible = (id: string) => {
      const b = edgeCurve(id)?.box;
      return !!b && b.maxX >= view.minX && b.minX <= view.maxX && b.maxY >= view.minY && b.minY <= view.maxY;
    };
    const demands: EdgeDemand[] = [];
    laneDemands(edgeRates, false, isVisible, demands);
    laneDemands(edgeBackRates, true, isVisible, demands);
    let total = 0;
    let back = 0;
    plan = [];
    const nextMotions = new Map<string, Motion>();
    for (const [key, count] of allocateTokens(demands)) {
      const lane = laneOf(key);
      const rate = (lane.back ? edgeBackRates : edgeRates)[lane.edge] ?? 0;
      const motion = retime(motions.get(key), clock(now), planTokens(rate).durationSec);
      nextMotions.set(key, motion);
      plan.push({ key, edge: lane.edge, back: lane.back, count, motion });
      total += count;
      if (lane.back) back += count;
    }
    motions = nextMotions;
    plannedAt = now;
    plannedView = `${x},${y},${zoom},${w},${h}`;
    if (canvas.dataset.count !== String(total)) canvas.dataset.count = String(total);
    if (canvas.dataset.backCount !== String(back)) canvas.dataset.backCount = String(back);
  };

  /** Draws one direction's lanes as one path: forward as accent dots, replies as rings in their colour beside the edge. */
  const drawLanes = (c: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, back: boolean, nowSec: number,
    r: number, x: number, y: number, zoom: number) => {
    c.beginPath();
    let any = false;
    for (const lane of plan) {
      if (lane.back !== back) continue;
      const curve = edgeCurve(lane.edge);
      if (!curve || !(lane.motion.durationSec > 0)) continue;
      for (let i = 0; i < lane.count; i++) {
        const t = laneT(tokenPhase(lane.motion, nowSec, i, lane.count), back);
        const p = lanePoint(curve.cubic, t, back, back ? 1.6 * r : 0);
        c.moveTo(p.x + r, p.y);
        c.arc(p.x, p.y, r, 0, 2 * Math.PI);
        pushDrawn(zoom * p.x + x, zoom * p.y + y, lane.edge, back, t);
        any = true;
      }
    }
    if (!any) return;
    c.fillStyle = back ? colors.stroke : colors.fill;
    c.fill();
    c.lineWidth = (back ? 2 : 1) / zoom;
    c.strokeStyle = back ? colors.reply : colors.stroke;
    c.stroke();
  };

  const frame = (now: number) => {
    raf = 0;
    if (!ctx) return;
    const { transform: [x, y, zoom], width: w, height: h } = store.getState();
    if (w <= 0 || h <= 0) { schedule(); return; }
    const view = `${x},${y},${zoom},${w},${h}`;
    if (frozenAt !== null) {
      // Paused: the same tokens at the same places; drawn again only when the view moves (a pan or a zoom).
      if (view === plannedView && !drawnEmpty && plan.length > 0) { schedule(); return; }
      plannedView = view;
    } else if (now - plannedAt >= ALLOCATE_MS || plannedView !== view) replan(now, x, y, zoom, w, h);
    const dpr = window.devicePixelRatio || 1;
    if (size.w !== w || size.h !== h || size.dpr !== dpr) {
      size = { w, h, dpr };
      surface.width = Math.round(w * dpr);
      surface.height = Math.round(h * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      drawnEmpty = false;
    }
    // The canvas sits inside the viewport (translate(x,y) scale(zoom)); undo that so it covers the pane.
    // Written only when it changes: any style write makes Blink run style, paint and layerize again.
    const counter = `scale(${1 / zoom}) translate(${-x}px, ${-y}px)`;
    if (counter !== shownTransform) { canvas.style.transform = counter; shownTransform = counter; }
    if (plan.length === 0) {
      clearDrawn();
      if (!drawnEmpty) { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, surface.width, surface.height); drawnEmpty = true; }
      if (anyBusy()) schedule();
      return;
    }
    drawnEmpty = false;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, surface.width, surface.height);
    // Draw in flow coordinates: screen = zoom·flow + (x, y).
    ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * x, dpr * y);
    const r = radius(zoom) / zoom;
    const nowSec = clock(now);
    clearDrawn();
    drawLanes(ctx, false, nowSec, r, x, y, zoom);
    drawLanes(ctx, true, nowSec, r, x, y, zoom);
    schedule();
  };

  const anyBusy = () => {
    const { edgeRates, edgeBackRates } = useTelemetryStore.getState();
    return Object.values(edgeRates).some((r) => r > 0) || Object.values(edgeBackRates).some((r) => r > 0);
  };
  const schedule = () => { if (raf === 0) raf = requestAnimationFrame(frame); };

  // Rates changed: (re)start the loop and re-share the budget on the next frame.
  const offRates = useTelemetryStore.subscribe((s, prev) => {
    if (s.edgeRates === prev.edgeRates && s.edgeBackRates === prev.edgeBackRates) return;
    plannedAt = -Infinity;
    schedule();
  });
  // Paused: freeze the tokens; running again: move them on; any other state (reset, finished, a new run): let the
  // rates decide (they are 0 then, and the tokens go).
  const offStatus = useRunStore.subscribe((s, prev) => {
    if (s.status === prev.status) return;
    const now = performance.now();
    if (s.status === 'paused') { if (frozenAt === null) frozenAt = now; }
    else if (frozenAt !== null) { pausedMs += now - frozenAt; frozenAt = null; plannedAt = -Infinity; }
    canvas.dataset.frozen = String(frozenAt !== null);
    schedule();
  });
  // Theme changed: re-read the colours.
  const offTheme = useViewStore.subscribe((s, prev) => {
    if (s.theme === prev.theme) return;
    requestAnimationFrame(() => { colors = readColors(host); plannedView = ''; }); // drawn again, frozen or not
  });
  // Hover over a token: a pointer cursor on the pane (edges already show one). Written only when it changes.
  let hovering = false;
  const onMove = (e: PointerEvent) => {
    const over = e.buttons === 0 && tokenAt(e) !== null;
    if (over === hovering) return;
    hovering = over;
    const pane = flow.querySelector<HTMLElement>('.react-flow__pane');
    if (pane) pane.style.cursor = over ? 'pointer' : '';
  };
  flow.addEventListener('pointermove', onMove, { passive: true });
  schedule();
  return () => {
    offRates();
    offStatus();
    offTheme();
    flow.removeEventListener('pointermove', onMove);
    if (raf !== 0) cancelAnimationFrame(raf);
    clearDrawn();
    canvas.remove();
  };
}

/** Mount inside <ReactFlow>: draws the tokens of all edges; renders nothing itself. */
export function TokenLayer() {
  const store = useStoreApi();
  const domNode = useStore((s) => s.domNode);
  useEffect(() => {
    const host = domNode?.querySelector('.react-flow__edgelabel-renderer');
    if (!domNode || !host) return;
    return startTokenLoop(host, store, domNode);
  }, [domNode, store]);
  return null;
}
