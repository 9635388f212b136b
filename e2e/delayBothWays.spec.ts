import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { edge, openApp } from './helpers';

/**
 * An edge label's delay on a subscription into a manual-ack consumer is crossed both ways (A1.5: the delivery goes,
 * its ack comes back, and only then is the prefetch slot free): the canvas marks it "⇄" and its tooltip says so;
 * a delay crossed one way (a publish, a subscription into an auto-ack consumer) reads "+N ms" as before.
 */

/** The prefetch example, with worker-2 acking automatically (its link one way) and a 5 ms delay on orders-1's publish. */
function scenario(): string {
  const s = JSON.parse(readFileSync('examples/prefetch-round-trip.json', 'utf8')) as {
    nodes: { id: string; config?: Record<string, unknown> }[]; edges: { id: string; config?: Record<string, unknown> }[];
  };
  const worker2 = s.nodes.find((n) => n.id === 'worker-2')!;
  worker2.config = { ...worker2.config, ackMode: 'auto' };
  const publish = s.edges.find((e) => e.id === 'orders-1--queue-1')!;
  publish.config = { ...publish.config, delayMs: 5 };
  return `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(s))}`;
}

const delayOn = (page: Page, id: string) => page.getByTestId(`edge-label-${id}`).getByTestId('edge-delay');

test('a subscription\'s delay crossed by acks too is marked both ways on the canvas, and says why when hovered', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, scenario());

  const both = delayOn(page, 'queue-1--worker-1');
  await expect(both).toHaveText('⇄20 ms');
  await expect(both).toHaveAttribute('title', '20 ms network delay each way: deliveries out, acks back (a prefetch slot is held for the round trip)');
  // One way: the auto-ack subscription and the publish.
  await expect(delayOn(page, 'queue-2--worker-2')).toHaveText('+20 ms');
  await expect(delayOn(page, 'queue-2--worker-2')).toHaveAttribute('title', '20 ms network delay, one way');
  await expect(delayOn(page, 'orders-1--queue-1')).toHaveText('+5 ms');

  // The pointer reaches the pill (its tooltip shows), not what lies under it.
  await both.hover();
  expect(await both.evaluate((el) => el.matches(':hover'))).toBe(true);
  await page.getByTestId('canvas').screenshot({ path: '/tmp/ui-polish-delay-both-ways.png' });

  // Running, the label grows a rate beside the delay: still one line, off the nodes.
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-play').click();
  const label = page.getByTestId('edge-label-queue-1--worker-1');
  await expect(label.getByTestId('edge-rate')).toBeVisible();
  // As wide as a one-way delay's pill: the label fits where the one-way label of queue-2's twin edge does, not crowded under a node.
  await expect(label).not.toHaveAttribute('data-fit', 'crowded');
  await expect(label).toHaveAttribute('data-fit', (await page.getByTestId('edge-label-queue-2--worker-2').getAttribute('data-fit'))!);
  expect((await label.boundingBox())!.height).toBeLessThan(24);
  const width = async (id: string) => (await delayOn(page, id).boundingBox())!.width;
  expect(Math.abs(await width('queue-1--worker-1') - await width('queue-2--worker-2'))).toBeLessThanOrEqual(2);
  await page.getByTestId('canvas').screenshot({ path: '/tmp/ui-polish-delay-both-ways-running.png' });
  await page.getByTestId('run-play').click(); // pause: the inspector's figures hold still

  // The inspector says why of the manual-ack subscription, and nothing of the auto-ack one (no ack crosses it).
  await edge(page, 'queue-1--worker-1').locator('.react-flow__edge-interaction').click({ force: true });
  await expect(page.getByText('Each ack or nack crosses it back to the queue')).toBeVisible();
  await edge(page, 'queue-2--worker-2').locator('.react-flow__edge-interaction').click({ force: true });
  await expect(page.getByText('Network delay')).toBeVisible();
  await expect(page.getByText('Each ack or nack crosses it back to the queue')).toHaveCount(0);
});
