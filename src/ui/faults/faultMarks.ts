/**
 * Where faults go on a chart's time axis (simulated seconds): an area for a fault that ended (or ends)
 * inside the run, a line at the start of one still holding at the end. Pure; tested in Node.
 */
import { faultName, faultSpans, type FaultRecord } from './faultSpans';

export type FaultMark =
  | { kind: 'area'; key: string; x1: number; x2: number; label: string; type: string; target: string }
  | { kind: 'line'; key: string; x: number; label: string; type: string; target: string };

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
    if (end === null) {
      if (start >= fromS) marks.push({ kind: 'line', key, x: start, label, type: s.type, target: s.target });
      else marks.push({ kind: 'area', key, x1: fromS, x2: toS, label, type: s.type, target: s.target });
      continue;
    }
    const x1 = Math.max(fromS, start);
    const x2 = Math.min(toS, end);
    marks.push(x2 > x1 ? { kind: 'area', key, x1, x2, label, type: s.type, target: s.target } : { kind: 'line', key, x: x1, label, type: s.type, target: s.target });
  }
  return joinLabelsAtSameStart(marks);
}

const startOf = (m: FaultMark): number => (m.kind === 'area' ? m.x1 : m.x);

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
