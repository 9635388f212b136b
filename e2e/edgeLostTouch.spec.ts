import { expect, test, type CDPSession, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { boxesOverlap, node } from './helpers';

/**
 * On a touch screen, the lost badge set apart over the nodes' handles (edgeLost.spec.ts does it with a mouse): a
 * finger pressed on the badge where a handle lies beneath draws a new edge from that handle, as a mouse does.
 */
test.use({ hasTouch: true });

/** The network-partition example as drawn: its label is crowded, so the partitioned edge's badge sits apart, over the handles. */
const NETWORK = `/#scenario=${lzString.compressToEncodedURIComponent(readFileSync('examples/network-partition.json', 'utf8'))}`;

/** A finger on the screen: Chromium's own touch input (hit-tested by the browser, with its pointer and touch events). */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number; y: number }): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y, id: 1 }] : [] });
}

async function openRunToEnd(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(NETWORK);
  await page.evaluate(() => localStorage.clear());
  await page.goto(NETWORK);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
}

test('a finger pressed on the lost badge over a handle draws a new edge from the handle', async ({ page }) => {
  await openRunToEnd(page);
  const badge = page.getByTestId('edge-lost-apart-sensors--telemetry').getByTestId('edge-lost');
  await expect(badge).toBeVisible();
  const handle = (await node(page, 'sensors').locator('.react-flow__handle.source').boundingBox())!;
  expect(boxesOverlap(handle, (await badge.boundingBox())!)).toBe(true);
  const at = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  // The finger lands on the badge, not the handle: the badge is what the page shows there.
  expect(await badge.evaluate((el, p) => el.contains(document.elementFromPoint(p.x, p.y)), at)).toBe(true);

  const cdp = await page.context().newCDPSession(page);
  await touch(cdp, 'touchStart', at);
  for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', { x: at.x + 14 * i, y: at.y + 20 * i });
  await expect(page.locator('.react-flow__connection-path')).toBeVisible();
  await page.getByTestId('canvas').screenshot({ path: '/tmp/ui-polish-touch-drag.png' });
  await touch(cdp, 'touchEnd');
  await expect(page.locator('.react-flow__connection-path')).toHaveCount(0);
  // Nothing else moved: the canvas did not pan under the finger.
  expect(await node(page, 'sensors').locator('.react-flow__handle.source').boundingBox()).toEqual(handle);
});

test('a finger pressed on the lost badge away from any handle draws nothing', async ({ page }) => {
  await openRunToEnd(page);
  const badge = page.getByTestId('edge-lost-apart-sensors--telemetry').getByTestId('edge-lost');
  const box = (await badge.boundingBox())!;
  const handles = await page.locator('.react-flow__handle').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }));
  // A spot on the badge with no handle under it.
  const spots = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => ({ x: box.x + box.width * f, y: box.y + box.height / 2 }));
  const free = spots.find((p) => !handles.some((h) => boxesOverlap(h, { x: p.x - 1, y: p.y - 1, width: 2, height: 2 })));
  expect(free).toBeDefined();
  const cdp = await page.context().newCDPSession(page);
  await touch(cdp, 'touchStart', free!);
  for (let i = 1; i <= 6; i++) await touch(cdp, 'touchMove', { x: free!.x + 14 * i, y: free!.y + 20 * i });
  await expect(page.locator('.react-flow__connection-path')).toHaveCount(0);
  await touch(cdp, 'touchEnd');
});
