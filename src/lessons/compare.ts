import type { CheckOp } from '../schema';

export function compare(value: number, op: CheckOp, limit: number): boolean {
  switch (op) {
    case '<': return value < limit;
    case '<=': return value <= limit;
    case '==': return value === limit;
    case '>=': return value >= limit;
    case '>': return value > limit;
    case '!=': return value !== limit;
  }
}

/**
 * Whether a verdict on a figure that never goes down (a peak, a running total) can still change before
 * the run ends. Once `peak < 50` fails, or `dropped == 0` fails, more run cannot make it pass; once
 * `acked >= 100` passes, it stays passed. `==` and `!=` settle only once the figure is past the limit.
 */
export function settledWhileRising(value: number, op: CheckOp, limit: number): boolean {
  switch (op) {
    case '<': return value >= limit;
    case '<=': return value > limit;
    case '>': return value > limit;
    case '>=': return value >= limit;
    case '==': return value > limit;
    case '!=': return value > limit;
  }
}
