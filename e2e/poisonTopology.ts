import { expect, type Page } from '@playwright/test';
import { connect, dragFromPalette, node, openApp } from './helpers';

const inspector = (page: Page) => page.getByTestId('inspector');
export const field = (page: Page, path: string) => inspector(page).locator(`[data-path="${path}"]`);

/** Producer → queue → consumer, and the queue's dead-letter edge to a second queue, dragged and wired on the canvas. */
export async function poisonTopology(page: Page) {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 80, y: 120 });
  const queue = await dragFromPalette(page, 'queue', { x: 400, y: 120 });
  const consumer = await dragFromPalette(page, 'consumer', { x: 720, y: 120 });
  const dlq = await dragFromPalette(page, 'queue', { x: 720, y: 360 });
  await connect(page, producer, queue);
  await connect(page, queue, consumer);
  await connect(page, queue, dlq); // a queue → queue edge is the dead-letter edge
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  return { producer, queue, consumer, dlq };
}

/** Makes `queue` a quorum queue with delivery-limit 2 (A1.10: 3 deliveries, then dead-lettered) and labels the DLQ. */
export async function deadLetterAfterTwoReturns(page: Page, queue: string, dlq: string) {
  await node(page, queue).click();
  await field(page, 'config.flavor').selectOption('quorum');
  await field(page, 'config.deliveryLimit').fill('2');
  await expect(node(page, queue).getByTestId('node-summary')).toHaveText('quorum · limit 2');
  await node(page, dlq).click();
  await inspector(page).locator('[data-path="label"]').fill('DLQ');
}
