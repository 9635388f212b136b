import { expect, test } from '@playwright/test';
import { connect, dragFromPalette, edge, node, openApp, statValue } from './helpers';

/**
 * An exchange-to-exchange binding built on the canvas (semantics.md A1.1.6): a producer publishes to exchange A, bound to
 * exchange B; queue Q1 is bound to both A and B, queue Q2 to B only. One routing over the combined bindings: each queue
 * gets one copy of every message, Q1 none twice.
 */
test('connect two exchanges, make the edge a binding, run: each queue holds one copy of every message', async ({ page }) => {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 110, y: 280 });
  const a = await dragFromPalette(page, 'exchange', { x: 330, y: 280 });
  const b = await dragFromPalette(page, 'exchange', { x: 540, y: 130 });
  const q1 = await dragFromPalette(page, 'queue', { x: 760, y: 280 });
  const q2 = await dragFromPalette(page, 'queue', { x: 760, y: 40 });
  await connect(page, producer, a);
  await connect(page, a, b);
  await connect(page, a, q1);
  await connect(page, b, q1);
  await connect(page, b, q2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);

  // A first edge between exchanges is the alternate exchange, as before; the inspector turns it into a binding.
  const ab = `${a}-to-${b}`;
  const label = page.getByTestId(`edge-label-${ab}`);
  await expect(label).toHaveText('alternate');
  await label.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('edge-role')).toContainText('Alternate exchange');
  await inspector.locator('[data-path="role"]').selectOption('bind');
  await expect(inspector.getByTestId('edge-role')).toContainText('Exchange-to-exchange binding');
  await expect(label).toHaveText('e2e key: (empty)');
  // The binding key as for a queue binding; no network delay inside the broker.
  await expect(inspector.locator('[data-path="bindingKey"]')).toBeVisible();
  await expect(inspector.locator('[data-path="delayMs"]')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/e2e-bindings-inspector.png' });

  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect.poll(() => statValue(page, q2, 'ready'), { timeout: 15_000 }).toBeGreaterThan(4);
  await page.waitForTimeout(600); // tokens on their way along the binding, for the screenshot
  await page.screenshot({ path: '/tmp/e2e-bindings-running.png' });
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');

  const published = await statValue(page, a, 'in');
  expect(published).toBeGreaterThan(4);
  // One copy per queue: Q1, bound to A and through B, holds each message once; B routed each on once (to Q2).
  expect(await statValue(page, q1, 'ready')).toBe(published);
  expect(await statValue(page, q2, 'ready')).toBe(published);
  expect(await statValue(page, b, 'in')).toBe(published);
  expect(await statValue(page, b, 'out')).toBe(published);
  expect(await statValue(page, a, 'dropped')).toBe(0);
  await expect(edge(page, ab)).toBeVisible();
  await expect(node(page, b)).toBeVisible();
});
