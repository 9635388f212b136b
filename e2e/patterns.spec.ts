import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { AGGREGATOR_FIGURES, REQUESTER_FIGURES, type PatternFigure } from '../src/lessons/patternFigures';
import { connect, dragFromPalette, edge, node, openApp } from './helpers';

/**
 * Request-reply (EIP, semantics.md A4) built by hand on the canvas: a requester publishes to a queue, a
 * consumer serves it and replies along a reply edge to the requester (its Return Address); the Summary's
 * requester table counts answered requests and timeouts, and a crashed responder makes requests time out.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

/** A requester figure from the Summary's pattern table (exact, from data-value). */
async function requesterFigure(page: Page, id: string, field: string): Promise<number> {
  const cell = page.getByTestId(`summary-pattern-${id}-${field}`);
  if ((await cell.count()) === 0) return Number.NaN;
  return Number(await cell.getAttribute('data-value'));
}

/**
 * A Summary pattern table shows exactly the columns of the list the CLI's table shows too, with their
 * explanations; a loss column (onlyAbove0) not while the run has lost nothing.
 */
async function expectColumns(page: Page, table: string, figures: readonly PatternFigure[]): Promise<void> {
  const headers = page.getByTestId(`summary-pattern-${table}`).locator('thead th');
  const shown = figures.filter((f) => !f.onlyAbove0);
  await expect(headers).toHaveText(['node', ...shown.map((f) => f.label)]);
  for (const [i, f] of shown.entries()) await expect(headers.nth(i + 1)).toHaveAttribute('title', f.explanation);
}

/** Drags requester, queue and consumer out and wires requester → queue → consumer → requester (reply). */
async function buildRequestReply(page: Page): Promise<{ req: string; q: string; c: string }> {
  const req = await dragFromPalette(page, 'requester', { x: 160, y: 140 });
  const q = await dragFromPalette(page, 'queue', { x: 470, y: 140 });
  const c = await dragFromPalette(page, 'consumer', { x: 780, y: 140 });
  await connect(page, req, q);
  await connect(page, q, c);
  await connect(page, c, req);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  return { req, q, c };
}

test('a requester, a queue and a responder: replies come back on a reply edge and every request is answered', async ({ page }) => {
  await openApp(page);
  const { req, q, c } = await buildRequestReply(page);

  // The consumer → requester edge is a reply edge: dashed in its own colour, labelled "reply".
  const reply = edge(page, `${c}-to-${req}`);
  await expect(reply.locator('.bl-edge-tone-reply')).toHaveCount(1);
  await expect(page.getByTestId(`edge-label-${c}-to-${req}`)).toHaveText('reply');
  await expect(page.getByTestId(`edge-label-${req}-to-${q}`)).toHaveCount(0);
  await expect(node(page, req).getByTestId('node-chip')).toHaveText('async');

  // The requester's form: sync/async mode and the Return Address picker with the valid targets.
  await node(page, req).click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-path="config.mode"]')).toHaveValue('async');
  const replyTo = inspector.locator('[data-path="config.replyTo"]');
  await expect(replyTo.locator('option')).toHaveText(['This requester (direct reply-to)']);
  await expect(inspector).toContainText('EIP Return Address');
  await page.screenshot({ path: shot('patterns-request-reply-built') });

  await page.getByTestId('run-speed').selectOption('5');
  await page.getByTestId('run-play').click();
  await expect.poll(() => node(page, req).getByTestId('stat-answered').getAttribute('data-value').then(Number), { timeout: 20_000 }).toBeGreaterThan(20);
  await page.getByTestId('dock-tab-summary').click();
  await expect(page.getByTestId('summary-pattern-requesters')).toBeVisible();
  const first = await requesterFigure(page, req, 'answered');
  await expect.poll(() => requesterFigure(page, req, 'answered'), { timeout: 20_000 }).toBeGreaterThan(first);
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  expect(await requesterFigure(page, req, 'timeouts')).toBe(0);
  expect(await requesterFigure(page, req, 'sent')).toBeGreaterThanOrEqual(await requesterFigure(page, req, 'answered'));
  expect(await requesterFigure(page, req, 'rttMs.p50')).toBeGreaterThan(0);
  // The responder's replies show in its own table.
  expect(await page.getByTestId(`summary-pattern-${c}-replies`).getAttribute('data-value').then(Number)).toBeGreaterThan(0);
  await expect(node(page, req).getByTestId('stat-timeouts')).toHaveAttribute('data-value', '0');
  await page.screenshot({ path: shot('patterns-request-reply-summary') });
  // The Audit tab says that replies are outside it, and where each request's fate is.
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-replies-note')).toContainText('replies are not audited here');
  await page.getByTestId('dock-tab-summary').click();

  // The last reply along the reply edge carries the request's id as its correlation id (A4).
  await page.getByTestId(`edge-label-${c}-to-${req}`).click();
  await expect(inspector.getByTestId('edge-role')).toContainText('Return Address');
  await inspector.getByTestId('edge-message').getByTestId('message-row').first().click();
  const details = page.getByTestId('message-details');
  await expect(details.getByTestId('message-correlation-id')).toHaveText(/^#\d+$/);
  await expect(details.getByTestId('message-publisher')).toHaveText(c);
  await page.screenshot({ path: shot('patterns-reply-message') });
});

test('crashing the responder from the canvas makes the requester time out', async ({ page }) => {
  await openApp(page);
  const { req, c } = await buildRequestReply(page);
  await page.getByTestId('run-speed').selectOption('5');
  await page.getByTestId('run-play').click();
  await expect.poll(() => node(page, req).getByTestId('stat-answered').getAttribute('data-value').then(Number), { timeout: 20_000 }).toBeGreaterThan(10);
  expect(Number(await node(page, req).getByTestId('stat-timeouts').getAttribute('data-value'))).toBe(0);

  // Right-click the consumer: crash it until restarted. Requests wait in the queue and time out (1 s).
  await node(page, c).click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await menu.getByTestId('fault-action-crashOpen').click();
  await expect(node(page, c).getByTestId('stat-down')).toBeVisible();
  await expect.poll(() => node(page, req).getByTestId('stat-timeouts').getAttribute('data-value').then(Number), { timeout: 20_000 }).toBeGreaterThan(5);
  await expect.poll(() => node(page, req).getByTestId('stat-pending').getAttribute('data-value').then(Number)).toBeGreaterThan(0);

  await page.getByTestId('dock-tab-summary').click();
  await expect.poll(() => requesterFigure(page, req, 'timeouts')).toBeGreaterThan(5);
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await page.screenshot({ path: shot('patterns-responder-crashed') });
});

test('a corrupt link from the canvas: the responder\'s checksum rejects damaged requests, which time out', async ({ page }) => {
  await openApp(page);
  const { req, q, c } = await buildRequestReply(page);
  await page.getByTestId('run-speed').selectOption('5');
  await page.getByTestId('run-play').click();
  await expect.poll(() => node(page, req).getByTestId('stat-answered').getAttribute('data-value').then(Number), { timeout: 20_000 }).toBeGreaterThan(10);

  // Right-click the queue → consumer link: corrupt 20% of what crosses it for 10 s.
  await edge(page, `${q}-to-${c}`).locator('.react-flow__edge-interaction').click({ button: 'right', force: true });
  const menu = page.getByTestId('fault-menu');
  await expect(menu.getByRole('menuitem')).toContainText(['Corrupt 20% for 10 s']);
  await menu.getByTestId('fault-action-corrupt').click();
  await expect(menu).toHaveCount(0);

  await page.getByTestId('dock-tab-summary').click();
  const rejected = page.getByTestId(`summary-pattern-${c}-corruptRejected`);
  await expect.poll(async () => Number(await rejected.getAttribute('data-value')), { timeout: 20_000 }).toBeGreaterThan(3);
  await expect.poll(() => requesterFigure(page, req, 'timeouts'), { timeout: 20_000 }).toBeGreaterThan(3);
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  // From a queue under manual ack a corrupt delivery is nacked with requeue=false: with no dead-letter target it is dropped as rejected (A1.4).
  expect(Number(await page.getByTestId('summary-dropped-rejected').getAttribute('data-value'))).toBe(Number(await rejected.getAttribute('data-value')));
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-faults')).toContainText(`corruption ${q}-to-${c}`);
  await page.screenshot({ path: shot('patterns-corrupt-link-audit') });
});

test('the forms of the new options: aggregator completion, SQS FIFO and permissions, responder options', async ({ page }) => {
  await openApp(page);
  const { req, q, c } = await buildRequestReply(page);
  const agg = await dragFromPalette(page, 'aggregator', { x: 470, y: 380 });
  const inspector = page.getByTestId('inspector');

  // The aggregator: completion rules as chips on the canvas; clearing every rule is refused inline.
  await node(page, agg).click();
  await expect(node(page, agg).getByTestId('node-chip')).toHaveText(['size 3', 'idle 1 s']);
  await expect(inspector).toContainText('Camel completionSize');
  await page.screenshot({ path: shot('patterns-aggregator-form') });
  await inspector.locator('[data-path="config.completionSize"]').fill('');
  await inspector.locator('[data-path="config.completionTimeoutMs"]').fill('');
  await expect(inspector.getByTestId('field-error').first()).toContainText('an aggregator needs a completion');
  await inspector.locator('[data-path="config.completionSize"]').fill('2');
  await expect(inspector.getByTestId('field-error')).toHaveCount(0);
  await expect(node(page, agg).getByTestId('node-chip')).toHaveText(['size 2']);

  // The requester may now reply to the aggregator (EIP Return Address).
  await node(page, req).click();
  await expect(inspector.locator('[data-path="config.replyTo"] option')).toHaveText(['This requester (direct reply-to)', `${agg}: aggregator`]);

  // The queue: FIFO only for SQS; permissions as a multi-select of clients.
  await node(page, q).click();
  await expect(inspector.locator('[data-path="config.fifo.on"]')).toHaveCount(0);
  await inspector.locator('[data-path="config.flavor"]').selectOption('sqs');
  await inspector.locator('[data-path="config.fifo.on"]').check();
  await expect(inspector).toContainText('SQS ContentBasedDeduplication (A2.3)');
  await inspector.locator('[data-path="config.permissions.publish:everyone"]').uncheck();
  await inspector.locator(`[data-path="config.permissions.publish:${req}"]`).check();
  await inspector.getByText('Permissions', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('patterns-queue-fifo-permissions') });

  // The consumer: replies, the synchronous call and the checksum check. A call needs an edge to call along.
  await node(page, c).click();
  await inspector.locator('[data-path="config.call.on"]').check();
  await expect(inspector.locator('[data-path="config.call.timeoutMs"]')).toHaveValue('1000');
  await expect(inspector.getByTestId('field-error')).toContainText('makes synchronous calls: connect it to the service');
  await inspector.locator('[data-path="config.verifyChecksum"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('patterns-consumer-request-reply-form') });
});

/** Scatter-gather: a fanout to three quoting services whose replies an aggregator gathers for the requester (A4). */
const scatterGather = {
  version: 3, name: 'Scatter-gather', seed: 3, durationMs: 30_000,
  nodes: [
    { id: 'client', kind: 'requester', position: { x: 0, y: 200 }, config: { arrival: { type: 'constant', ratePerSec: 5 }, timeoutMs: 2000, replyTo: 'gather' } },
    { id: 'quotes', kind: 'exchange', position: { x: 300, y: 200 }, config: { type: 'fanout' } },
    ...[1, 2, 3].flatMap((i) => [
      { id: `q${i}`, kind: 'queue', position: { x: 560, y: 40 + (i - 1) * 170 } },
      { id: `svc${i}`, kind: 'consumer', position: { x: 840, y: 40 + (i - 1) * 170 },
        config: { serviceTimeMs: { type: 'exponential', mean: i === 3 ? 250 : 20 }, reply: { score: { type: 'uniform', min: 0, max: 1 } } } },
    ]),
    { id: 'gather', kind: 'aggregator', position: { x: 1120, y: 200 }, config: { completionSize: 3, completionTimeoutMs: 300, strategy: 'best' } },
  ],
  edges: [
    { id: 'e-client', source: 'client', target: 'quotes' },
    ...[1, 2, 3].flatMap((i) => [
      { id: `e-bind${i}`, source: 'quotes', target: `q${i}` },
      { id: `e-sub${i}`, source: `q${i}`, target: `svc${i}` },
      { id: `e-reply${i}`, source: `svc${i}`, target: 'gather' },
    ]),
    { id: 'e-gathered', source: 'gather', target: 'client' },
  ],
};

test('scatter-gather: an aggregator completes groups by size or by timeout and answers the requester', async ({ page }) => {
  await openApp(page, `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scatterGather))}`);
  await expect(node(page, 'gather')).toBeVisible();
  await expect(node(page, 'gather').getByTestId('node-chip')).toHaveText(['size 3', 'idle 300 ms']);
  await expect(page.getByTestId('edge-label-e-gathered')).toHaveText('reply');
  await expect(page.getByTestId('edge-label-e-reply1')).toHaveText('reply');
  await page.getByTestId('run-speed').selectOption('5');
  await page.getByTestId('run-play').click();
  await expect.poll(() => node(page, 'gather').getByTestId('stat-out').getAttribute('data-value').then(Number), { timeout: 20_000 }).toBeGreaterThan(10);
  await page.getByTestId('dock-tab-summary').click();
  const figure = (id: string, field: string) => page.getByTestId(`summary-pattern-${id}-${field}`).getAttribute('data-value').then(Number);
  await expect.poll(() => figure('gather', 'completedByTimeout'), { timeout: 20_000 }).toBeGreaterThan(0);
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  expect(await figure('gather', 'completedBySize')).toBeGreaterThan(0);
  expect(await figure('client', 'answered')).toBeGreaterThan(0);
  expect(await figure('client', 'timeouts')).toBe(0);
  await expectColumns(page, 'requesters', REQUESTER_FIGURES);
  await expectColumns(page, 'aggregators', AGGREGATOR_FIGURES);
  await expect(page.getByTestId('summary-pattern-client-mode')).toHaveText('async');
  // At 1440 px all 14 requester columns are in sight: the headers wrap rather than push RTT p99 behind a scroll bar.
  const scroller = page.getByTestId('summary-pattern-requesters').locator('.summary-node-scroll');
  expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  await page.getByTestId('summary-pattern-requesters').locator('..').screenshot({ path: shot('patterns-scatter-gather-summary') });
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The sticky headers take the dark panel's colours (they were white, under light text).
  const header = page.getByTestId('summary-pattern-requesters').locator('thead th').first();
  const panel = await page.evaluate(() => { const probe = document.createElement('div'); probe.style.background = 'var(--panel)'; document.body.append(probe); const c = getComputedStyle(probe).backgroundColor; probe.remove(); return c; });
  expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(panel);
  expect(panel).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: shot('patterns-scatter-gather-dark') });
});
