import { expect, test } from '@playwright/test';
import { boxesOverlap, canvas, connect, dragFromPalette, edge, node, openApp, openExample } from './helpers';

const shot = (name: string) => `e2e-artifacts/${name}.png`;

test.describe('canvas', () => {
  test('builds producer → queue → two consumers from the palette', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    const producer = await dragFromPalette(page, 'producer', { x: 140, y: 160 });
    const queue = await dragFromPalette(page, 'queue', { x: 440, y: 160 });
    const c1 = await dragFromPalette(page, 'consumer', { x: 740, y: 80 });
    const c2 = await dragFromPalette(page, 'consumer', { x: 740, y: 260 });
    expect([producer, queue, c1, c2]).toEqual(['producer-1', 'queue-1', 'consumer-1', 'consumer-2']);
    await expect(page.getByTestId('canvas-empty')).toHaveCount(0);

    await connect(page, producer, queue);
    await connect(page, queue, c1);
    await connect(page, queue, c2);
    await expect(edge(page, 'producer-1-to-queue-1')).toHaveCount(1);
    await expect(edge(page, 'queue-1-to-consumer-1')).toHaveCount(1);
    await expect(edge(page, 'queue-1-to-consumer-2')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);
    await page.keyboard.press('f');
    await page.screenshot({ path: shot('canvas-topology') });
  });

  test('refuses an invalid connection and says why', async ({ page }) => {
    await openApp(page);
    const producer = await dragFromPalette(page, 'producer', { x: 160, y: 160 });
    const consumer = await dragFromPalette(page, 'consumer', { x: 520, y: 160 });
    await connect(page, producer, consumer);
    const alert = page.getByRole('alert').filter({ hasText: 'Connection refused' });
    await expect(alert).toContainText('a producer cannot connect to a consumer; a producer can connect to: exchange, queue, filter, router');
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
    await page.screenshot({ path: shot('canvas-refused') });
  });

  test('editing a field in the inspector changes the node; a bad value shows its error and is not applied', async ({ page }) => {
    await openApp(page);
    const consumer = await dragFromPalette(page, 'consumer', { x: 300, y: 200 });
    await node(page, consumer).click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toContainText('Processes deliveries');
    const prefetch = inspector.locator('[data-path="config.prefetch"]');
    await prefetch.fill('25');
    await expect(node(page, consumer).getByTestId('node-summary')).toContainText('prefetch 25');

    await prefetch.fill('-2');
    await expect(prefetch).toHaveValue('-2');
    await expect(prefetch).toHaveAttribute('aria-invalid', 'true');
    await expect(inspector.getByTestId('field-error')).toContainText('must be a whole number ≥ 1 and ≤ 65535, got -2');
    await expect(node(page, consumer).getByTestId('node-summary')).toContainText('prefetch 25');
    await page.screenshot({ path: shot('inspector-consumer-error') });

    await inspector.locator('[data-path="label"]').fill('Billing worker');
    await expect(node(page, consumer).getByTestId('node-label')).toHaveText('consumer-1');
    await prefetch.fill('5');
    await expect(node(page, consumer).getByTestId('node-label')).toHaveText('Billing worker');
    await expect(node(page, consumer).getByTestId('node-summary')).toContainText('prefetch 5');
  });

  test('edits nested config: arrival process and distribution types', async ({ page }) => {
    await openApp(page);
    const producer = await dragFromPalette(page, 'producer', { x: 300, y: 200 });
    await node(page, producer).click();
    const inspector = page.getByTestId('inspector');
    await inspector.locator('[data-path="config.arrival.type"]').selectOption('onOff');
    await inspector.locator('[data-path="config.arrival.ratePerSec"]').fill('250');
    await expect(node(page, producer).getByTestId('node-summary')).toContainText('bursts 250/s');
    await inspector.locator('[data-path="config.routingKeys.pick"]').selectOption('weighted');
    await inspector.getByRole('button', { name: '+ Add key' }).click();
    await inspector.getByLabel('Routing key 2').fill('order.eu');
    await expect(node(page, producer).getByTestId('node-summary')).toContainText('order.eu');
    await inspector.locator('[data-path="config.sizeBytes.type"]').selectOption('uniform');
    await inspector.locator('[data-path="config.sizeBytes.min"]').fill('2000');
    await expect(inspector.getByTestId('field-error')).toContainText('max must be ≥ min');
    await page.screenshot({ path: shot('inspector-producer') });
  });

  test('delete, undo and redo, one drag is one undo step', async ({ page }) => {
    await openApp(page);
    const queue = await dragFromPalette(page, 'queue', { x: 200, y: 200 });
    const box = await node(page, queue).boundingBox();
    if (!box) throw new Error('queue not visible');
    await page.mouse.move(box.x + 60, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + 120, { steps: 10 });
    await page.mouse.move(box.x + 260, box.y + 140, { steps: 10 });
    await page.mouse.up();
    const moved = await node(page, queue).boundingBox();
    expect(moved!.x).toBeGreaterThan(box.x + 150);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await node(page, queue).boundingBox())!.x)).toBe(Math.round(box.x));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => Math.round((await node(page, queue).boundingBox())!.x)).toBe(Math.round(moved!.x));

    await node(page, queue).click();
    await page.keyboard.press('Delete');
    await expect(node(page, queue)).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(node(page, queue)).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(node(page, queue)).toHaveCount(0);
  });

  test('duplicate and copy/paste give fresh readable ids', async ({ page }) => {
    await openApp(page);
    const queue = await dragFromPalette(page, 'queue', { x: 200, y: 200 });
    await node(page, queue).click();
    await page.keyboard.press('Control+d');
    await expect(node(page, 'queue-2')).toHaveCount(1);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(node(page, 'queue-3')).toHaveCount(1);
  });

  test('pasted nodes land clear of the original and of each other, its output handle still reachable', async ({ page }) => {
    await openApp(page);
    const producer = await dragFromPalette(page, 'producer', { x: 150, y: 120 });
    const queue = await dragFromPalette(page, 'queue', { x: 450, y: 120 });
    const consumer = await dragFromPalette(page, 'consumer', { x: 750, y: 120 });
    await connect(page, producer, queue);
    await connect(page, queue, consumer);
    await node(page, queue).click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await page.keyboard.press('Control+v');
    await expect(node(page, 'queue-3')).toHaveCount(1);
    const boxes = await Promise.all([queue, 'queue-2', 'queue-3'].map((id) => node(page, id).boundingBox()));
    const [original, first, second] = boxes;
    if (!original || !first || !second) throw new Error('a queue is not on screen');
    expect(boxesOverlap(original, first)).toBe(false);
    expect(boxesOverlap(original, second)).toBe(false);
    expect(boxesOverlap(first, second)).toBe(false);
    // What is drawn at the original's output handle is that handle, not a copy.
    const handle = await node(page, queue).locator('.react-flow__handle.source').boundingBox();
    if (!handle) throw new Error('the queue has no output handle');
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'),
      { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 });
    expect(hit).toBe(queue);
  });

  test('click in the palette adds at the centre; palette search filters', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('palette-item-exchange').click();
    await expect(node(page, 'exchange-1')).toBeVisible();
    const c = await canvas(page).boundingBox();
    const n = await node(page, 'exchange-1').boundingBox();
    expect(Math.abs(n!.x + n!.width / 2 - (c!.x + c!.width / 2))).toBeLessThan(80);
    await page.getByLabel('Search components').fill('bound');
    await expect(page.getByTestId('palette-item-exchange')).toBeVisible();
    await expect(page.getByTestId('palette-item-producer')).toHaveCount(0);
  });

  test('help lists the shortcuts; theme toggles', async ({ page }) => {
    await openApp(page);
    await page.keyboard.press('?');
    const help = page.getByTestId('help-dialog');
    await expect(help).toContainText('Duplicate the selection');
    await expect(help).toContainText('Play / pause the simulation');
    await page.screenshot({ path: shot('help-dialog') });
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    const before = await page.locator('html').getAttribute('data-theme');
    await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', before ?? '');
  });
});

test('an exchange → queue edge shows its binding key, edited in the inspector', async ({ page }) => {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 120, y: 160 });
  const exchange = await dragFromPalette(page, 'exchange', { x: 400, y: 160 });
  const queue = await dragFromPalette(page, 'queue', { x: 700, y: 160 });
  await connect(page, producer, exchange);
  await connect(page, exchange, queue);
  const label = page.getByTestId('edge-label-exchange-1-to-queue-1');
  await expect(label).toHaveText('key: (empty)');
  await label.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('Binding: the exchange routes matching messages to this queue.');
  await inspector.locator('[data-path="bindingKey"]').fill('order.*');
  await expect(label).toHaveText('key: order.*');
  await node(page, exchange).click();
  await inspector.locator('[data-path="config.type"]').selectOption('fanout');
  await expect(label).toHaveText('fanout');
  await expect(node(page, exchange).getByTestId('node-summary')).toHaveText('fanout');
  await page.screenshot({ path: shot('canvas-exchange') });
});

test('shift-click selects several nodes; the inspector offers Delete for all', async ({ page }) => {
  await openApp(page);
  const a = await dragFromPalette(page, 'queue', { x: 200, y: 150 });
  const b = await dragFromPalette(page, 'queue', { x: 500, y: 150 });
  const c = await dragFromPalette(page, 'consumer', { x: 500, y: 350 });
  await connect(page, b, c);
  await node(page, a).click();
  await node(page, b).click({ modifiers: ['Shift'] });
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('2 nodes, 0 edges selected');
  await inspector.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(node(page, c)).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('slow rates and long service times read in the units people use, not "0/s" and millions of ms', async ({ page }) => {
  await openExample(page, 'Long jobs and the consumer timeout');
  // A render job every 30 minutes; each takes 5 to 45 minutes.
  await expect(node(page, 'reports').getByTestId('node-summary')).toHaveText('steady 2/h');
  await expect(node(page, 'renderer-30min').getByTestId('node-summary')).toContainText('5–45 min');
  await page.screenshot({ path: shot('canvas-slow-units') });
});
