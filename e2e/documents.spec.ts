import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../src/schema';
import { boxesOverlap, connect, dragFromPalette, edge, node, openApp, statValue } from './helpers';

const shot = (name: string) => `e2e-artifacts/${name}.png`;
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function openExample(page: Page, file: string) {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${file}`).click();
}

/** How many time points a dock chart draws (its data-points). */
const chartPoints = async (chart: Locator): Promise<number> => Number(await chart.getAttribute('data-points'));

async function buildSmallTopology(page: Page) {
  const producer = await dragFromPalette(page, 'producer', { x: 150, y: 150 });
  const queue = await dragFromPalette(page, 'queue', { x: 450, y: 150 });
  await connect(page, producer, queue);
  await expect(edge(page, 'producer-1-to-queue-1')).toHaveCount(1);
}

test.describe('documents', () => {
  test('a reload keeps the topology (autosave)', async ({ page }) => {
    await openApp(page);
    await buildSmallTopology(page);
    await page.getByTestId('document-name').fill('Reload me');
    await page.getByTestId('document-name').press('Enter');
    await page.waitForTimeout(600); // the autosave is debounced
    await page.reload();
    await expect(node(page, 'producer-1')).toBeVisible();
    await expect(node(page, 'queue-1')).toBeVisible();
    await expect(edge(page, 'producer-1-to-queue-1')).toHaveCount(1);
    await expect(page.getByTestId('document-name')).toHaveValue('Reload me');
  });

  test('a corrupt autosave shows its errors and starts empty', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('brokerlab.document', '{"version":2,"nodes":[{"id":"c","kind":"consumer","config":{"prefetch":0}}]}'));
    await page.reload();
    const dialog = page.getByTestId('errors-dialog');
    await expect(dialog).toContainText('nodes[0].config.prefetch: must be a whole number ≥ 1');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
  });

  test('a share link opens the same scenario in a new page', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await buildSmallTopology(page);
    await node(page, 'queue-1').click();
    await page.getByTestId('inspector').locator('[data-path="label"]').fill('Orders queue');
    await page.getByRole('button', { name: 'Share' }).click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/#scenario=/);
    await expect(page.getByTestId('share-dialog')).toContainText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.screenshot({ path: shot('share-dialog') });

    const other = await context.newPage();
    await other.goto('/');
    await other.evaluate(() => localStorage.clear());
    await other.goto(url);
    await expect(node(other, 'queue-1').getByTestId('node-label')).toHaveText('Orders queue');
    await expect(edge(other, 'producer-1-to-queue-1')).toHaveCount(1);
    await expect(other).not.toHaveURL(/#scenario=/);
  });

  test('a damaged share link shows its errors and keeps the current document', async ({ page }) => {
    await openApp(page);
    await buildSmallTopology(page);
    await page.waitForTimeout(600);
    await page.goto('/#scenario=N4Ig-this-is-not-a-scenario');
    await expect(page.getByTestId('errors-dialog')).toBeVisible();
    await page.getByTestId('errors-dialog').getByRole('button', { name: 'OK' }).click();
    await expect(node(page, 'producer-1')).toBeVisible();
  });

  test('opens an example', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    const dialog = page.getByTestId('examples-dialog');
    const items = dialog.locator('button.example-item');
    await expect(items.first()).toBeVisible();
    await page.screenshot({ path: shot('examples-dialog') });
    const name = (await items.first().locator('strong').textContent()) ?? '';
    await items.first().click();
    await expect(page.getByTestId('document-name')).toHaveValue(name);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(1);
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot('example-opened') });
  });

  test('opens a file; a bad file shows its errors and the document stays', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
    await expect(page.getByTestId('document-name')).toHaveValue('Fixture work queue');
    await expect(node(page, 'worker-b')).toBeVisible();
    await expect(page.locator('.react-flow__edge')).toHaveCount(3);

    await page.getByTestId('open-file').setInputFiles(fixture('bad-scenario.json'));
    const dialog = page.getByTestId('errors-dialog');
    await expect(dialog).toContainText('bad-scenario.json is not a valid scenario');
    await expect(dialog).toContainText('nodes[0].config.arrival.ratePerSec: must be a number > 0');
    await expect(dialog).toContainText('nodes[1].config.prefetch: must be a whole number ≥ 1');
    await expect(dialog).toContainText('edges[0]: a producer cannot connect to a consumer');
    await page.screenshot({ path: shot('bad-file-errors') });
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByTestId('document-name')).toHaveValue('Fixture work queue');
    await expect(node(page, 'worker-b')).toBeVisible();
  });

  test('saves exactly the scenario JSON under the document name', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
    await expect(node(page, 'jobs')).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Fixture-work-queue.json');
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
    expect(saved.nodes.map((n: { id: string }) => n.id)).toEqual(['orders', 'jobs', 'worker-a', 'worker-b']);
    // The file is a complete, valid document, exactly what the CLI's parseScenario yields for it.
    const parsed = parseScenario(saved);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.scenario).toEqual(saved);
  });

  test('opening another document clears the previous run: clock at 0, no figures, Play runs the new one', async ({ page }) => {
    await openApp(page);
    await openExample(page, 'competing-consumers');
    await page.getByTestId('run-play').click();
    await expect.poll(() => statValue(page, 'task-api', 'published'), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('run-clock')).not.toHaveText('00:00.000');
    await openExample(page, 'one-way');
    await expect(page.getByTestId('run-clock')).toHaveText('00:00.000');
    await expect(page.getByTestId('run-controls')).toHaveAttribute('data-status', 'idle');
    await expect(page.getByTestId('run-play')).toHaveText(/Play/);
    await page.waitForTimeout(500); // frames of the old run still on their way must not come back
    await expect(page.getByTestId('run-clock')).toHaveText('00:00.000');
    // No figures until the new document runs: the producer shows "–", not the old run's count.
    await expect(node(page, 'orders-api').getByTestId('stat-published')).toHaveAttribute('data-value', '');
    // The charts show nothing of the old run (at once: see the test below).
    await expect(page.getByText('No samples yet: press Play.').first()).toBeVisible();
    await page.screenshot({ path: shot('run-cleared-on-open') });
    await page.getByTestId('run-play').click();
    await expect(page.getByTestId('run-clock')).not.toHaveText('00:00.000');
  });

  test('the charts draw what a paused run reached at once, not at their next redraw', async ({ page }) => {
    await page.clock.install();
    await openApp(page);
    await openExample(page, 'competing-consumers');
    await page.getByTestId('dock-tab-charts').click();
    const chart = page.getByTestId('charts-panel').locator('figure.chart-card').first();
    await page.getByTestId('run-play').click();
    await expect.poll(() => chartPoints(chart), { timeout: 15_000 }).toBeGreaterThan(0);
    // From here the page's timers are held: frames wait until the run stops, and the charts' polls never come.
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5_000));
    const before = await chartPoints(chart);
    await page.waitForTimeout(1500); // the run goes on in its worker
    await page.getByTestId('run-play').click();
    await expect(page.getByTestId('run-status')).toHaveText('paused');
    // The pause's last frame (after the status turned "paused" on the click) brings the held samples: drawn at once.
    await expect.poll(() => chartPoints(chart)).toBeGreaterThan(before);
  });

  test('the charts drop the old run the moment it is cleared (Reset, another document), not at their next redraw', async ({ page }) => {
    // The page's clock is paused before each clearing: no timer fires, so the charts' throttled redraw
    // cannot run and only an immediate one can empty them.
    await page.clock.install();
    await openApp(page);
    await openExample(page, 'competing-consumers');
    await page.getByTestId('dock-tab-charts').click();
    const charts = page.getByTestId('charts-panel').locator('figure.chart-card');
    await expect(charts).toHaveCount(3);

    const runUntilCharted = async () => {
      await page.clock.resume();
      await page.getByTestId('run-play').click();
      for (const chart of await charts.all()) await expect.poll(() => chartPoints(chart), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5_000));
    };
    const expectChartsEmpty = async () => {
      for (const chart of await charts.all()) {
        await expect(chart).toHaveAttribute('data-points', '0');
        await expect(chart).toContainText('No samples yet: press Play.');
      }
    };

    await runUntilCharted();
    await page.getByTestId('run-reset').click();
    await expectChartsEmpty();
    await page.clock.resume(); // the tokens on the edges are drawn each animation frame: let them go too
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot('charts-cleared-on-reset') });

    await runUntilCharted();
    await openExample(page, 'one-way');
    await expectChartsEmpty();
  });

  test('New asks first when the canvas is not empty, and can be undone', async ({ page }) => {
    await openApp(page);
    await buildSmallTopology(page);
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'New document' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(node(page, 'queue-1')).toBeVisible();
  });

  test('after New, a dropped node stays where it was dropped and the zoom is kept', async ({ page }) => {
    await openApp(page);
    await buildSmallTopology(page);
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'New document' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    const pane = await page.getByTestId('canvas').boundingBox();
    if (!pane) throw new Error('no canvas');

    const producer = await dragFromPalette(page, 'producer', { x: 150, y: 120 });
    await page.waitForTimeout(500); // a fit would have fired and finished its 200 ms animation by now
    const dropped = await node(page, producer).boundingBox();
    const queue = await dragFromPalette(page, 'queue', { x: 600, y: 320 });
    await page.waitForTimeout(500);
    expect(await viewport.getAttribute('style')).toBe(before);
    const first = await node(page, producer).boundingBox();
    const second = await node(page, queue).boundingBox();
    if (!dropped || !first || !second) throw new Error('a dropped node is not on screen');
    // Dropped centred on the pointer (half a node is 100×40), snapped to the 16 px grid.
    expect(Math.abs(first.x - (pane.x + 150 - 100))).toBeLessThanOrEqual(16);
    expect(Math.abs(first.y - (pane.y + 120 - 40))).toBeLessThanOrEqual(16);
    expect(first).toEqual(dropped);
    expect(boxesOverlap(first, second)).toBe(false);
  });

  test('headers exchange example: every binding label is clear of the nodes and of the other labels', async ({ page }) => {
    await openApp(page);
    await openExample(page, 'headers-exchange');
    const labels = page.locator('.bl-edge-label');
    await expect(labels).toHaveCount(6);
    await expect(page.locator('.bl-edge-label:not([data-fit="clear"])')).toHaveCount(0);
    const boxes = await labels.evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }));
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
  });

  test('projector size: a large example, opened or reloaded, fills the canvas on one axis', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    const filled = async () => {
      const pane = await page.getByTestId('canvas').boundingBox();
      const nodes = await page.locator('.react-flow__node').evaluateAll((els) => {
        const r = els.map((e) => e.getBoundingClientRect());
        return { width: Math.max(...r.map((b) => b.right)) - Math.min(...r.map((b) => b.left)), height: Math.max(...r.map((b) => b.bottom)) - Math.min(...r.map((b) => b.top)) };
      });
      if (!pane) throw new Error('no canvas');
      return Math.max(nodes.width / pane.width, nodes.height / pane.height);
    };
    await openExample(page, 'sns-filter-fanout');
    // The old fixed padding (64 px around, 120 px below) left the 19 nodes 58 % of the height.
    await expect.poll(filled).toBeGreaterThan(0.85);
    await page.waitForTimeout(600); // the autosave is debounced
    await page.reload();
    await expect.poll(filled).toBeGreaterThan(0.85);
  });

  test('dark theme', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
    await expect(node(page, 'jobs')).toBeVisible();
    if ((await page.locator('html').getAttribute('data-theme')) !== 'dark') await page.getByTestId('theme-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await node(page, 'jobs').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot('dark-theme') });
  });

  test('projector size 1280×720 is usable', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await page.getByTestId('open-file').setInputFiles(fixture('work-queue.json'));
    await expect(node(page, 'jobs')).toBeInViewport();
    await expect(page.getByTestId('palette-item-producer')).toBeInViewport();
    await expect(page.getByTestId('inspector')).toBeInViewport();
    await page.waitForTimeout(400);
    await page.screenshot({ path: shot('projector-1280x720') });
  });
});
