/** The dock's height in px: what the user dragged the splitter to, or a default that fits the dock's content. */

/** The least the splitter goes to: the tab row and a line or two of the open tab. */
export const DOCK_MIN = 120;
/**
 * The least default: a whole chart card (title, a plot 100 px high, the time axis and its title, the legend) under
 * the tab row and the charts' toolbar, and a row of lessons. The old 200 px of a 1366×768 laptop put the legends
 * and the axis titles below the fold and showed two lessons whole.
 */
export const DOCK_FIT = 264;
/** The default's share of the window: the canvas keeps the rest, two thirds less the top bar. */
export const DOCK_SHARE = 0.34;

/** The most the splitter goes to, so the canvas never disappears. */
export const dockMax = (windowHeight: number): number => Math.max(DOCK_MIN, Math.round(windowHeight * 0.6));

/** A height the splitter may take in a window this high. */
export const clampDockHeight = (windowHeight: number, height: number): number =>
  Math.min(dockMax(windowHeight), Math.max(DOCK_MIN, Math.round(height)));

/** The dock's height in a window this high: the user's own (`saved`, null if they never moved the splitter) or the default. */
export function dockHeight(windowHeight: number, saved: number | null): number {
  const own = saved !== null && Number.isFinite(saved) && saved > 0;
  return clampDockHeight(windowHeight, own ? saved : Math.max(DOCK_FIT, windowHeight * DOCK_SHARE));
}
