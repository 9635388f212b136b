import { expect, test, type Locator, type Page } from '@playwright/test';
import { boxesOverlap, openApp, type Box } from './helpers';

const box = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};
const middle = (b: Box) => b.y + b.height / 2;

/** The top bar's three groups, and the run controls that must read as one line. */
async function topBar(page: Page) {
  const bar = page.locator('header.topbar');
  const groups = await Promise.all(['.topbar-doc', '.topbar-run', '.topbar-end'].map((c) => box(bar.locator(c))));
  const runParts = await Promise.all([
    page.getByTestId('run-play'), page.getByTestId('run-reset'), page.getByTestId('run-speed'),
    page.getByTestId('run-status'), page.getByRole('button', { name: 'Examples' }), page.getByTestId('presenter-toggle'),
  ].map(box));
  return { height: (await box(bar)).height, groups, runParts };
}

test.describe('top bar', () => {
  for (const width of [1024, 1280, 1440]) {
    test(`at ${width} px: two rows, nothing overlaps, the run controls on one line`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await openApp(page);
      const { height, groups, runParts } = await topBar(page);
      const [doc, run, end] = groups as [Box, Box, Box];
      expect(boxesOverlap(doc, run) || boxesOverlap(run, end) || boxesOverlap(doc, end)).toBe(false);
      const [play, reset, speed, status, examples, present] = runParts as Box[];
      // Play, Reset, speed and status share one line, below the document's and view's buttons.
      for (const b of [reset, speed, status]) expect(Math.abs(middle(b!) - middle(play!))).toBeLessThan(6);
      expect(play!.y).toBeGreaterThan(examples!.y + examples!.height - 2);
      expect(Math.abs(middle(examples!) - middle(present!))).toBeLessThan(6);
      expect(height).toBeLessThan(95); // two rows of about 40 px; three took over 100
      await page.screenshot({ path: `e2e-artifacts/topbar-${width}.png`, clip: { x: 0, y: 0, width, height: 120 } });
    });
  }

  test('at 1920 px: one row', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1000 });
    await openApp(page);
    const { height, runParts } = await topBar(page);
    const [play, , , status, examples, present] = runParts as Box[];
    for (const b of [status, examples, present]) expect(Math.abs(middle(b!) - middle(play!))).toBeLessThan(6);
    expect(height).toBeLessThan(60);
  });
});
