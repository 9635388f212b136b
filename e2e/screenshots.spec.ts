import { expect, test } from '@playwright/test';
import { node, openApp } from './helpers';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

/** A running topology: live figures on the nodes and message tokens on the edges. */
test('screenshot: a running topology', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
  await expect(node(page, 'jobs')).toBeVisible();
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('edge-tokens').first()).toBeAttached({ timeout: 15_000 });
  await expect(node(page, 'worker-a').locator('.bl-stat-value').nth(1)).not.toHaveText('–');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'e2e-artifacts/running.png' });
  const tokens = await page.locator('.bl-token').count();
  expect(tokens).toBeGreaterThan(0);
  expect(tokens).toBeLessThanOrEqual(3 * 6);
});
