import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { boxesOverlap, openApp, type Box } from './helpers';

/**
 * Notices ("Opened …") stand in the empty end of the dock's tab row, off the canvas: for its few seconds,
 * "Opened …" covers no node, no edge and no edge label (at the canvas's top right it hid a node), nor a tab.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

const EXAMPLES = readdirSync('examples').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as { name: string });

const viewTransform = (page: Page): Promise<string> => page.locator('.react-flow__viewport').evaluate((v: HTMLElement) => v.style.transform);

/** What the notice would hide: every node, edge curve and edge label drawn, by id, with its box on the page. */
async function drawing(page: Page): Promise<{ what: string; box: Box }[]> {
  return page.getByTestId('canvas').evaluate((canvas) => [...canvas.querySelectorAll('.react-flow__node, .react-flow__edge-path, .bl-edge-label')]
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { what: `${el.className.toString().split(' ')[0]} ${el.closest('[data-id]')?.getAttribute('data-id') ?? ''}`, box: { x: r.x, y: r.y, width: r.width, height: r.height } };
    })
    .filter((p) => p.box.width > 0 && p.box.height > 0));
}

// One test per example, each on a fresh page: no notice of an earlier example is still on screen, and none needs
// dismissing (a notice goes by itself after a few seconds, which on a loaded machine raced a click on its Dismiss).
for (const { name } of EXAMPLES) {
  test(`opening "${name}" at 1280x720: the "Opened …" notice covers nothing of the drawing`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    await page.getByRole('button', { name: 'Examples' }).click();
    await page.getByTestId('examples-dialog').locator('button.example-item', { hasText: name }).first().click();
    const notice = page.getByTestId('toast').filter({ hasText: `Opened “${name}”` });
    await expect(notice).toBeVisible();
    // The fit on opening has happened and settled (a fit waits 50 ms, then animates for 200 ms).
    await expect.poll(async () => { const t = await viewTransform(page); await page.waitForTimeout(300); return t === await viewTransform(page); }).toBe(true);
    const box = (await notice.boundingBox())!;
    const covered = (await drawing(page)).filter((p) => boxesOverlap(box, p.box)).map((p) => p.what);
    expect(covered, name).toEqual([]);
    expect(boxesOverlap(box, (await page.getByTestId('canvas').boundingBox())!), `${name}: over the canvas`).toBe(false);
    for (const tab of await page.getByRole('tab').all()) expect(boxesOverlap(box, (await tab.boundingBox())!), `${name}: over a tab`).toBe(false);
    if (name.startsWith('Broker failover')) await page.screenshot({ path: shot('notice-opened-broker-failover') });
  });
}
