/**
 * Where every edge label on the canvas goes, together: each edge proposes its places best first (labelPlacement.ts
 * labelCandidates) and each label takes the first of its own not over a label already laid out. Alone, two labels
 * chose the same gap between two rows (pub-sub's fanout to billing, under the one to audit; request-reply's replies
 * looping below the nodes) and one hid the other. Pure; flow coordinates.
 */
import type { LabelCandidate } from './labelPlacement';

export interface LabelRequest { id: string; candidates: readonly LabelCandidate[] }

/** Room kept between two labels, over the error of their estimated sizes (labelSize). */
const APART = 4;

function apart(a: LabelCandidate, b: LabelCandidate): boolean {
  return Math.abs(a.x - b.x) >= (a.w + b.w) / 2 + APART || Math.abs(a.y - b.y) >= (a.h + b.h) / 2 + APART;
}

/** How many places a label has in full size clear of the nodes: the fewest go first, to keep their few. */
const choices = (r: LabelRequest): number => r.candidates.filter((c) => c.scale === 1 && c.fit !== 'crowded').length;

/**
 * A place for each label, none over another where its candidates allow it (else its best: the candidates ran out).
 * The labels with the fewest places are laid out first; equal ones in id order, so the same canvas lays out the same.
 */
export function layoutLabels(requests: readonly LabelRequest[]): Map<string, LabelCandidate> {
  const order = [...requests].filter((r) => r.candidates.length > 0)
    .sort((a, b) => choices(a) - choices(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: LabelCandidate[] = [];
  const out = new Map<string, LabelCandidate>();
  for (const r of order) {
    const spot = r.candidates.find((c) => placed.every((p) => apart(c, p))) ?? r.candidates[0]!;
    placed.push(spot);
    out.set(r.id, spot);
  }
  return out;
}
