/**
 * How large the presenter sets a node's live figures (counts, ready and unacked, busy slots, …) and how many
 * lines they take. In presenter.css each figure's label stands beside it and the row wraps between figures;
 * every length in the row is in ems of the figure type, so a kind's row is as many ems wide at any size.
 * Estimated, as the names are (presenterScale.ts), not measured from the drawn nodes. Pure, tested without React.
 */

/** The size a live figure shows at on the screen (px): a margin over the 14 px the e2e test asks for. */
export const FIGURE_PX = 16;
/** Made smaller to keep its row on one line, never below this on the screen (px). */
export const FIGURE_FLOOR_PX = 15;
/** The presenter's base figure type (smaller only to keep a row on one line), and the largest a small topology at maxZoom gets (document px). */
const MIN_FIGURE_PX = 20;
const MAX_FIGURE_PX = 34;
/** A line of figures, in ems of their type. */
export const FIGURE_LINE = 1.1;

/**
 * A kind's row of figures with their labels and gaps, in ems: the widest row of each kind in the lessons'
 * runs, measured in Chromium (a producer with confirms shows published, unconfirmed and waiting).
 */
const ROW_EM: Readonly<Record<string, number>> = {
  producer: 17, requester: 18, aggregator: 17, filter: 16, exchange: 12.3, consumer: 12.9, router: 11, broker: 13.5, queue: 9.5,
};
const OTHER_ROW_EM = 13;

export const rowEm = (kind: string | undefined): number => (kind !== undefined && ROW_EM[kind]) || OTHER_ROW_EM;

/** The lines a kind's figures take at `px` in a node `width` px wide inside. */
export function figureLines(kind: string | undefined, px: number, width: number): number {
  return Math.max(1, Math.ceil((rowEm(kind) * px) / width - 1e-9));
}

/**
 * The figures' type (document px) at `zoom` for nodes of these kinds, a node of kind k `width(k)` px wide inside (a
 * requester is wider): FIGURE_PX on the screen (or the base type), less where that would wrap a row, down to
 * FIGURE_FLOOR_PX (a row still too wide wraps then).
 */
export function figureSize(kinds: readonly (string | undefined)[], zoom: number, width: (kind: string | undefined) => number): number {
  const wanted = Math.min(MAX_FIGURE_PX, Math.max(MIN_FIGURE_PX, FIGURE_PX / zoom));
  const oneLine = Math.min(...kinds.map((k) => width(k) / rowEm(k)));
  return Math.max(FIGURE_FLOOR_PX / zoom, Math.min(wanted, oneLine));
}
