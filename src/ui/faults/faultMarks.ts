/**
 * Where faults go on a chart's time axis (simulated seconds): an area for a fault that ended (or ends)
 * inside the run, a line at the start of one still holding at the end. Pure; tested in Node.
 */
import { faultName, faultSpans, type FaultRecord } from './faultSpans';

/**
 * `row`: the label's line from the top, so labels of faults that overlap in time stack instead of printing over
 * each other; `labelEnd`: where the label must stop (the next label's start in its row, or the chart's end).
 */
export type FaultMark =
  | { kind: 'area'; key: string; x1: number; x2: number; label: string; type: string; target: string; row: number; labelEnd: number }
  | { kind: 'line'; key: string; x: number; label: string; type: string; target: string; row: number; labelEnd: number };

const startOf = (m: FaultMark): number => (m.kind === 'area' ? m.x1 : m.x);

/**
 * Marks for the faults that overlap the chart's domain [fromS, toS] (seconds), clipped to it.
 * Faults of one type on one target that overlap are one mark (the engine treats them as one, see faultSpans).
 */
export function faultMarks(faults: readonly FaultRecord[], fromS: number, toS: number): FaultMark[] {
  if (!(toS >= fromS)) return [];
  const marks: FaultMark[] = [];
  for (const s of faultSpans(faults)) {
    const start = s.atMs / 1000;
    const end = s.endMs === null ? null : s.endMs / 1000;
    const label = `${faultName(s.type)} ${s.target}`;
    const key = `${s.type}:${s.target}:${s.atMs}`;
    if (start > toS || (end !== null && end < fromS)) continue;
    const of = { key, label, type: s.type, target: s.target, row: 0, labelEnd: toS };
    if (end === null) {
      if (start >= fromS) marks.push({ kind: 'line', x: start, ...of });
      else marks.push({ kind: 'area', x1: fromS, x2: toS, ...of });
      continue;
    }
    const x1 = Math.max(fromS, start);
    const x2 = Math.min(toS, end);
    marks.push(x2 > x1 ? { kind: 'area', x1, x2, ...of } : { kind: 'line', x: x1, ...of });
  }
  return labelRows(joinLabelsAtSameStart(marks), toS);
}

/** Marks over a chart's rows, from its first sample's time to its last; none without faults or rows. */
export function faultMarksOver(faults: readonly FaultRecord[] | undefined, rows: readonly { t: number }[]): FaultMark[] {
  return faults && rows.length > 0 ? faultMarks(faults, rows[0]!.t, rows.at(-1)!.t) : [];
}

/**
 * Gives each label the first row free at its start: a row is taken until the end of the mark whose label is
 * in it (an area's end; a line's label runs on to the chart's end, `toS`). A label may run past its area up to
 * the next label's start in its row (`labelEnd`), where FaultLabel cuts it.
 */
function labelRows(marks: FaultMark[], toS: number): FaultMark[] {
  const taken: number[] = []; // per row, the time until which it is taken
  const order = marks.map((m, i) => i).sort((a, b) => startOf(marks[a]!) - startOf(marks[b]!) || a - b);
  const placed = marks.map((m) => ({ ...m }));
  const lastInRow: FaultMark[] = [];
  for (const i of order) {
    const m = placed[i]!;
    if (m.label === '') continue;
    let row = taken.findIndex((until) => until <= startOf(m));
    if (row < 0) row = taken.length;
    taken[row] = m.kind === 'area' ? m.x2 : toS;
    m.row = row;
    const before = lastInRow[row];
    if (before) before.labelEnd = startOf(m);
    lastInRow[row] = m;
  }
  return placed;
}

/**
 * Labels sit at a mark's top left, so faults that start together would print on top of each other:
 * the first mark at a start carries every label of that start ("slow sync-c · slow async-c"), the others none.
 */
function joinLabelsAtSameStart(marks: FaultMark[]): FaultMark[] {
  const byStart = new Map<number, FaultMark[]>();
  for (const m of marks) byStart.set(startOf(m), [...(byStart.get(startOf(m)) ?? []), m]);
  return marks.map((m) => {
    const group = byStart.get(startOf(m))!;
    if (group.length === 1) return m;
    return { ...m, label: group[0] === m ? group.map((g) => g.label).join(' · ') : '' };
  });
}
