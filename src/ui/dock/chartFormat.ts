/** Numbers on the charts' axes and tooltips, and the time axis in simulated seconds. */

/** 1500 → "1.5k"; below a thousand, at most two decimals, so a tick at 0.25 reads 0.25, not 0.3. */
export function formatChartValue(v: number): string {
  return Math.abs(v) >= 1000 ? `${Number((v / 1000).toFixed(1))}k` : String(Number(v.toFixed(2)));
}

/** Simulated seconds, to a tenth: "8.3s". */
export const formatChartTime = (t: number): string => `${Number(t.toFixed(1))}s`;
