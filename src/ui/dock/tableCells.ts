/**
 * Numbers and headers of the Summary's node and pattern tables, short enough that a kind's twenty columns fit a
 * 1280-pixel screen without a sideways scroll bar: a cell shows a few significant figures (its exact value in its
 * title and data-value), a header its figure's name in short words that wrap onto two lines (the whole name in its
 * title). Pure; tested in Node.
 */
import { formatNumber } from './summaryModel';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A cell's number in at most six characters: 12,345 · 123k · 1.2M · 1,185 · 43.7 · 0.63; '—' for none. */
export function formatCell(v: number): string {
  if (Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a >= 10_000_000) return `${Math.round(v / 1_000_000)}M`;
  if (a >= 1_000_000) return `${(v / 1_000_000).toFixed(1)}M`;
  if (a >= 100_000) return `${Math.round(v / 1000)}k`;
  if (Number.isInteger(v) || a >= 100) return grouped.format(v);
  return a >= 10 ? String(Number(v.toFixed(1))) : String(Number(v.toFixed(2)));
}

/** The title of a cell whose number is shown rounded: its exact value; undefined when shown whole. */
export function cellTitle(v: number): string | undefined {
  const exact = formatNumber(v);
  return formatCell(v) === exact ? undefined : exact;
}

/** Words of figure names that make a column wider than its numbers, and their short forms. */
const SHORT_WORDS: Readonly<Record<string, string>> = {
  latency: 'lat.', unconfirmed: 'unconf.', consumers: 'cons.', available: 'avail.', delivery: 'deliv.', confirmed: 'conf.', publishes: 'pub.',
  discarded: 'discard.', duplicates: 'dupl.', answered: 'answ.', unmatched: 'unmatch.', alternate: 'altern.',
  strategy: 'strat.', rejected: 'rej.', replication: 'replic.',
};

/** A latency figure's header: "wait p95 (ms)". Its unit goes to the title, as every latency column is in ms. */
const LATENCY_HEADER = /^(.*\b(?:mean|p50|p95|p99|max)) \(ms\)$/;

/**
 * A column's header in short words: "latency p99 (ms)" → "lat. p99", "rejected publishes" → "rej. pub.". The title
 * keeps the whole name. Words this table does not know stay as they are, and so does any other unit ("down (ms)").
 */
export function shortHeader(label: string): string {
  const words = label.replace(LATENCY_HEADER, '$1').split(/\s+/);
  return words.map((w) => SHORT_WORDS[w] ?? w).join(' ');
}
