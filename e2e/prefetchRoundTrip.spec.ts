import { expect, test } from '@playwright/test';
import { openExample, runToEndShowingCharts, statValue } from './helpers';

/**
 * A1.4/A1.5 in the browser: an ack crosses the 20 ms link back to the queue before the prefetch slot is free, so the
 * prefetch-1 worker takes one message per round trip (about 22/s against 100/s published: its queue grows), while the
 * prefetch-10 worker keeps up. Read from the canvas as a user would, after running the example to its end.
 */
test('prefetch-round-trip: prefetch 1 across a 20 ms link falls behind, prefetch 10 keeps up', async ({ page }) => {
  await openExample(page, 'Prefetch and the round trip');
  await runToEndShowingCharts(page);
  const slowAcked = await statValue(page, 'worker-1', 'acked');
  const fastAcked = await statValue(page, 'worker-2', 'acked');
  // 60 s at one per 45 ms (20 there, 5 of work, 20 back): about 1 330; the other worker keeps up with ~6 000.
  expect(slowAcked).toBeGreaterThan(1200);
  expect(slowAcked).toBeLessThan(1500);
  expect(fastAcked).toBeGreaterThan(5500);
  expect(await statValue(page, 'queue-1', 'ready')).toBeGreaterThan(4000);
  expect(await statValue(page, 'queue-2', 'ready')).toBeLessThan(10);
  await page.screenshot({ path: 'test-results/prefetch-round-trip.png' });
  // The subscription's inspector says why: its delay is crossed by every ack on its way back.
  await page.locator('.react-flow__edge[data-id="queue-1--worker-1"] .react-flow__edge-interaction').click({ force: true });
  await expect(page.getByText('Each ack or nack crosses it back to the queue')).toBeVisible();
});
