/**
 * Simulated clock as mm:ss.mmm, and h:mm:ss.mmm from an hour on: a lesson of 8 h of simulated time read "480:00.000"
 * (minutes counting past 59), which nobody reads as 8 h at a glance.
 */
export function formatClock(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  const totalMs = Math.floor(safe);
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const seconds = Math.floor((totalMs % 60_000) / 1000);
  const millis = totalMs % 1000;
  const mmss = `${two(minutes)}:${two(seconds)}.${String(millis).padStart(3, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const two = (n: number): string => String(n).padStart(2, '0');
