import { expect, test, type Page } from '@playwright/test';
import { clockSeconds, node, openApp, shareLink } from './helpers';

/**
 * Overlapping faults of one type on one target add up (docs/scenario-format.md, Faults): a short crash inside a long
 * one does not bring the node back early; Restart (a heal of the crash) ends them all at once.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;
const inspector = (page: Page) => page.getByTestId('inspector');

const nested = {
  version: 3, name: 'Nested crashes', seed: 3, durationMs: 40_000,
  nodes: [
    { id: 'p1', kind: 'producer', position: { x: 0, y: 80 }, config: { arrival: { type: 'constant', ratePerSec: 20 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 80 } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 80 }, config: { serviceTimeMs: { type: 'constant', value: 10 } } },
  ],
  edges: [
    { id: 'p1-q1', source: 'p1', target: 'q1', config: { delayMs: 0 } },
    { id: 'q1-c1', source: 'q1', target: 'c1', config: { delayMs: 0 } },
  ],
  // q1 down from 2 s to 12 s, with a 1 s crash inside (the old rule restarted it at 5 s).
  faults: [
    { type: 'crash', target: 'q1', atMs: 2000, durationMs: 10_000 },
    { type: 'crash', target: 'q1', atMs: 4000, durationMs: 1000 },
  ],
};

test('a short crash inside a long one keeps the node down; the audit shows one span; Restart brings it back at once', async ({ page }) => {
  await openApp(page, shareLink(nested));
  await expect(node(page, 'q1')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect.poll(() => clockSeconds(page), { timeout: 20_000 }).toBeGreaterThan(6);
  await page.getByTestId('run-play').click(); // pause, after the short crash ended and before the long one does
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  expect(await clockSeconds(page)).toBeLessThan(12);
  await expect(node(page, 'q1').getByTestId('stat-down')).toBeVisible();

  // The audit's fault list draws the union: one crash of q1 from 2 s for 10 s.
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-faults').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('audit-faults')).toContainText('crash q1 for 10 s');
  await page.screenshot({ path: shot('faults-overlap-audit') });

  // The charts mark it as one span too.
  await page.getByTestId('dock-tab-charts').click();
  const chart = page.getByTestId('chart-throughput');
  await expect.poll(async () => Number(await chart.getAttribute('data-fault-marks'))).toBe(1);
  await page.screenshot({ path: shot('faults-overlap-chart') });

  // Crash the consumer live, until restarted; then Restart it from its context menu.
  await node(page, 'c1').click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-crashOpen').click();
  await expect(node(page, 'c1').getByTestId('stat-down')).toBeVisible();
  await node(page, 'c1').click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Restart']);
  await menu.getByTestId('fault-action-restart').click();
  await expect(node(page, 'c1').getByTestId('stat-down')).toHaveCount(0); // back up at once, the run still paused
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  // The Restart of q1 too, from its inspector: every crash of it ends at once, the 10 s one included.
  await node(page, 'q1').click();
  await inspector(page).getByTestId('fault-button-restart').click();
  await expect(node(page, 'q1').getByTestId('stat-down')).toHaveCount(0);

  // Recorded as heals of the crash in the timeline; the Log says restart.
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const rows = inspector(page).getByTestId('fault-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(3)).toHaveAttribute('data-type', 'heal');
  await expect(rows.nth(3)).toHaveAttribute('data-target', 'c1');
  await expect(rows.nth(3).getByLabel('Fault 4 heals')).toHaveValue('crash');
  await expect(rows.nth(4)).toHaveAttribute('data-target', 'q1');
  await inspector(page).getByTestId('fault-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('faults-restart-timeline') });
  await page.getByTestId('dock-tab-log').click();
  await expect(page.getByTestId('dock')).toContainText('Fault: restart c1');
  await expect(page.getByTestId('dock')).toContainText('Fault: restart q1');

  // The audit: q1's crash ends at the restart; c1's, crashed and restarted at one paused instant, lasted 0 s.
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-faults').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('audit-faults')).not.toContainText('for 10 s');
  await expect(page.getByTestId('audit-faults').locator('li').filter({ hasText: 'c1' })).toContainText('crash c1 for 0 s (restarted at once)');
  await page.screenshot({ path: shot('faults-restart-audit') });

  // Run on: q1 stays up after 12 s (the healed crash's end changes nothing) and nothing is down at the end.
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await expect(node(page, 'q1').getByTestId('stat-down')).toHaveCount(0);
  await expect(node(page, 'c1').getByTestId('stat-down')).toHaveCount(0);
});
