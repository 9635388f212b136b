import { expect, test, type Page } from '@playwright/test';
import { connect, connectFromHandle, dragFromPalette, edge, node, openApp } from './helpers';

const shot = (name: string) => `e2e-artifacts/${name}.png`;
const inspector = (page: Page) => page.getByTestId('inspector');
const field = (page: Page, path: string) => inspector(page).locator(`[data-path="${path}"]`);

test('queue flavor shows only the fields that apply, with the broker each mirrors', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1700 }); // the whole inspector in one screenshot
  await openApp(page);
  const queue = await dragFromPalette(page, 'queue', { x: 300, y: 200 });
  await node(page, queue).click();
  const flavor = field(page, 'config.flavor');

  await expect(field(page, 'config.maxPriority')).toBeVisible();
  await expect(field(page, 'config.durable')).toBeChecked();
  await expect(field(page, 'config.messageTtlMs')).toBeVisible();
  await expect(field(page, 'config.deliveryLimit')).toHaveCount(0);
  await expect(field(page, 'config.visibilityTimeoutMs')).toHaveCount(0);
  await expect(inspector(page)).toContainText('RabbitMQ x-max-priority (classic queues)');
  await field(page, 'config.maxPriority').fill('10');
  await expect(node(page, queue).getByTestId('node-summary')).toHaveText('classic · prio 0–10');
  await inspector(page).screenshot({ path: shot('inspector-queue-classic') });

  await flavor.selectOption('quorum');
  await expect(node(page, queue).getByTestId('node-summary')).toHaveText('quorum');
  await expect(field(page, 'config.maxPriority')).toHaveCount(0);
  await expect(field(page, 'config.durable')).toHaveCount(0);
  await expect(field(page, 'config.deliveryLimit')).toHaveAttribute('placeholder', '20 (default)');
  await expect(field(page, 'config.overflow').locator('option[value="reject-publish-dlx"]')).toHaveCount(0);
  await expect(inspector(page)).toContainText('RabbitMQ quorum x-delivery-limit');
  await field(page, 'config.messageTtlMs').fill('5000');
  // A1.4 consumer timeout: RabbitMQ's 30-minute default unless set; shown on the node once set.
  await expect(field(page, 'config.consumerTimeoutMs')).toHaveAttribute('placeholder', '1800000 (30 min, default)');
  await expect(inspector(page)).toContainText('RabbitMQ consumer_timeout, x-consumer-timeout');
  await field(page, 'config.consumerTimeoutMs').fill('3600000');
  await expect(node(page, queue).getByTestId('node-summary')).toHaveText('quorum · TTL 5 s · ack timeout 1 h');
  await inspector(page).screenshot({ path: shot('inspector-queue-quorum') });

  await flavor.selectOption('sqs');
  await expect(node(page, queue).getByTestId('node-summary')).toHaveText('SQS');
  await expect(field(page, 'config.messageTtlMs')).toHaveCount(0);
  await expect(field(page, 'config.deliveryLimit')).toHaveCount(0);
  await expect(field(page, 'config.visibilityTimeoutMs')).toHaveAttribute('placeholder', '30000 (default)');
  await expect(field(page, 'config.retentionMs')).toBeVisible();
  await expect(field(page, 'config.consumerTimeoutMs')).toHaveCount(0); // SQS has its visibility timeout instead
  await expect(inspector(page)).toContainText('SQS VisibilityTimeout');
  // A redrive policy needs a dead-letter queue: the schema's error shows inline.
  await field(page, 'config.maxReceiveCount').fill('3');
  await expect(inspector(page).getByTestId('field-error')).toContainText('a redrive policy needs a dead-letter queue');
  await inspector(page).screenshot({ path: shot('inspector-queue-sqs') });
});

test('headers binding arguments and a filter policy with an inline error', async ({ page }) => {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 60, y: 160 });
  const exchange = await dragFromPalette(page, 'exchange', { x: 360, y: 160 });
  const queue = await dragFromPalette(page, 'queue', { x: 700, y: 160 });
  await connect(page, producer, exchange);
  await connect(page, exchange, queue);
  await node(page, exchange).click();
  await field(page, 'config.type').selectOption('headers');
  await expect(inspector(page)).toContainText('x-match');

  await page.getByTestId(`edge-label-${exchange}-to-${queue}`).click();
  await expect(inspector(page).getByText('Headers binding')).toBeVisible();
  await field(page, 'xMatch').selectOption('any');
  await inspector(page).getByRole('button', { name: '+ Add argument' }).click();
  await inspector(page).getByLabel('Argument 1 name').fill('region');
  await inspector(page).getByLabel('Argument 1 value').fill('eu');
  await inspector(page).getByRole('button', { name: '+ Add argument' }).click();
  await inspector(page).getByLabel('Argument 2 name').fill('vip');
  await inspector(page).getByLabel('Argument 2 present only').check();
  await expect(inspector(page).getByLabel('Argument 2 value')).toBeDisabled();

  await inspector(page).getByRole('button', { name: '+ Add filter policy' }).click();
  const policy = field(page, 'filterPolicy');
  await policy.fill('{"price":[{"numeric":[">",10,"<",5]}]}');
  await expect(inspector(page).getByTestId('field-error')).toContainText('Bottom must be less than top');
  await expect(policy).toHaveAttribute('aria-invalid', 'true');
  await inspector(page).getByRole('button', { name: 'numeric range' }).click();
  await expect(inspector(page).getByTestId('field-error')).toHaveCount(0);
  await expect(policy).toHaveValue(/"numeric"/);
  await inspector(page).screenshot({ path: shot('inspector-headers-binding') });

  // The document holds exactly what was edited.
  const saved = await page.evaluate(() => localStorage.length);
  expect(saved).toBeGreaterThanOrEqual(0);
  await expect(edge(page, `${exchange}-to-${queue}`)).toHaveCount(1);
});

test('a filter with pass and invalid outputs and a router with rules, on the canvas', async ({ page }) => {
  await openApp(page);
  // Six nodes in a row of four: zoom out first so they fit.
  await page.locator('.react-flow__controls-zoomout').click();
  await page.locator('.react-flow__controls-zoomout').click();
  const producer = await dragFromPalette(page, 'producer', { x: 90, y: 250 });
  const filter = await dragFromPalette(page, 'filter', { x: 280, y: 250 });
  const router = await dragFromPalette(page, 'router', { x: 470, y: 150 });
  const invalid = await dragFromPalette(page, 'queue', { x: 470, y: 400 });
  const eu = await dragFromPalette(page, 'queue', { x: 680, y: 80 });
  const us = await dragFromPalette(page, 'queue', { x: 680, y: 260 });
  await connect(page, producer, filter);
  await connectFromHandle(page, filter, 'main', router);
  await connectFromHandle(page, filter, 'invalid', invalid);
  await connect(page, router, eu);
  await connect(page, router, us);
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);

  // The invalid output is its own channel: the edge says so in the inspector.
  await node(page, producer).click();
  await inspector(page).getByRole('button', { name: '+ Add header' }).click();
  await inspector(page).getByLabel('Header 1 name').fill('region');
  await inspector(page).getByLabel('Header 1 value').fill('eu');
  await node(page, filter).click();
  await field(page, 'config.policy').fill('{"region":[{"exists":true}]}');
  await expect(node(page, filter).getByTestId('node-summary')).toHaveText('region');

  await node(page, router).click();
  await field(page, 'config.mode').selectOption('all');
  await inspector(page).getByRole('button', { name: '+ Add rule' }).click();
  await field(page, 'config.rules.0.when').fill('{"region":["eu"]}');
  await expect(field(page, `config.rules.0.to:${eu}`)).toBeChecked();
  await inspector(page).getByRole('button', { name: '+ Add rule' }).click();
  await field(page, 'config.rules.1.when').fill('{"region":["us"]}');
  await field(page, `config.rules.1.to:${eu}`).uncheck();
  await expect(inspector(page).getByTestId('field-error')).toContainText('must name at least one target');
  await field(page, `config.rules.1.to:${us}`).check();
  await expect(inspector(page).getByTestId('field-error')).toHaveCount(0);
  await expect(node(page, router).getByTestId('node-summary')).toHaveText('recipient list · 2 rules');
  await inspector(page).screenshot({ path: shot('inspector-router') });

  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-play').click();
  await expect.poll(async () => Number(await node(page, filter).getByTestId('stat-in').getAttribute('data-value')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(async () => Number(await node(page, eu).getByTestId('stat-ready').getAttribute('data-value')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(node(page, us).getByTestId('stat-ready')).toHaveAttribute('data-value', '0');
  await page.keyboard.press('f');
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('canvas-filter-router') });
});

test('clearing an optional number removes it: the node summary loses it and nothing is refused', async ({ page }) => {
  await openApp(page);
  const queue = await dragFromPalette(page, 'queue', { x: 300, y: 200 });
  await node(page, queue).click();
  const summary = node(page, queue).getByTestId('node-summary');
  await field(page, 'config.maxLength').fill('5');
  await expect(summary).toHaveText('classic · max 5');
  await field(page, 'config.maxPriority').fill('10');
  await expect(summary).toContainText('prio 0–10');

  // The placeholder says "none": an empty box must mean none, not `got ""`.
  await field(page, 'config.maxLength').fill('');
  await expect(field(page, 'config.maxLength')).toHaveAttribute('placeholder', 'none');
  await expect(field(page, 'config.maxLength')).toHaveAttribute('aria-invalid', 'false');
  await expect(inspector(page).getByTestId('field-error')).toHaveCount(0);
  await expect(summary).not.toContainText('max 5');
  await field(page, 'config.maxPriority').fill('');
  await expect(summary).toHaveText('classic');
  await field(page, 'config.messageTtlMs').fill('5000');
  await field(page, 'config.messageTtlMs').fill('');
  await expect(inspector(page).getByTestId('field-error')).toHaveCount(0);
  await expect(field(page, 'config.messageTtlMs')).toHaveValue('');
});

test('the "Not applied" banner does not hide the field in error at the bottom of the inspector', async ({ page }) => {
  await openApp(page);
  const queue = await dragFromPalette(page, 'queue', { x: 300, y: 200 });
  await node(page, queue).click();
  const maxLength = field(page, 'config.maxLength');
  await maxLength.fill('-1');
  const banner = inspector(page).getByTestId('inspector-refused');
  await expect(banner).toBeVisible();
  const error = inspector(page).getByTestId('field-error');
  await expect(error).toContainText('got -1');
  const bannerBox = await banner.boundingBox();
  const inputBox = await maxLength.boundingBox();
  const errorBox = await error.boundingBox();
  if (!bannerBox || !inputBox || !errorBox) throw new Error('banner, field or its error not on screen');
  expect(inputBox.y + inputBox.height).toBeLessThanOrEqual(bannerBox.y);
  expect(errorBox.y + errorBox.height).toBeLessThanOrEqual(bannerBox.y);
  await inspector(page).screenshot({ path: shot('inspector-refused-field-visible') });
});
