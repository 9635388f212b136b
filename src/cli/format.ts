/** Number and column formatting for the text summary. */

export function formatNumber(n: number, decimals = 3): string {
  if (!Number.isFinite(n)) return '–';
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

export type Align = 'left' | 'right';

/** Lays rows out in columns, each as wide as its widest cell; the first row is the header. */
export function columns(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, [...cell].length); });
  return rows.map((row) => indent + row.map((cell, i) => {
    const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
    return align[i] === 'left' ? cell + pad : pad + cell;
  }).join('  ').trimEnd());
}
