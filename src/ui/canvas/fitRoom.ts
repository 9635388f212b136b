/**
 * The editor's fit padding. A fixed padding that keeps the bottom corners (zoom controls, minimap)
 * clear whatever the topology's shape spent 64 px above and 120 px below the nodes: on a 435 px canvas
 * (1280×720, the dock open) that is 42 % of the height, and a 19-node example opened at zoom 0.26.
 * The corners need clearing on one axis only: either a band below the nodes as tall as the taller
 * corner, or columns beside them as wide as each corner. This picks whichever lets the nodes be larger,
 * with a small margin everywhere else. Pure, tested without React.
 */
import type { FitViewOptions } from '@xyflow/react';

export interface Size { width: number; height: number }
/** What stands in a bottom corner of the canvas (its size plus its distance from the edges), or null. */
export interface Corners { left: Size | null; right: Size | null }

/** Between the nodes and the canvas's edges, or a corner's widget, px. */
export const MARGIN = 24;
const GAP = 8;

type Padding = { top: number; right: number; bottom: number; left: number };

function zoomFor(p: Padding, canvas: Size, nodes: Size, maxZoom: number): number {
  const w = (canvas.width - p.left - p.right) / Math.max(nodes.width, 1);
  const h = (canvas.height - p.top - p.bottom) / Math.max(nodes.height, 1);
  return Math.min(w, h, maxZoom);
}

/** Padding (px per side) that keeps the corners clear and fits `nodes` (flow units) the largest. */
export function cornerPadding(canvas: Size, nodes: Size, corners: Corners, maxZoom: number): Padding {
  const beside: Padding = {
    top: MARGIN, bottom: MARGIN,
    left: corners.left ? Math.max(MARGIN, corners.left.width + GAP) : MARGIN,
    right: corners.right ? Math.max(MARGIN, corners.right.width + GAP) : MARGIN,
  };
  const tallest = Math.max(corners.left?.height ?? 0, corners.right?.height ?? 0);
  const below: Padding = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: Math.max(MARGIN, tallest + GAP) };
  return zoomFor(below, canvas, nodes, maxZoom) > zoomFor(beside, canvas, nodes, maxZoom) ? below : beside;
}

/** `fit` with the padding of cornerPadding, in the px per side that fitView and fitWithLoops read. */
export function fitClearOfCorners(fit: FitViewOptions, canvas: Size, nodes: Size, corners: Corners): FitViewOptions {
  const p = cornerPadding(canvas, nodes, corners, fit.maxZoom ?? 1);
  return { ...fit, padding: { top: `${p.top}px`, right: `${p.right}px`, bottom: `${p.bottom}px`, left: `${p.left}px` } };
}
