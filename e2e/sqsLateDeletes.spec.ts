import { expect, test } from '@playwright/test';
import { edge, openApp } from './helpers';

/**
 * SQS DeleteMessage after the visibility timeout (semantics.md A2.1): on a standard queue it still deletes the message
 * while nobody has received it since (its receipt is the latest), and deletes nothing once someone has. The example's
 * slow jobs do both: the Summary shows the queue's late deletes beside its stale deletes, each saying what it counts,
 * and the subscription's network delay says what a delete crossing it late does.
 */
test('the Summary tells late deletes that deleted from stale ones that did not; the edge says what a late delete does', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('example-sqs-visibility-redrive').click();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 60_000 });
  await page.getByTestId('dock-tab-summary').click();

  const figure = async (id: string, field: string) => Number(await page.getByTestId(`summary-node-${id}-${field}`).getAttribute('data-value'));
  // As the CLI reports it (examples/sqs-visibility-redrive.json, seed 1).
  expect(await figure('jobs', 'lateDeletes')).toBe(4);
  expect(await figure('jobs', 'staleDeletes')).toBe(92);
  expect(await figure('worker-a', 'duplicates') + await figure('worker-b', 'duplicates')).toBe(92);
  const late = page.getByTestId('summary-column-queue-lateDeletes');
  await expect(late).toHaveAttribute('data-label', 'late deletes');
  await expect(late).toHaveAttribute('title', /came after the visibility timeout yet deleted the message, as nobody had received it since/);
  await expect(page.getByTestId('summary-column-queue-staleDeletes')).toHaveAttribute('title', /receipt of an earlier receive \(someone received the message since\)/);
  await late.scrollIntoViewIfNeeded();
  await page.getByTestId('summary-nodes-queue').screenshot({ path: '/tmp/sqs-delete-summary-queues.png' });

  // The subscription's delay: a delete crosses it, and one arriving late deletes only what nobody received since.
  await edge(page, 'jobs--worker-a').locator('.react-flow__edge-interaction').click({ force: true });
  const hint = page.getByText('An SQS delete arriving after the visibility timeout still deletes the message if nobody received it since');
  await expect(hint).toBeVisible();
  await page.getByTestId('inspector').screenshot({ path: '/tmp/sqs-delete-edge-hint.png' });
});
