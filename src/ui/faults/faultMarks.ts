/**
 * Where faults go on a chart's time axis (simulated seconds): an area for a fault that ended (or ends)
 * inside the run, a line at the start of one still holding at the end. Pure; tested in Node.
 */
import { faultName, faultSpans, shortFaultName, type FaultRecord } from './faultSpans';

/**
 * `label`: type and target in words; `shortLabel` (type in a word, target) and `tinyLabel` (type in a word): the
 * shorter forms a crowded chart shows instead, the label then in a hover title. Where each label goes on the plot
 * is decided in pixels (src/ui/dock/faultLabelLayout.ts).
 */
interface MarkLabels { key: string; label: string; shortLabel: string; tinyLabel: string; type: string; target: string }
export type FaultMark = ({ kind: 'area'; x1: number; x2: number } | { kind: 'line'; x: number }) & MarkLabels;

const startOf = (m: FaultMark): number => (m.kind === 'area' ? m.x1 : m.x);

/**
 * Marks for the faults that overlap the chart's domain [fromS, toS] (seconds), clipped to it.
 * Faults of one type on one target that overlap are one mark (the engine treats them as one, see faultSpans).
 */
export function faultMarks(faults: readonly FaultRecord[], fromS: number, toS: number): FaultMark[] {
  if (!(toS >= fromS)) return [];
  const marks: FaultMark[] = [];
  const keys = new Map<string, number>();
  for (const s of faultSpans(faults)) {
    const start = s.atMs / 1000;
    const end = s.endMs === null ? null : s.endMs / 1000;
    const label = `${faultName(s.type)} ${s.target}`;
    const tinyLabel = shortFaultName(s.type);
    const shortLabel = `${tinyLabel} ${s.target}`;
    if (start > toS || (end !== null && end < fromS)) continue;
    // Two spans may share a start (a crash restarted at once, crashed again live at that instant): keys stay apart.
    const base = `${s.type}:${s.target}:${s.atMs}`;
    const seen = keys.get(base) ?? 0;
    keys.set(base, seen + 1);
    const key = seen === 0 ? base : `${base}:${seen}`;
    const of = { key, label, shortLabel, tinyLabel, type: s.type, target: s.target };
    if (end === null) {
      if (start >= fromS) marks.push({ kind: 'line', x: start, ...of });
      else marks.push({ kind: 'area', x1: fromS, x2: toS, ...of });
      continue;
    }
    const x1 = Math.max(fromS, start);
    const x2 = Math.min(toS, end);
    marks.push(x2 > x1 ? { kind: 'area', x1, x2, ...of } : { kind: 'line', x: x1, ...of });
  }
  return joinLabelsAtSameStart(marks);
}

/** Marks over a chart's rows, from its first sample's time to its last; none without faults or rows. */
export function faultMarksOver(faults: readonly FaultRecord[] | undefined, rows: readonly { t: number }[]): FaultMark[] {
  return faults && rows.length > 0 ? faultMarks(faults, rows[0]!.t, rows.at(-1)!.t) : [];
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
    const first = group[0] === m;
    const joined = (form: 'label' | 'shortLabel') => (first ? group.map((g) => g[form]).join(' · ') : '');
    return { ...m, label: joined('label'), shortLabel: joined('shortLabel'), tinyLabel: first ? tinyOfGroup(group) : '' };
  });
}

/** The types of faults that start together in a word each, in the label's order, a repeated type once with its count: "slow ×2 · crash". */
function tinyOfGroup(group: readonly FaultMark[]): string {
  const counts = new Map<string, number>();
  for (const g of group) counts.set(g.tinyLabel, (counts.get(g.tinyLabel) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(' · ');
}
