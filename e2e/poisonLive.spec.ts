import { expect, test, type Page } from '@playwright/test';
import { node, statValue } from './helpers';
import { deadLetterAfterTwoReturns, poisonTopology } from './poisonTopology';

/**
 * Provoking a poison message live: a producer whose workload has no poison at all, a quorum queue with a
 * delivery-limit and a dead-letter queue. "Send a poison message" (right-click, then the inspector's button)
 * publishes one now; the consumer fails it on every delivery until the delivery-limit dead-letters it
 * (semantics.md A1.10, A1.9), so the dead-letter queue's count rises. The fault lands in the timeline and the Log.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;
const inspector = (page: Page) => page.getByTestId('inspector');
/** The DLQ's ready count; before a run the node shows no figure (NaN), which reads as none. */
const dlqReady = async (page: Page, dlq: string) => { const v = await statValue(page, dlq, 'ready'); return Number.isNaN(v) ? 0 : v; };

test('send a poison message from the canvas: the dead-letter queue gets it, and the fault is recorded', async ({ page }) => {
  const { producer, queue, consumer, dlq } = await poisonTopology(page);
  await deadLetterAfterTwoReturns(page, queue, dlq);

  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect.poll(() => statValue(page, producer, 'published'), { timeout: 30_000 }).toBeGreaterThan(5);
  expect(await dlqReady(page, dlq)).toBe(0); // the workload has no poison

  // Right-click the producer: the menu offers it, with a title that says what happens.
  await node(page, producer).click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  const action = menu.getByTestId('fault-action-poison');
  await expect(action).toHaveText('Send a poison message');
  await expect(action).toHaveAttribute('title', /Every consumer fails it.*delivery-limit.*dead-letters it/);
  await page.screenshot({ path: shot('poison-live-menu') });
  await action.click();
  await expect(menu).toHaveCount(0);

  // Delivered 3 times (limit 2), then dead-lettered: the DLQ's count rises on screen.
  await expect.poll(() => dlqReady(page, dlq), { timeout: 30_000 }).toBe(1);
  await expect(node(page, consumer).getByTestId('stat-failed')).toHaveAttribute('data-value', '3');

  // The inspector's Break it button does the same.
  await node(page, producer).click();
  await inspector(page).getByTestId('fault-button-poison').click();
  await expect.poll(() => dlqReady(page, dlq), { timeout: 30_000 }).toBe(2);
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.screenshot({ path: shot('poison-live-dlq') });

  // The Log says so, and the chart marks it.
  await page.getByTestId('dock-tab-log').click();
  // As the chart names it (timelineFaults.ts describeFault): one message, no count.
  await expect(page.getByTestId('run-log').locator('li[data-kind="fault"] span')).toHaveText(Array(2).fill(`Fault: poison message ${producer}`));
  await page.getByTestId('dock-tab-charts').click();
  await expect(page.getByTestId('chart-throughput').getByRole('application')).toContainText(`poison message ${producer}`);

  // Both are in the scenario's fault timeline, live, with no duration.
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const rows = inspector(page).getByTestId('fault-row');
  await expect(rows).toHaveCount(2);
  for (const i of [0, 1]) {
    await expect(rows.nth(i)).toHaveAttribute('data-type', 'poison');
    await expect(rows.nth(i)).toHaveAttribute('data-target', producer);
    await expect(rows.nth(i)).toContainText('live');
    await expect(rows.nth(i).locator(`[data-path="faults.${i}.count"]`)).toHaveValue('1');
    await expect(rows.nth(i).locator(`[data-path="faults.${i}.durationMs"]`)).toHaveCount(0);
  }
  await inspector(page).getByTestId('fault-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('poison-live-timeline') });

  // Reset replays both: the DLQ ends with the same two.
  await page.getByTestId('run-reset').click();
  await expect(page.getByTestId('run-clock')).toHaveText('00:00.000');
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  expect(await dlqReady(page, dlq)).toBe(2);
});
