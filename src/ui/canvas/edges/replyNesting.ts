/**
 * Replies looping back to one requester (Scatter-Gather, publish with several responders, A4) would all
 * put their loop's far point, and their label, at the same place. They nest instead: a reply from higher up
 * loops outside those from below it when going below the nodes, and inside them when going above, so the
 * loops do not cross near their sources and the labels stack apart. Pure, plus the hook that reads the flow.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';

export interface ReplyLoop { id: string; source: string; target: string }

/** How many other looping replies to the same target start lower (below) and higher (above) than `me`. */
export interface Nesting { below: number; above: number }

/** `y`: each node's top; `loops`: the reply edges going back (target left of source), `me` among them. */
export function replyNesting(loops: readonly ReplyLoop[], y: (node: string) => number | undefined, me: ReplyLoop): Nesting {
  const mine = y(me.source);
  const out = { below: 0, above: 0 };
  if (mine === undefined) return out;
  for (const l of loops) {
    if (l.id === me.id || l.target !== me.target) continue;
    const theirs = y(l.source);
    if (theirs === undefined) continue;
    // Ties by id, so two sources at one height still nest rather than overlap.
    if (theirs > mine || (theirs === mine && l.id > me.id)) out.below++;
    else out.above++;
  }
  return out;
}

function isBackReply(s: ReactFlowState, e: ReactFlowState['edges'][number]): boolean {
  const tone = (e.data as { label?: { tone?: string } } | undefined)?.label?.tone;
  if (tone !== 'reply') return false;
  const from = s.nodeLookup.get(e.source);
  const to = s.nodeLookup.get(e.target);
  return !!from && !!to && to.internals.positionAbsolute.x < from.internals.positionAbsolute.x;
}

/** This looping reply's nesting among the others to its target; zero when it does not loop (`loops` false). */
export function useReplyNesting(me: ReplyLoop, loops: boolean): Nesting {
  const key = useStore((s) => {
    if (!loops) return '0,0';
    const others = s.edges.filter((e) => e.target === me.target && isBackReply(s, e));
    const n = replyNesting(others, (id) => s.nodeLookup.get(id)?.internals.positionAbsolute.y, me);
    return `${n.below},${n.above}`;
  });
  const [below, above] = key.split(',').map(Number);
  return { below: below ?? 0, above: above ?? 0 };
}
