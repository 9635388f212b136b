import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A running topology: live figures on the nodes and message tokens on the edges. */
test('screenshot: a running topology', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
  await expect(node(page, 'jobs')).toBeVisible();
  await page.getByTestId('run-play').click();
  // Tokens are drawn in one canvas (TokenLayer); data-count is how many are on screen.
  const layer = page.getByTestId('edge-tokens');
  await expect(layer).toBeAttached({ timeout: 15_000 });
  await expect.poll(async () => Number(await layer.getAttribute('data-count')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(node(page, 'worker-a').locator('.bl-stat-value').nth(1)).not.toHaveText('–');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'e2e-artifacts/running.png' });
  const tokens = Number(await layer.getAttribute('data-count'));
  expect(tokens).toBeGreaterThan(0);
  expect(tokens).toBeLessThanOrEqual(3 * 6);
});
