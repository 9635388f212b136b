import type { Hop } from '../api';

/**
 * A message's trail when tracing (for the message inspector): its hops as flat numbers, three each: the node's index,
 * the time, and the event's code (≥ 0: in the run's HopEvents; < 0: the message's own text, `texts[-code - 1]`). Not
 * a `{ node, atMs, event }` object per hop: the browser always traces, and an object (with its time boxed) per hop per
 * message was half of what tracing cost (mm1-200 ran 3 times slower traced; docs/PERFORMANCE.md, "Fourth round").
 * messageView turns it into Hops.
 */
export class Trail {
  readonly hops: number[];
  /** Event texts that name this message alone (e.g. 'late for 1234: discarded'): numbered run-wide, there would be one per message. */
  texts: string[] | null;

  constructor(hops: number[], texts: string[] | null = null) {
    this.hops = hops;
    this.texts = texts;
  }

  copy(): Trail { return new Trail([...this.hops], this.texts ? [...this.texts] : null); }
}

const HOP_FIELDS = 3;
/** Hops kept per message: the newest. */
const MAX_HOPS = 32;

/** The run's hop events (e.g. 'enqueued', 'dead-lettered (expired)'), each numbered once. */
export class HopEvents {
  private readonly codes = new Map<string, number>();
  private readonly texts: string[] = [];

  code(event: string): number {
    let code = this.codes.get(event);
    if (code === undefined) { code = this.texts.length; this.texts.push(event); this.codes.set(event, code); }
    return code;
  }

  text(code: number): string { return this.texts[code]!; }
}

/** What addHop needs of the simulation: its clock and its hop events. */
export interface TrailContext {
  now(): number;
  readonly hopEvents: HopEvents;
}

/** A new message's trail, its first hop `event` at node `node` now (none when `event` is null). */
export function startTrail(node: number, ctx: TrailContext, event: string | null): Trail {
  return new Trail(event === null ? [] : [node, ctx.now(), ctx.hopEvents.code(event)]);
}

/**
 * Appends a hop to the message's trail (when tracing made it one), keeping the newest MAX_HOPS. It takes the context,
 * not the time: a time passed to a call that is not inlined is a new heap number per call, and this runs several times
 * per message whether or not anything is traced.
 */
export function addHop(m: { trail: Trail | null }, node: number, ctx: TrailContext, event: string): void {
  const trail = m.trail;
  if (trail === null) return;
  push(trail, node, ctx.now(), ctx.hopEvents.code(event));
}

/** addHop with a text that names this message alone (an id, a group key): kept on the message, not numbered run-wide. */
export function addHopNote(m: { trail: Trail | null }, node: number, ctx: TrailContext, text: string): void {
  const trail = m.trail;
  if (trail === null) return;
  const texts = trail.texts ?? (trail.texts = []);
  texts.push(text);
  push(trail, node, ctx.now(), -texts.length);
}

function push(trail: Trail, node: number, atMs: number, code: number): void {
  const hops = trail.hops;
  hops.push(node, atMs, code);
  if (hops.length > MAX_HOPS * HOP_FIELDS) hops.splice(0, hops.length - MAX_HOPS * HOP_FIELDS);
}

/** The hops of `trail`, oldest first, with node ids and event texts. */
export function trailView(trail: Trail | null, nodeIds: readonly string[], events: HopEvents): Hop[] {
  const hops: Hop[] = [];
  if (trail === null) return hops;
  const h = trail.hops;
  for (let i = 0; i < h.length; i += HOP_FIELDS) {
    const code = h[i + 2]!;
    hops.push({ node: nodeIds[h[i]!]!, atMs: h[i + 1]!, event: code >= 0 ? events.text(code) : trail.texts![-code - 1]! });
  }
  return hops;
}
