import { expect, test, type Page } from '@playwright/test';
import { node, statValue } from './helpers';
import { deadLetterAfterTwoReturns, field, poisonTopology } from './poisonTopology';

const shot = (name: string) => `e2e-artifacts/${name}.png`;
const inspector = (page: Page) => page.getByTestId('inspector');

/**
 * Poison messages on a quorum queue: every delivery of one fails and is requeued, until the delivery-limit
 * dead-letters it (semantics.md A1.10) to the queue at the end of the queue's dead-letter edge.
 */
test('poison messages reach the dead-letter queue, and the message inspector shows their death history', async ({ page }) => {
  const { producer, queue, consumer, dlq } = await poisonTopology(page);
  await node(page, producer).click();
  await field(page, 'config.poison.fraction').fill('0.2');
  await field(page, 'config.count').fill('200');
  await deadLetterAfterTwoReturns(page, queue, dlq);

  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-play').click();
  await expect.poll(() => statValue(page, dlq, 'ready'), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(node(page, queue).getByTestId('stat-deadLettered')).toBeVisible();
  await expect(node(page, consumer).getByTestId('stat-failed')).not.toHaveAttribute('data-value', '0');
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.screenshot({ path: shot('canvas-poison-dlq') });

  await node(page, dlq).click();
  const rows = inspector(page).getByTestId('message-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().click();
  const dialog = page.getByTestId('message-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Message #');
  await expect(dialog.getByRole('heading', { name: /· DLQ$/ })).toBeVisible();
  await expect(dialog.getByTestId('message-poison')).toHaveText('yes');
  const death = dialog.getByTestId('death-entry').first();
  await expect(death.getByTestId('death-reason')).toHaveText('delivery_limit');
  await expect(death.getByTestId('death-queue')).toHaveText(queue);
  await expect(death.getByTestId('death-count')).toHaveText('1');
  await expect(dialog.getByTestId('message-trail')).toContainText(queue);
  await page.screenshot({ path: shot('message-inspector-death-history') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The Summary tab counts the dead letters.
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect.poll(async () => Number(await page.getByTestId('summary-deadLettered').getAttribute('data-value'))).toBeGreaterThan(0);
});

test('a classic queue whose consumer rejects dead-letters with reason rejected', async ({ page }) => {
  const { producer, queue, consumer, dlq } = await poisonTopology(page);
  await node(page, producer).click();
  await field(page, 'config.poison.messages').fill('1, 3');
  await field(page, 'config.count').fill('5');
  await node(page, consumer).click();
  await field(page, 'config.onFailure').selectOption('reject');
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-play').click();
  await expect.poll(() => statValue(page, dlq, 'ready'), { timeout: 30_000 }).toBe(2);
  await node(page, dlq).click();
  await expect(inspector(page).getByTestId('message-row')).toHaveCount(2);
  await expect(inspector(page).getByTestId('message-row').nth(0)).toHaveAttribute('data-message-id', /\d+/);
  await inspector(page).getByTestId('message-row').nth(1).click();
  const dialog = page.getByTestId('message-dialog');
  await expect(dialog.getByTestId('death-reason')).toHaveText('rejected');
  await expect(dialog.getByTestId('death-queue')).toHaveText(queue);
});
