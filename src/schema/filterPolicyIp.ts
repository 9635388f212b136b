/**
 * IP addresses and CIDR blocks for the SNS `cidr` filter operator (semantics.md A2.5, SNS-DOC:string-value-matching:
 * "IPv4 or IPv6 addresses"). Pure string parsing, no `net` module: the schema and engine run in the browser too.
 * An address is held as 16-bit words: 2 for IPv4, 8 for IPv6.
 */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly words: readonly number[];
}

/** A network: its address with the host bits cleared, and the number of prefix bits. */
export interface CidrBlock extends IpAddress {
  readonly bits: number;
}

const DECIMAL_OCTET = /^(?:0|[1-9][0-9]{0,2})$/; // no leading zeros: "010" could be read as octal
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const MASK_BITS = /^[0-9]{1,3}$/;

export function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!DECIMAL_OCTET.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes.push(n);
  }
  return [bytes[0]! * 256 + bytes[1]!, bytes[2]! * 256 + bytes[3]!];
}

/** Colon-separated hex groups; the last one may be a dotted IPv4 address when `v4Tail` allows it. */
function parseGroups(text: string, v4Tail: boolean): number[] | null {
  if (text === '') return [];
  const groups = text.split(':');
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (v4Tail && i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (!v4) return null;
      words.push(...v4);
    } else if (HEX_GROUP.test(group)) {
      words.push(parseInt(group, 16));
    } else {
      return null;
    }
  }
  return words;
}

/** RFC 4291 text forms: eight groups, or fewer with one `::`, optionally ending in dotted IPv4. No zone ids. */
export function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  if (halves.length === 1) {
    const words = parseGroups(text, true);
    return words && words.length === 8 ? words : null;
  }
  const head = parseGroups(halves[0]!, false);
  const tail = parseGroups(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return null; // "::" stands for at least one group
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

export function parseIp(text: string): IpAddress | null {
  if (text.includes(':')) {
    const words = parseIpv6(text);
    return words ? { family: 6, words } : null;
  }
  const words = parseIpv4(text);
  return words ? { family: 4, words } : null;
}

/** The mask of word `i` (16 bits each) for a prefix of `bits` bits. */
function wordMask(bits: number, i: number): number {
  const keep = Math.min(16, Math.max(0, bits - 16 * i));
  return keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
}

/** Keeps the top `bits` bits of an address. */
export function maskWords(words: readonly number[], bits: number): number[] {
  return words.map((word, i) => word & wordMask(bits, i));
}

/** Parses "10.0.0.0/24" or "2001:db8::/32"; returns the block or an error sentence. Host bits are cleared. */
export function parseCidr(text: string): CidrBlock | string {
  const parts = text.split('/');
  if (parts.length !== 2) return "Malformed CIDR, one '/' required";
  const [ipText, maskText] = parts as [string, string];
  if (!MASK_BITS.test(maskText)) return 'Malformed CIDR, mask bits must be an integer';
  const ip = parseIp(ipText);
  if (!ip) return `Nonstandard IP address: ${ipText}`;
  const bits = Number(maskText);
  const max = ip.family === 4 ? 32 : 128;
  if (bits > max) return `Malformed CIDR, mask bits must be at most ${max} for IPv${ip.family}`;
  return { family: ip.family, words: maskWords(ip.words, bits), bits };
}

/** Is the address inside the block? Families never mix: an IPv4 address is not in an IPv6 block. */
export function cidrContains(block: CidrBlock, ip: IpAddress): boolean {
  if (ip.family !== block.family) return false;
  for (let i = 0; i < block.words.length; i++) {
    if ((ip.words[i]! & wordMask(block.bits, i)) !== block.words[i]) return false;
  }
  return true;
}
