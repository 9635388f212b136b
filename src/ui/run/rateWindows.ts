/**
 * Edge rates from the totals at the starts of recent windows (pure; telemetryReducers.ts keeps the windows).
 *
 * A rate is the messages sent over the last window (RATE_WINDOW_MS of simulated time or more), unless that window
 * holds fewer than MIN_RATE_COUNT: then over the shortest longer window that holds that many, up to
 * MAX_RATE_WINDOW_MS. Over half a second an edge carrying 1.7 messages a second holds 0, 1 or 2 and read "0/s",
 * "2/s", "4/s" in turn; over the longer window it reads 1.7/s. A flow that stopped (a burst's end) is not averaged
 * away: when the time since the last message (to the end of the last window that had one) would have held
 * GAP_COUNT messages or more at the longer window's rate, the flow is not that slow flow any more, and the rate is
 * what the last window holds (0 after a burst; a few seconds later, not the burst's last few messages spread over them).
 */

/** Rates are computed over at least this much simulated time, so tiny frames do not make them jumpy. */
export const RATE_WINDOW_MS = 500;
/** Fewer messages than this in the last window, and the rate is taken over a longer one. */
export const MIN_RATE_COUNT = 5;
/** A silence that would have held this many messages at the longer window's rate says the flow stopped or slowed. */
export const GAP_COUNT = 3;
/** The longest window a rate is taken over, in simulated ms. */
export const MAX_RATE_WINDOW_MS = 5000;

/** Edge totals (forward and back) at the start of a window. */
export interface RateBase { timeMs: number; totals: Float64Array; backTotals: Float64Array }

export const emptyBase = (edges: number): RateBase => ({ timeMs: 0, totals: new Float64Array(edges), backTotals: new Float64Array(edges) });

/**
 * The rate of edge `i` (its back traffic when `back`) at `timeMs`, having sent `total`, from `bases` (oldest first; the
 * newest began the window that just completed).
 */
export function edgeRate(total: number, timeMs: number, bases: readonly RateBase[], i: number, back: boolean): number {
  const sentSince = (b: RateBase) => total - ((back ? b.backTotals : b.totals)[i] ?? 0);
  const rateSince = (b: RateBase) => (sentSince(b) * 1000) / (timeMs - b.timeMs);
  const last = bases.length - 1;
  if (sentSince(bases[last]!) >= MIN_RATE_COUNT) return rateSince(bases[last]!);
  let k = last;
  while (k > 0 && sentSince(bases[k]!) < MIN_RATE_COUNT) k--;
  const longer = rateSince(bases[k]!);
  return (longer * silenceMs(sentSince, timeMs, bases)) / 1000 >= GAP_COUNT ? rateSince(bases[last]!) : longer;
}

/** How long the edge has carried nothing: from the end of the last window with a message to now (0 when the current one has one). */
function silenceMs(sentSince: (b: RateBase) => number, timeMs: number, bases: readonly RateBase[]): number {
  let end = timeMs;
  for (let k = bases.length - 1; k >= 0 && sentSince(bases[k]!) === 0; k--) end = bases[k]!.timeMs;
  return timeMs - end;
}

/** The window starts to keep once a window completed at `here`: those that began within MAX_RATE_WINDOW_MS, and `here`. */
export function nextBases(bases: readonly RateBase[], here: RateBase): RateBase[] {
  return [...bases.filter((b) => here.timeMs - b.timeMs <= MAX_RATE_WINDOW_MS), here];
}
