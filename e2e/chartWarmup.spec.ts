import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp, shareLink } from './helpers';

const example = (name: string) => JSON.parse(readFileSync(`examples/${name}.json`, 'utf8')) as object;

/**
 * A scenario with a warm-up counts no latency before it (workload.warmupMs): mm1's first 10 s. The latency chart says
 * so in its caption and shades the stretch, where it used to stay empty, with no word why, while the other charts ran.
 */
test('the latency chart shades and names the warm-up, where no latency is counted', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, shareLink(example('mm1')));
  const latency = page.getByTestId('chart-latency');
  await expect(latency.getByTestId('chart-latency-warmup')).toHaveText('· counted after a 10s warm-up');
  await page.getByTestId('run-play').click();
  await expect.poll(async () => Number(await latency.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(4);
  const area = latency.locator('.chart-warmup');
  await expect(area).toBeVisible();
  await expect(latency.getByText('warm-up: not counted')).toBeVisible();
  // The area covers the plot from its first sample: at least most of the plot's width while the clock is under 10 s.
  const plot = await latency.locator('.recharts-cartesian-grid').boundingBox();
  const shade = await area.boundingBox();
  expect(shade!.x).toBeLessThanOrEqual(plot!.x + 2);
  expect(shade!.width).toBeGreaterThan(plot!.width * 0.5);
  await page.screenshot({ path: 'e2e-artifacts/chart-warmup.png' });
  // The other charts have no warm-up to show.
  await expect(page.getByTestId('chart-throughput').locator('.chart-warmup')).toHaveCount(0);
});

test('a scenario without a warm-up shows none', async ({ page }) => {
  await openApp(page, shareLink(example('competing-consumers')));
  await page.getByTestId('run-play').click();
  const latency = page.getByTestId('chart-latency');
  await expect.poll(async () => Number(await latency.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(2);
  await expect(latency.getByTestId('chart-latency-warmup')).toHaveCount(0);
  await expect(latency.locator('.chart-warmup')).toHaveCount(0);
});
