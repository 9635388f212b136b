import type { Fault } from '../../schema';
import type { CheckOp } from '../../schema/lesson';

/** Simulated milliseconds as seconds, e.g. 12 s or 2.5 s. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** A figure for a check line: whole numbers as they are, others to two decimals. */
export function formatFigure(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

const OP_TEXT: Record<CheckOp, string> = { '<': '<', '<=': '≤', '==': '=', '>=': '≥', '>': '>', '!=': '≠' };
export const opText = (op: CheckOp): string => OP_TEXT[op];

/** A fault in a sentence, for the "Do it" button's title. */
export function describeFault(f: Fault): string {
  const span = f.durationMs === undefined ? 'until the end' : `for ${formatSeconds(f.durationMs)}`;
  return `${f.type} ${f.target} at ${formatSeconds(f.atMs)}, ${span}`;
}
