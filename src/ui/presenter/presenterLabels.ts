/**
 * How large the presenter sets the edges' labels (the binding key, "fanout", "reply", the rate). The presenter fits
 * the whole topology, so a tall lesson is drawn at about half size and 14 px labels showed at 7 px: they are set
 * in type large enough to show, at the canvas's zoom, about as large as the nodes' figures (presenterFigures.ts).
 * Sized from the zoom on screen (the fit's, or the teacher's own zooming: usePresenterLabelType.ts). Pure, tested without React.
 */
import { FIGURE_PX } from './presenterFigures';

/** The size an edge label shows at on the screen (px): the figures' size, a margin over LEGIBLE_LABEL_PX. */
export const LABEL_PX = FIGURE_PX;
/**
 * The least an edge label may show at on the screen at 1280×720 (px): a label with no room at LABEL_PX may be set
 * smaller (labelScales), never smaller than this. The e2e tests ask every label for it.
 */
export const LEGIBLE_LABEL_PX = 14;
/**
 * The presenter's base label type (a topology drawn at zoom 1 or more keeps it), and the largest: a label in larger
 * type than this would be wider than the gap between two columns and find no place clear of the nodes (document px).
 */
export const MIN_LABEL_PX = 14;
const MAX_LABEL_PX = 36;
/** A smaller label is at least this share of its neighbours' size: smaller, it would read as a lesser thing. */
const LEAST_SCALE = 0.7;
/**
 * The zoom is followed in steps of this factor: a label re-lays out when the zoom moved a step, not on every frame of
 * a zoom. The smallest type keeps a margin of half a step over LEGIBLE_LABEL_PX, the zoom being up to that far off its step.
 */
const ZOOM_STEP = 1.05;
const HALF_STEP = Math.sqrt(ZOOM_STEP);

/** The edge labels' type (document px) at `zoom`: LABEL_PX on the screen, within the base and the largest. */
export function labelSizeAt(zoom: number): number {
  if (!(zoom > 0)) return MIN_LABEL_PX;
  return Math.min(MAX_LABEL_PX, Math.max(MIN_LABEL_PX, LABEL_PX / zoom));
}

/** `zoom` to the nearest step the labels follow it by (0 for no zoom known yet). */
export function zoomStep(zoom: number): number {
  if (!(zoom > 0)) return 0;
  return Math.round(ZOOM_STEP ** Math.round(Math.log(zoom) / Math.log(ZOOM_STEP)) * 1e4) / 1e4;
}

/**
 * The smaller sizes a label `px` in type (document px) may take at `zoom` (a step: zoomStep) when it has no room in its own (factors of it,
 * largest first): down to LEGIBLE_LABEL_PX on the screen, not below LEAST_SCALE. None when already at the least.
 */
export function labelScales(px: number, zoom: number): number[] {
  if (!(zoom > 0) || !(px > 0)) return [];
  const least = Math.max(LEAST_SCALE, (LEGIBLE_LABEL_PX * HALF_STEP) / (px * zoom));
  if (least >= 1) return [];
  const middle = (1 + least) / 2;
  return [Math.round(middle * 1000) / 1000, Math.round(least * 1000) / 1000];
}
