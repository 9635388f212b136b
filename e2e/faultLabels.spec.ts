import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { boxesOverlap, openApp, runToEndShowingCharts, type Box } from './helpers';

/**
 * Fault labels on the dock's charts: faults a few seconds apart (a partition, a crash, poison messages, one at the
 * very end of the run) never print their labels over each other, and no label runs past the plot's right edge.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

/** The network-partition example with a crash and three poison messages close to its partition, the last at its end. */
function crowdedScenario(): string {
  const scenario = JSON.parse(readFileSync('examples/network-partition.json', 'utf8')) as { faults: object[] };
  scenario.faults.push(
    { atMs: 21_000, target: 'dashboard', type: 'crash', durationMs: 2000 },
    { atMs: 22_000, target: 'sensors', type: 'poison', count: 1 },
    { atMs: 23_500, target: 'sensors', type: 'poison', count: 1 },
    { atMs: 39_500, target: 'sensors', type: 'poison', count: 1 },
  );
  return `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

const boxOf = (el: Element): Box => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };

async function checkLabels(page: Page, chartId: string) {
  const chart = page.getByTestId(chartId);
  await expect.poll(async () => Number(await chart.getAttribute('data-fault-marks'))).toBeGreaterThanOrEqual(6);
  // The plot: the grid's box (the area between the axes).
  const plot = await chart.locator('.recharts-cartesian-grid').evaluate(boxOf);
  const labels = await chart.locator('text.fault-mark-label').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.childNodes[0]?.textContent ?? '', full: el.getAttribute('data-label') ?? '' };
  }));
  const dots = await chart.locator('.fault-mark-dot').count();
  expect(labels.length + dots, 'every mark has a label or a dot with its title').toBeGreaterThanOrEqual(6);
  expect(labels.length, 'most labels have room').toBeGreaterThanOrEqual(4);
  for (const l of labels) {
    expect(l.x, l.text).toBeGreaterThanOrEqual(plot.x - 1);
    expect(l.x + l.width, `${l.text} ends inside the plot`).toBeLessThanOrEqual(plot.x + plot.width + 1);
    expect(l.full.length).toBeGreaterThanOrEqual(l.text.length);
  }
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) expect(boxesOverlap(labels[i]!, labels[j]!), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(false);
  }
  // A poison message's label is whole or one of its short forms, never cut mid-word ("poison m").
  for (const t of labels.map((l) => l.text).filter((text) => text.startsWith('poison'))) expect(t).toMatch(/^poison( message)?( sensors)?$/);
}

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`fault labels at ${size.width}×${size.height}: faults seconds apart never overlap or leave the plot`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page, crowdedScenario());
    await runToEndShowingCharts(page);
    for (const id of ['chart-throughput', 'chart-latency', 'chart-queue-depth']) await checkLabels(page, id);
    await page.getByTestId('charts-panel').screenshot({ path: shot(`fault-labels-${size.width}`) });
  });
}
