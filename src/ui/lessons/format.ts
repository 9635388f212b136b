import { INSTANT_FAULT_TYPES, type Fault } from '../../schema';
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

/** A check's verdict on the run so far, or none before it ran. */
export type CheckVerdict = 'pass' | 'fail' | 'none';

/** What a check line says of its state: "not run yet", "pass so far" while it can change, "fail" once final. */
export function checkStateText(verdict: CheckVerdict, final: boolean): string {
  return verdict === 'none' ? 'not run yet' : `${verdict}${final ? '' : ' so far'}`;
}

/** Every state text a check line can show: the presenter keeps room for the widest, whichever is shown. */
export const CHECK_STATE_TEXTS: readonly string[] = [...new Set((['none', 'pass', 'fail'] as const)
  .flatMap((v) => [checkStateText(v, false), checkStateText(v, true)]))];

const OP_TEXT: Record<CheckOp, string> = { '<': '<', '<=': '≤', '==': '=', '>=': '≥', '>': '>', '!=': '≠' };
export const opText = (op: CheckOp): string => OP_TEXT[op];

/** What a fault does to what: "crash worker-2", "3 poison messages from orders-api". */
export function faultWhat(f: Fault): string {
  const figure = faultFigure(f);
  return figure === null ? faultName(f) : `${faultName(f)} ${figure}`;
}

/** What a fault does and to what, without its figure: "slow worker-1", "delay a--b", "3 poison messages from p". */
export function faultName(f: Fault): string {
  switch (f.type) {
    case 'poison': return `${f.count} poison message${f.count === 1 ? '' : 's'} from ${f.target}`;
    case 'slowDisk': return `slow disk on ${f.target}`;
    case 'linkDelay': return `delay ${f.target}`;
    case 'linkLoss': return `link loss ${f.target}`;
    case 'heal': return f.of === 'crash' ? `restart ${f.target}` : `heal ${f.of} ${f.target}`;
    default: return `${f.type} ${f.target}`; // crash, slow, partition, corrupt: the verb is the type
  }
}

/** How much: a factor, added latency, a share of messages ("×3", "+200 ms ± 25", "5 %"); null for a crash or a partition. */
export function faultFigure(f: Fault): string | null {
  switch (f.type) {
    case 'slow': case 'slowDisk': return `×${f.factor}`;
    case 'linkDelay': return `+${f.addMs} ms${f.jitterMs > 0 ? ` ± ${f.jitterMs}` : ''}`;
    case 'linkLoss': case 'corrupt': return percent(f.probability);
    default: return null;
  }
}

/** A probability as a percentage a reader takes in at once: 5 %, 0.5 %, 100 %. */
function percent(p: number): string {
  return `${Number((p * 100).toPrecision(3))} %`;
}

/** How long a fault lasts: "for 5 s", "until the end"; null for one that happens at an instant (a poison burst, a heal). */
export function faultSpan(f: Fault): string | null {
  if (INSTANT_FAULT_TYPES.includes(f.type)) return null;
  return f.durationMs === undefined ? 'until the end' : `for ${formatSeconds(f.durationMs)}`;
}

/** When a fault happens and for how long: "at 10 s, for 5 s"; "at 27 s" for one at an instant. */
export function faultWhen(f: Fault): string {
  const span = faultSpan(f);
  return `at ${formatSeconds(f.atMs)}${span === null ? '' : `, ${span}`}`;
}

/** A fault in a sentence, for the "Do it" button's title. */
export function describeFault(f: Fault): string {
  return `${faultWhat(f)} ${faultWhen(f)}`;
}
