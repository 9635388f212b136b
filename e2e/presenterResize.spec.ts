import { expect, test, type Page } from '@playwright/test';
import { labelFaultsWhile, openPresenter, presentAndRun } from './presenterProbes';

/**
 * A projector changing resolution mid-lesson: the presenter refits the canvas to the new size, and its edge labels
 * must then be laid out as a fresh open at that size lays them out: every label shown, none over another, none over a
 * node's handle, none in type too small to read (the checks of presenterLabels.spec.ts), looked at for 3 s before and
 * after (an edge's label gains its rate as the edge gets busy). Scatter-gather's "buyer--quote-requests" was hidden at
 * both sizes: its nodes' handles touched, and its label found no place beside an edge of no length (the lesson now leaves
 * room, src/schema/nodeOverlaps.ts crampedEdges; labelPlacement.ts still places such a label, tested there).
 */
const SMALL = { width: 1024, height: 768 };
const WIDE = { width: 1280, height: 720 };
const NONE = { hidden: [], overlapping: [], small: [], onHandles: [] };
/**
 * Lessons with many edges, their labels near one another: scatter-gather (where the bug was) both ways, the two others
 * one way each (each test looks for 6 s; both ways for all three cost CI a minute and a half for little more).
 */
const RESIZES = [
  ['scatter-gather', WIDE, SMALL], ['scatter-gather', SMALL, WIDE], ['priority', WIDE, SMALL], ['recipient-list', SMALL, WIDE],
] as const;

for (const [id, from, to] of RESIZES) {
  {
    test(`presenter resized mid-run ${from.width}x${from.height} → ${to.width}x${to.height}: ${id}'s edge labels all show, legibly, apart`, async ({ page }) => {
      await presentAndRun(page, id, from);
      await page.waitForTimeout(1_000);
      const shot = (when: string) => (id === 'scatter-gather' ? page.screenshot({ path: `/tmp/presenter-resize-${id}-${from.width}-to-${to.width}-${when}.png` }) : null);
      await shot('before');
      expect(await labelFaultsWhile(page), `at ${from.width}x${from.height}`).toEqual(NONE);
      await page.setViewportSize(to);
      // The refit waits for the size to settle (useRefitOnResize.ts); the labels follow the new zoom a render later.
      await page.waitForTimeout(1_000);
      await shot('after');
      expect(await labelFaultsWhile(page), `resized to ${to.width}x${to.height}`).toEqual(NONE);
    });
  }
}

/** Where each label is on the screen, and its fit, in id order. */
async function labelPlaces(page: Page): Promise<string[]> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => [...canvas.querySelectorAll<HTMLElement>('.bl-edge-label')].map((el) => {
    const r = el.getBoundingClientRect();
    return `${el.dataset.testid} ${el.dataset.fit} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
  }).sort());
}

// Nothing the layout kept from the size before may show after the refit: before a run (no rates coming and going),
// the labels after a resize and back are where a fresh open at that size puts them.
for (const [size, other] of [[SMALL, WIDE], [WIDE, SMALL]] as const) {
  test(`presenter resized to ${other.width}x${other.height} and back to ${size.width}x${size.height}: scatter-gather's labels where a fresh open puts them`, async ({ page }) => {
    await openPresenter(page, 'scatter-gather', size);
    await page.waitForTimeout(1_000);
    const fresh = await labelPlaces(page);
    await page.setViewportSize(other);
    await page.waitForTimeout(1_000);
    expect(await labelPlaces(page)).not.toEqual(fresh);
    await page.setViewportSize(size);
    await page.waitForTimeout(1_000);
    expect(await labelPlaces(page)).toEqual(fresh);
  });
}
