/**
 * Seeded randomness. Every node and purpose gets its own stream, seeded from
 * hash(scenario seed, node id, purpose), so adding a node never changes another node's draws.
 * Generator: sfc32 (Small Fast Chaotic, 128-bit state), seeded through splitmix32.
 */
export interface Random {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Sfc32 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const st = { s: seed | 0 };
    this.a = splitmix32(st); this.b = splitmix32(st); this.c = splitmix32(st); this.d = splitmix32(st);
    for (let i = 0; i < 12; i++) this.next(); // let the state mix before the first draw
  }

  next(): number {
    const a = this.a, b = this.b, c = this.c, d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const rc = (c << 21) | (c >>> 11);
    this.c = (rc + t) | 0;
    return (t >>> 0) / 4294967296;
  }
}

/** The stream for one node and one purpose (e.g. "arrival", "service", "routingKey"). */
export function streamFor(seed: number, nodeId: string, purpose: string): Random {
  const st = { s: (seed ^ hashString(nodeId)) | 0 };
  const mixed = splitmix32(st) ^ hashString(purpose);
  return new Sfc32(mixed);
}
