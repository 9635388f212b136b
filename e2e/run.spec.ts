import { expect, test, type Locator, type Page } from '@playwright/test';
import { connect, dragFromPalette, expectRoundTimeTicks, node, openApp, openExample } from './helpers';

/** A node's live figure by its label (`acked`, `published`, …), parsed from the compact form (950, 1.2k). */
async function stat(page: Page, nodeId: string, label: string): Promise<number> {
  const value = node(page, nodeId).locator('.bl-stat').filter({ has: page.locator('.bl-stat-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.bl-stat-value');
  const text = (await value.first().textContent())?.trim() ?? '';
  const m = /^([\d.]+)([kM]?)$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === 'k' ? 1000 : m[2] === 'M' ? 1e6 : 1);
}

const events = async (page: Page): Promise<number> => Number(await page.getByTestId('run-events').getAttribute('data-events'));
const status = (page: Page): Locator => page.getByTestId('run-status');

/** Line paths recharts drew in a chart (a flat line has a zero-height box, so count paths rather than test visibility). */
const curves = (page: Page, chart: string): Promise<number> =>
  page.getByTestId(chart).locator('path.recharts-line-curve').evaluateAll((els) => els.filter((el) => (el.getAttribute('d') ?? '').includes('L')).length);

test('build producer → queue → two consumers, run, pause, step and reset', async ({ page }) => {
  await openApp(page);
  const producer = await dragFromPalette(page, 'producer', { x: 60, y: 220 });
  const queue = await dragFromPalette(page, 'queue', { x: 420, y: 220 });
  const c1 = await dragFromPalette(page, 'consumer', { x: 760, y: 90 });
  const c2 = await dragFromPalette(page, 'consumer', { x: 760, y: 370 });
  await connect(page, producer, queue);
  await connect(page, queue, c1);
  await connect(page, queue, c2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);

  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect(status(page)).toHaveText('running');
  // The status stays beside the clock when the run controls wrap (it used to end up alone on a row).
  const middle = async (id: string) => { const b = (await page.getByTestId(id).boundingBox())!; return b.y + b.height / 2; };
  expect(Math.abs((await middle('run-status')) - (await middle('run-clock')))).toBeLessThan(4);

  // Delivered counts rise on both consumers, and the clock moves.
  await expect.poll(() => stat(page, c1, 'acked'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => stat(page, c2, 'acked'), { timeout: 15_000 }).toBeGreaterThan(0);
  const firstAcked = await stat(page, c1, 'acked');
  await expect.poll(() => stat(page, c1, 'acked'), { timeout: 15_000 }).toBeGreaterThan(firstAcked);
  await expect(page.getByTestId('run-clock')).not.toHaveText('00:00.000');

  // Charts get data: recharts draws line paths.
  await page.getByTestId('dock-tab-charts').click();
  await expect.poll(() => curves(page, 'chart-throughput'), { timeout: 15_000 }).toBe(2);
  await expect.poll(() => curves(page, 'chart-latency')).toBe(3);
  await expect.poll(() => curves(page, 'chart-queue-depth')).toBe(2);
  // The queue's two lines share its colour and one legend entry; the key says which stroke is which.
  await expect(page.getByTestId('chart-queue-depth').getByTestId('chart-legend-paired').locator('li')).toHaveText([queue, 'ready', 'unacked']);
  // Messages are counted in whole numbers: no tick at 0.25 of a message (a depth of 1 used to show 0.3 and 0.8).
  // (recharts 3 draws ticks in a layer of their own; the value axis's are the ones anchored at their end)
  const depthTicks = await page.getByTestId('chart-queue-depth').locator('text.recharts-cartesian-axis-tick-value[text-anchor="end"]').allTextContents();
  expect(depthTicks.length).toBeGreaterThan(0);
  for (const tick of depthTicks) expect(tick).toMatch(/^\d+k?$/);
  // Time ticks on round times (0, 1, 2 s …), not spread from the first sample at 0.25 s.
  for (const chart of ['chart-throughput', 'chart-latency', 'chart-queue-depth']) await expectRoundTimeTicks(page.getByTestId(chart));
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'e2e-artifacts/run-charts.png' });

  // Pause: the event counter stops; Step advances it by exactly one event.
  await page.getByTestId('run-play').click();
  await expect(status(page)).toHaveText('paused');
  const paused = await events(page);
  await page.waitForTimeout(300);
  expect(await events(page)).toBe(paused);
  const clockBefore = await page.getByTestId('run-clock').textContent();
  await page.getByTestId('run-step').click();
  await expect.poll(() => events(page)).toBe(paused + 1);
  await page.getByTestId('run-step').click();
  await expect.poll(() => events(page)).toBe(paused + 2);
  const clockAfterSteps = await page.getByTestId('run-clock').textContent();
  expect(clockAfterSteps).not.toBe(clockBefore);

  // Space toggles play/pause when nothing is focused for typing.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await expect(status(page)).toHaveText('running');
  await page.keyboard.press('Space');
  await expect(status(page)).toHaveText('paused');
  await page.waitForTimeout(300);
  const clockPaused = await page.getByTestId('run-clock').textContent();

  // Summary and log.
  await page.getByTestId('dock-tab-summary').click();
  await expect(page.getByTestId('summary-balance')).toHaveAttribute('data-ok', 'true');
  expect(Number(await page.getByTestId('summary-acked').getAttribute('data-value'))).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e-artifacts/run-summary.png' });
  await page.getByTestId('dock-tab-log').click();
  await expect(page.getByTestId('run-log').locator('[data-kind="loaded"]')).toHaveCount(1);
  await expect(page.getByTestId('run-log').locator('[data-kind="step"]')).toHaveCount(2);
  // Pause and Step are logged at the time the run stopped at, not at the last frame shown before (newest first).
  await expect(page.getByTestId('run-log').locator('[data-kind="step"] time').first()).toHaveText(clockAfterSteps!);
  await expect(page.getByTestId('run-log').locator('[data-kind="pause"] time').first()).toHaveText(clockPaused!);

  // Reset: back to zero, the topology untouched.
  await page.getByTestId('run-reset').click();
  await expect(page.getByTestId('run-clock')).toHaveText('00:00.000');
  await expect.poll(() => events(page)).toBe(0);
  await expect(status(page)).toHaveText('idle');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
});

test('an edit after the run started says it applies from Reset; undo, Reset, or a live fault the run has say nothing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('examples-dialog').getByRole('button', { name: /^Competing consumers/ }).click();
  await expect(node(page, 'worker-1')).toBeVisible();
  const stale = page.getByTestId('run-stale');
  await page.getByTestId('run-speed').selectOption('5');
  await page.getByTestId('run-play').click();
  await page.getByTestId('run-play').click();
  await expect(status(page)).toHaveText('paused');
  await expect(stale).toHaveCount(0);

  // Moving or renaming a node changes nothing the run does: no notice.
  await node(page, 'worker-1').click();
  const inspector = page.getByTestId('inspector');
  await inspector.locator('[data-path="label"]').fill('Billing worker');
  await expect(stale).toHaveCount(0);
  // A config edit does.
  await inspector.locator('[data-path="config.prefetch"]').fill('7');
  await expect(stale).toBeVisible();
  await expect(stale).toHaveText('edited: Reset to apply');
  await expect(page.getByTestId('run-reset')).toHaveClass(/run-reset-due/);
  await page.screenshot({ path: 'e2e-artifacts/run-edited-since-play.png' });
  // Undone, the document is the run's again.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(stale).toHaveCount(0);

  // A live fault is the run's and the document's: no notice; undoing it leaves the run with a fault the document lacks.
  await node(page, 'worker-2').click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-crash').click();
  await expect(node(page, 'worker-2').getByTestId('stat-down')).toBeVisible();
  await expect(stale).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(stale).toBeVisible();

  // Reset runs the document as it is: nothing to apply any more.
  await page.getByTestId('run-reset').click();
  await expect(stale).toHaveCount(0);
  await page.getByTestId('run-play').click();
  await expect(status(page)).toHaveText('running');
  await expect(stale).toHaveCount(0);
});

test('a run of hours reads its clock in hours, and the Log says a live fault as it says the timeline\'s', async ({ page }) => {
  await openExample(page, 'Long jobs and the consumer timeout'); // 8 h of simulated time
  await expect(page.getByTestId('run-duration')).toHaveText('/ 8:00:00.000');
  await page.getByTestId('run-speed').selectOption('1000'); // an hour in 3.6 s
  await page.getByTestId('run-play').click();
  // Past the first hour the clock reads h:mm:ss (it read minutes past 59: "75:12.000").
  await expect(page.getByTestId('run-clock')).toHaveText(/^[1-7]:[0-5]\d:[0-5]\d\.\d{3}$/, { timeout: 20_000 });
  await page.getByTestId('run-play').click(); // pause
  await node(page, 'renderer-1h').click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-crash').click();
  await page.getByTestId('dock-tab-log').click();
  const fault = page.getByTestId('run-log').locator('li[data-kind="fault"]');
  await expect(fault).toHaveCount(1);
  await expect(fault.locator('span')).toHaveText('Fault: crash renderer-1h for 5 s'); // the menu's crash lasts 5 s
  await expect(fault.locator('time')).toHaveText(/^[1-7]:[0-5]\d:[0-5]\d\.\d{3}$/);
  await page.screenshot({ path: 'e2e-artifacts/run-hours-clock.png' });
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(status(page)).toHaveText('finished', { timeout: 30_000 });
  await expect(page.getByTestId('run-clock')).toHaveText('8:00:00.000');
});
