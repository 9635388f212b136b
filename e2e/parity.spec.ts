import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import lzString from 'lz-string';

/**
 * The browser (worker, paced at "max", run in chunks) and the CLI (one runUntil) must produce the
 * same report for the same scenario and seed: the engine is deterministic and chunking must not matter.
 */
const CASES = [
  { file: 'examples/competing-consumers.json', seed: 7 },
  { file: 'examples/order-pipeline.json', seed: 3 },
];

interface CliReport {
  seed: number;
  events: number;
  simulatedSeconds: number;
  messages: Record<string, number | Record<string, number>>;
  latencyMs: Record<string, number | null>;
  nodes: Record<string, Record<string, unknown>>;
}

function cliReport(file: string, seed: number): CliReport {
  const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', file, '--seed', String(seed), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as CliReport;
}

/** The CLI's node report flattened the way the Summary's node table flattens it. */
function flatten(node: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node)) {
    if (v !== null && typeof v === 'object') for (const [sub, x] of Object.entries(v)) out[`${k}.${sub}`] = jsonValue(x);
    else out[k] = jsonValue(v);
  }
  return out;
}
/** JSON has no NaN: the CLI writes null where the page shows NaN. */
const jsonValue = (v: unknown): string => (v === null ? 'NaN' : String(v));

/** Every Summary number by its data-testid, read in one go. */
async function summaryValues(page: Page): Promise<Map<string, string>> {
  const pairs = await page.getByTestId('summary').locator('[data-testid][data-value]')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-testid') ?? '', el.getAttribute('data-value') ?? ''] as const));
  return new Map(pairs);
}

/**
 * Each node's place in the Nodes tables: its kind (the table its row is in) and the fields its kind's table
 * leaves out as 0 on every row (named under the table).
 */
async function nodeGroups(page: Page): Promise<Map<string, { kind: string; zero: string[] }>> {
  const rows = await page.getByTestId('summary-nodes').locator('[data-kind]').evaluateAll((groups) => groups.flatMap((g) => {
    const zero = (g.querySelector('[data-fields]')?.getAttribute('data-fields') ?? '').split(' ').filter(Boolean);
    return [...g.querySelectorAll('tr[data-node-id]')].map((tr) => [tr.getAttribute('data-node-id') ?? '', { kind: g.getAttribute('data-kind') ?? '', zero }] as const);
  }));
  return new Map(rows);
}

for (const { file, seed } of CASES) {
  test(`browser at max equals the CLI: ${file} seed ${seed}`, async ({ page }) => {
    test.setTimeout(120_000);
    const scenario = JSON.parse(readFileSync(file, 'utf8')) as { durationMs: number };
    const expected = cliReport(file, seed);

    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`);
    await expect(page.getByTestId('canvas')).toBeVisible();

    const seedField = page.getByTestId('run-seed');
    await seedField.fill(String(seed));
    await seedField.press('Enter');
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-play').click();
    await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 90_000 });
    await page.getByTestId('dock-tab-summary').click();
    await expect(page.getByTestId('summary-time')).toHaveAttribute('data-value', String(scenario.durationMs));

    const shown = await summaryValues(page);
    const value = (testId: string) => shown.get(testId) ?? `(no ${testId})`;
    expect(Number(value('summary-seed'))).toBe(seed);
    expect(Number(value('summary-events'))).toBe(expected.events);
    for (const [key, v] of Object.entries(expected.messages)) {
      if (typeof v === 'number') expect(Number(value(`summary-${key}`)), key).toBe(v);
      else for (const [reason, n] of Object.entries(v)) expect(Number(value(`summary-dropped-${reason}`)), reason).toBe(n);
    }
    for (const [key, v] of Object.entries(expected.latencyMs)) expect(value(`summary-latency-${key}`), `latency ${key}`).toBe(jsonValue(v));
    // Every figure is in its kind's table, or named under it as 0 on every row (NaN: a latency with no samples).
    const groups = await nodeGroups(page);
    for (const [id, report] of Object.entries(expected.nodes)) {
      const group = groups.get(id);
      expect(group?.kind, `${id}.kind`).toBe(report.kind);
      for (const [field, v] of Object.entries(flatten(report))) {
        if (field === 'kind') continue;
        if (shown.has(`summary-node-${id}-${field}`)) expect(value(`summary-node-${id}-${field}`), `${id}.${field}`).toBe(v);
        else expect({ field, v, listed: group?.zero.includes(field) }, id).toEqual({ field, v: v === 'NaN' || v === '' ? v : '0', listed: true });
      }
    }
    // Readable: no column in a kind's table is empty or 0 on every row (the one table of every field had dozens).
    const emptyColumns = await page.getByTestId('summary-nodes').locator('table').evaluateAll((tables) => tables.flatMap((t) => {
      const headers = [...t.querySelectorAll('thead th')].slice(1);
      return headers.filter((_, i) => [...t.querySelectorAll('tbody tr')].every((tr) =>
        ['', '0', 'NaN'].includes(tr.querySelectorAll('td')[i]?.getAttribute('data-value') ?? ''))).map((h) => h.getAttribute('data-testid'));
    }));
    expect(emptyColumns).toEqual([]);
    await expect(page.getByTestId('summary-balance')).toHaveAttribute('data-ok', 'true');
    await page.screenshot({ path: `e2e-artifacts/parity-${file.split('/').pop()?.replace('.json', '')}.png` });
  });
}
