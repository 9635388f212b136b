import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './helpers';

/**
 * The dock's default height on small laptops: a chart card shows whole (title, plot, time axis, legend) and the
 * Lessons tab several lessons, without scrolling the dock or dragging the splitter. A teacher on a 1366×768 laptop
 * had a 200 px dock: the legends and axis titles were below the fold and the lesson list showed two lessons whole.
 */

/** How far `inner` reaches past the visible part of `outer` (its box within the window), in px on each side; all ≤ 0 when inside. */
async function overflow(inner: Locator, outer: Locator): Promise<{ top: number; bottom: number; left: number; right: number }> {
  const box = await inner.evaluate((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; });
  const frame = await outer.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.max(0, r.top), bottom: Math.min(window.innerHeight, r.bottom), left: Math.max(0, r.left), right: Math.min(window.innerWidth, r.right) };
  });
  return { top: frame.top - box.top, bottom: box.bottom - frame.bottom, left: frame.left - box.left, right: box.right - frame.right };
}

const inside = { top: 0, bottom: 0, left: 0, right: 0 };
const within = (o: typeof inside) => ({ top: Math.max(0, o.top), bottom: Math.max(0, Math.ceil(o.bottom)), left: Math.max(0, o.left), right: Math.max(0, o.right) });

async function runExample(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId(`example-${file}`).click();
  await page.getByTestId('run-play').click();
  await expect.poll(async () => Number(await page.getByTestId('chart-throughput').getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
}

for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('a chart card shows whole in the dock: title, plot, time axis and legend', async ({ page }) => {
      await openApp(page);
      await runExample(page, 'competing-consumers');
      const body = page.locator('.dock-body');
      await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
      for (const id of ['chart-throughput', 'chart-latency', 'chart-queue-depth']) {
        const card = page.getByTestId(id);
        const legend = card.locator('.recharts-legend-wrapper');
        await expect(legend).toBeVisible();
        expect(within(await overflow(legend, body)), `${id}'s legend`).toEqual(inside);
        expect(within(await overflow(card, body)), `${id}`).toEqual(inside);
      }
      await page.screenshot({ path: `e2e-artifacts/dock-charts-${size.width}x${size.height}.png` });
    });

    test('the Lessons tab shows at least three lessons whole', async ({ page }) => {
      await openApp(page);
      await page.getByTestId('dock-tab-lessons').click();
      const list = page.locator('.lesson-groups');
      await expect(list.locator('.lesson-item').first()).toBeVisible();
      const whole = await list.evaluate((groups) => {
        const g = groups.getBoundingClientRect();
        const bottom = Math.min(g.bottom, window.innerHeight);
        return [...groups.querySelectorAll('.lesson-item')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= g.top && r.bottom <= bottom + 0.5 && r.height > 0;
        }).length;
      });
      expect(whole).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: `e2e-artifacts/dock-lessons-${size.width}x${size.height}.png` });
    });
  });
}

/**
 * The Summary's tables fit a 1280-pixel screen: no kind's node table (nor a pattern table) scrolls sideways, for the
 * examples whose tables have the most columns (21 for sync-vs-async-chain's consumers, 19 for ttl's queues). A
 * shortened header keeps its figure's whole name in its title; a rounded figure its exact value in its own.
 */
test.describe('the Summary at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const file of ['sync-vs-async-chain', 'ttl-and-length-limit', 'order-pipeline', 'poison-dlq', 'async-mirror-loss']) {
    test(`${file}: every table fits without a sideways scroll bar`, async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Examples' }).click();
      await page.getByTestId(`example-${file}`).click();
      await page.getByTestId('run-speed').selectOption('max');
      await page.getByTestId('run-play').click();
      await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
      await page.getByTestId('dock-tab-summary').click();
      const scrollers = page.getByTestId('summary').locator('.summary-node-scroll');
      await expect(scrollers.first()).toBeVisible();
      const tables = await scrollers.evaluateAll((els) => els.map((el) => ({
        name: el.closest('[data-testid]')?.getAttribute('data-testid') ?? '?',
        columns: el.querySelectorAll('thead th').length - 1, scroll: el.scrollWidth, client: el.clientWidth,
      })));
      expect(Math.max(...tables.map((t) => t.columns)), 'a table with many columns').toBeGreaterThanOrEqual(15);
      for (const t of tables) expect(t.scroll, `${t.name} (${t.columns} columns)`).toBeLessThanOrEqual(t.client + 1);
      // The page itself does not scroll sideways either.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      const shortened = page.locator('[data-testid^="summary-column-"][data-label]').filter({ hasText: /\./ });
      if (await shortened.count() > 0) {
        const first = shortened.first();
        expect(await first.getAttribute('title')).toContain(`${await first.getAttribute('data-label')}:`);
      }
      const most = tables.reduce((best, t, i) => (t.columns > tables[best]!.columns ? i : best), 0);
      await scrollers.nth(most).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `e2e-artifacts/summary-fit-${file}.png` });
    });
  }
});

test.describe('the splitter', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a height the user chose is kept across a reload, even below the default', async ({ page }) => {
    await openApp(page);
    const splitter = page.getByRole('separator', { name: 'Resize the dock' });
    const initial = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await splitter.press('ArrowDown');
    await splitter.press('ArrowDown');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(initial - 48));
    await page.reload();
    await expect(splitter).toHaveAttribute('aria-valuenow', String(initial - 48));
    expect((await page.getByTestId('dock').boundingBox())?.height).toBe(initial - 48);
  });
});
