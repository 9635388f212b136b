/**
 * How large the presenter sets the edges' labels (the binding key, "fanout", "reply", the rate). The presenter fits
 * the whole topology, so a tall lesson is drawn at about half size and 14 px labels showed at 7 px: they are set
 * in type large enough to show, at the zoom the fit will pick (presenterScale.ts estimates it), about as large as
 * the nodes' figures (presenterFigures.ts). Pure, tested without React.
 */
import { FIGURE_PX } from './presenterFigures';

/** The size an edge label shows at on the screen (px): the figures' size, a margin over the 14 px the e2e test asks for. */
export const LABEL_PX = FIGURE_PX;
/**
 * The presenter's base label type (a topology drawn at zoom 1 or more keeps it), and the largest: a label in larger
 * type than this would be wider than the gap between two columns and find no place clear of the nodes (document px).
 */
export const MIN_LABEL_PX = 14;
const MAX_LABEL_PX = 36;

/** The edge labels' type (document px) at `zoom`: LABEL_PX on the screen, within the base and the largest. */
export function labelSizeAt(zoom: number): number {
  if (!(zoom > 0)) return MIN_LABEL_PX;
  return Math.min(MAX_LABEL_PX, Math.max(MIN_LABEL_PX, LABEL_PX / zoom));
}
