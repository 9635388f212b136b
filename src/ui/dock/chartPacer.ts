/**
 * When the charts redraw. Redrawing recharts costs far more than a frame of the canvas, so the charts
 * poll the samples on their own throttle instead of following every store update. Two cases skip the
 * throttle: a cleared run (Reset, New, Open, an example, a lesson, a link), whose old lines must go at
 * once rather than stay on screen until the next poll, up to MAX_CHART_REDRAW_MS later; and a run that
 * stops (runStopped), whose last samples are drawn at once.
 */
import type { Timers } from '../run/frameCoalescer';
import type { TelemetryState } from '../run/telemetryStore';

/** How often charts redraw at most while samples stream in (a couple of times a second, not per frame). */
export const CHART_REDRAW_MS = 500;
/** Charts may take at most 1/CHART_SHARE of the main thread; slower redraws space them out. */
export const CHART_SHARE = 10;
export const MAX_CHART_REDRAW_MS = 3000;

/**
 * Wait before the next redraw after one that took `costMs` (render, layout and paint). The pacer passes the cheaper of
 * the last two redraws (see ChartPacer.paceAfter): one slow redraw (the plot's first, which mounts recharts' axes and
 * lines; a garbage collection) must not hold the charts still for seconds, a redraw that stays slow spaces them out.
 */
export function chartRedrawDelay(costMs: number): number {
  return Math.min(MAX_CHART_REDRAW_MS, Math.max(CHART_REDRAW_MS, costMs * CHART_SHARE));
}

/** What the pacer compares: enough of the telemetry state to tell new samples and a cleared run. */
export type ChartInput = Pick<TelemetryState, 'samples' | 'samplesVersion' | 'nodeIds'>;

/** New samples, or another simulation loaded: worth a redraw at the next poll. */
export function samplesChanged(shown: ChartInput, next: ChartInput): boolean {
  return shown.samplesVersion !== next.samplesVersion || shown.nodeIds !== next.nodeIds;
}

/**
 * The run was cleared while the charts show lines: redraw now. Samples only ever grow within a run
 * (thinning keeps at least MIN_SAMPLES), so going from some to none means the store was cleared.
 */
export function runCleared(shown: ChartInput, next: ChartInput): boolean {
  return shown.samples.length > 0 && next.samples.length === 0;
}

/** The part of the run state that tells whether a stopped run moved on. */
export interface RunPoint { status: string; events: number }

/**
 * Whether the charts should draw at once: the run just stopped (its last frame is in the telemetry store
 * before the status changes, runStore.applyFrame), or it moved while stopped (a step; the frame that follows
 * a pause, which arrives after the status turned "paused" on the click).
 */
export function stoppedRunMoved(before: RunPoint, after: RunPoint): boolean {
  if (after.status === 'running') return false;
  return before.status === 'running' || after.events !== before.events;
}

/** Where the pacer reads telemetry: the app's store (zustand's getState and subscribe), or a test's. */
export interface TelemetrySource {
  getState(): TelemetryState;
  subscribe(listener: (state: TelemetryState) => void): () => void;
}

export interface PacerEnv {
  timers: Timers;
  /** A hidden page draws nothing: polling skips it (a cleared run is still shown, it costs nothing). */
  hidden(): boolean;
}

/** Hands `show` the telemetry state to draw: on its throttle while samples stream in, at once when the run is cleared. */
export class ChartPacer {
  private shown: TelemetryState;
  private timer: unknown = null;
  private stopped = false;
  /** What the last redraw of this run cost, null before its first (mounting the plot is a one-off, not a pace). */
  private lastCostMs: number | null = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly source: TelemetrySource, private readonly show: (state: TelemetryState) => void,
    private readonly env: PacerEnv) {
    this.shown = source.getState();
    this.unsubscribe = source.subscribe((next) => {
      if (runCleared(this.shown, next)) { this.lastCostMs = null; this.draw(next); }
    });
    this.later(CHART_REDRAW_MS);
  }

  /**
   * The run stopped (paused, stepped, finished): what it ends on is drawn now rather than at the next poll,
   * up to MAX_CHART_REDRAW_MS later, as the rest of the screen shows a stopped run at once (frameCoalescer).
   * Nothing new, nothing drawn; the pending poll stays as it is.
   */
  runStopped(): void {
    const next = this.source.getState();
    if (!this.stopped && !this.env.hidden() && samplesChanged(this.shown, next)) this.draw(next);
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer !== null) this.env.timers.cancel(this.timer);
    this.timer = null;
  }

  private poll(): void {
    this.timer = null;
    const next = this.source.getState();
    if (this.env.hidden() || !samplesChanged(this.shown, next)) return this.later(CHART_REDRAW_MS);
    if (next.nodeIds !== this.shown.nodeIds) this.lastCostMs = null; // another simulation: its lines are mounted anew
    const start = this.env.timers.now();
    this.draw(next);
    this.env.timers.afterPaint(() => this.later(this.paceAfter(this.env.timers.now() - start)));
  }

  /**
   * The wait after a redraw that cost `costMs`: by the cheaper of it and the one before, and as for a cheap one after
   * the run's first. Measured in the browser: the first redraw of a run cost enough to hold every chart at its first
   * two samples for 2.5–3 s of a running simulation, then redraws came every 0.4–0.9 s (docs/PERFORMANCE.md, "UI frame rate").
   */
  private paceAfter(costMs: number): number {
    const paced = this.lastCostMs === null ? 0 : Math.min(costMs, this.lastCostMs);
    this.lastCostMs = costMs;
    return chartRedrawDelay(paced);
  }

  private draw(state: TelemetryState): void {
    this.shown = state;
    this.show(state);
  }

  private later(ms: number): void {
    if (!this.stopped) this.timer = this.env.timers.schedule(() => this.poll(), ms);
  }
}
