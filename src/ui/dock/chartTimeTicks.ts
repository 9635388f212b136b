/**
 * Ticks of the charts' time axis on round simulated times (0, 5, 10 s …), the step chosen for the span shown.
 * recharts spreads its ticks evenly from the first sample to the last, which put them at 0.3, 8.3, 16.3 s:
 * hard to read off, and different in every frame.
 */

/** Round steps, s: tenths and halves of a second, 1-2-5 seconds, quarter and half minutes, minutes, quarter hours, hours. */
const STEPS_S = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];
const DAY_S = 86_400;
/** The most gaps between ticks: 7 labels fit the narrowest chart card. */
export const MAX_TIME_GAPS = 6;

/** The smallest round step that splits `spanS` into at most MAX_TIME_GAPS gaps (whole days past the table). */
export function timeStep(spanS: number): number {
  return STEPS_S.find((step) => spanS / step <= MAX_TIME_GAPS) ?? Math.ceil(spanS / MAX_TIME_GAPS / DAY_S) * DAY_S;
}

/** The multiples of the round step for the span that lie within [fromS, toS]; the two ends when none does. */
export function timeTicks(fromS: number, toS: number): number[] {
  if (!(toS > fromS)) return [fromS];
  const step = timeStep(toS - fromS);
  const eps = step * 1e-9; // 0.1 × 3 is 0.30000000000000004
  const ticks: number[] = [];
  for (let k = Math.ceil((fromS - eps) / step); k * step <= toS + eps; k++) ticks.push(Number((k * step).toFixed(3)));
  return ticks.length > 0 ? ticks : [fromS, toS];
}

/** The ticks for a chart's rows (in time order, `t` in s): round times between the first and the last. */
export function rowTimeTicks(rows: readonly { t: number }[]): number[] {
  return rows.length === 0 ? [] : timeTicks(rows[0]!.t, rows.at(-1)!.t);
}
