import { expect, test, type Page } from '@playwright/test';
import { node, openApp } from './helpers';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const value = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

/**
 * The audit remembers every message id, so the worker stops it at a memory limit (20 M ids); `?auditIdLimit=` sets a
 * small one so that a short run reaches it. The Audit tab then says when it stopped, and its figures stay as of then.
 */
test('an audit that reaches its memory limit says when it stopped, and its figures stay as of then', async ({ page }) => {
  await openApp(page, '/?auditIdLimit=2000');
  await page.getByTestId('open-file').setInputFiles(fixture('audit-limit.json'));
  await expect(node(page, 'jobs')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });

  await page.getByTestId('dock-tab-audit').click();
  const notice = page.getByTestId('audit-stopped');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('stopped following messages at');
  const stoppedAtMs = Number(await notice.getAttribute('data-value'));
  expect(stoppedAtMs).toBeGreaterThan(0);
  expect(stoppedAtMs).toBeLessThan(120_000);
  const auditProduced = await value(page, 'audit-produced');
  const processed = (await value(page, 'audit-worker-a-processed')) + (await value(page, 'audit-worker-b-processed'));
  expect(processed).toBeGreaterThan(0);
  expect(processed).toBeLessThanOrEqual(auditProduced);
  await page.screenshot({ path: 'e2e-artifacts/audit-stopped.png' });

  // The run itself went on to the end: the Summary counts every message.
  await page.getByTestId('dock-tab-summary').click();
  const produced = await value(page, 'summary-produced');
  expect(produced).toBeGreaterThan(50_000);
  expect(auditProduced).toBeLessThan(produced / 2);
  await expect(page.getByTestId('summary-balance')).toHaveAttribute('data-ok', 'true');
});

test('without a limit in the address, a short run keeps its whole audit', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-file').setInputFiles(fixture('audit-limit.json'));
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit')).toBeVisible();
  await expect(page.getByTestId('audit-stopped')).toHaveCount(0);
  const processed = (await value(page, 'audit-worker-a-processed')) + (await value(page, 'audit-worker-b-processed'));
  await page.getByTestId('dock-tab-summary').click();
  expect(processed).toBe(await value(page, 'summary-acked'));
});
