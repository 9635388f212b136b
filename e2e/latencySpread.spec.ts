import { expect, test, type Page } from '@playwright/test';
import { expectRoundTimeTicks, node, openExample, runToEndShowingCharts } from './helpers';

/**
 * Latency spreading upstream: the sync-vs-async example run past its slow-down, then the Charts tab's
 * latency chart for selected nodes: the client's own percentiles, then the client beside async-a.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;
const latencyChart = (page: Page) => page.getByTestId('chart-latency');

/** Line paths recharts drew (a flat line has a zero-height box, so count paths rather than test visibility). */
const curves = (page: Page): Promise<number> =>
  latencyChart(page).locator('path.recharts-line-curve').evaluateAll((els) => els.filter((el) => (el.getAttribute('d') ?? '').includes('L')).length);

const legend = (page: Page) => latencyChart(page).locator('.recharts-legend-item-text');

test('the latency chart draws the selected nodes\' own latency: the client\'s climbs through the slow-down', async ({ page }) => {
  await openExample(page, 'Synchronous calls against asynchronous messaging');
  await expect(node(page, 'async-a')).toBeVisible();

  // At max speed to the end: the slow-down of sync-c and async-c runs from 20 s to 35 s of 60.
  await runToEndShowingCharts(page);
  await expect(latencyChart(page)).toContainText('End-to-end latency');

  // One node: its p50, p95 and p99, named as a requester means them.
  await node(page, 'client').click();
  await expect(latencyChart(page).locator('figcaption')).toContainText('Latency, selected nodes');
  await expect(legend(page)).toHaveText(['client p50 round trip', 'client p95 round trip', 'client p99 round trip']);
  await expect.poll(() => curves(page)).toBe(3);
  await expect.poll(async () => Number(await latencyChart(page).getAttribute('data-fault-marks'))).toBeGreaterThan(0);

  // Two nodes: the p95 of each, labelled with its id.
  await node(page, 'async-a').click({ modifiers: ['Shift'] });
  await expect(latencyChart(page).locator('figcaption')).toContainText('Latency, selected nodes (p95)');
  // (recharts' legend sorts its items by name)
  await expect.poll(async () => (await legend(page).allTextContents()).sort()).toEqual(['async-a', 'client']);
  await expect.poll(() => curves(page)).toBe(2);
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('latency-spread-client-async-a') });
  await latencyChart(page).screenshot({ path: shot('latency-spread-chart') });

  // Nothing selected: the system's end to end again.
  await page.keyboard.press('Escape');
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await expect(latencyChart(page).locator('figcaption')).toContainText('End-to-end latency');
});

test('sparse latency readings still show: a reading with no neighbours gets a dot', async ({ page }) => {
  // SNS fan-out: its producers stop one by one, until a latency reading comes only every other interval.
  await openExample(page, 'SNS fan-out');
  await runToEndShowingCharts(page);
  // A line through such a reading draws nothing; each is a dot of its line's colour.
  const dots = latencyChart(page).locator('circle.chart-isolated-point');
  await expect.poll(() => dots.count()).toBeGreaterThan(10);
  await latencyChart(page).screenshot({ path: shot('latency-sparse-dots') });
});

test('every value-axis tick is labelled, evenly spaced: a short plot does not drop one and read as a log scale', async ({ page }) => {
  await openExample(page, 'Scatter-gather: an auction');
  await runToEndShowingCharts(page);
  for (const id of ['chart-throughput', 'chart-latency', 'chart-queue-depth']) {
    const labels = page.getByTestId(id).locator('text.recharts-cartesian-axis-tick-value[orientation="left"]');
    await expect.poll(() => labels.count()).toBeGreaterThan(2);
    const values = (await labels.allTextContents()).map((t) => Number(t.replace('k', 'e3')));
    const steps = values.slice(1).map((v, i) => v - values[i]!);
    expect(new Set(steps).size, `${id}: ${values.join(', ')}`).toBe(1);
    await expectRoundTimeTicks(page.getByTestId(id)); // and the time axis on round times over the whole run
  }
});
