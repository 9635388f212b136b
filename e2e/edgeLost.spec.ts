import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { edge, openApp } from './helpers';

/** A partitioned edge shows what it lost: a red "✕ N lost" badge in its label, its count rising while the partition holds. */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

/** The network-partition example without its scheduled faults: the partition here is the one made live. */
function healthyNetwork(): string {
  const scenario = JSON.parse(readFileSync('examples/network-partition.json', 'utf8')) as { faults: object[] };
  scenario.faults = [];
  return `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

/** The edge's badge: in its label, or apart above the nodes when the label is crowded (MessageEdge.tsx). */
const lostOn = (page: Page, id: string) => page.locator(`[data-testid="edge-label-${id}"], [data-testid="edge-lost-apart-${id}"]`).getByTestId('edge-lost');

test('partitioning an edge live from its context menu: a lost badge on it whose count rises', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, healthyNetwork());
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId(`edge-label-sensors--telemetry`).getByTestId('edge-rate')).toBeVisible();
  await expect(page.getByTestId('edge-lost')).toHaveCount(0); // a healthy link loses nothing

  // The edge is short at 1280 wide and its label covers its middle: right-click it near its source end.
  const at = await edge(page, 'sensors--telemetry').locator('.react-flow__edge-interaction').evaluate((el) => {
    const path = el as SVGPathElement;
    const p = path.getPointAtLength(path.getTotalLength() * 0.12).matrixTransform(path.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-partition').click();
  const badge = lostOn(page, 'sensors--telemetry');
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText(/^✕ \d+(\.\d)?k? lost$/);
  // Seen, not hidden under a node: the badge is what the page shows at its own centre (hit-tested with pointer events
  // on: apart from its label, it lets clicks through to the handles it covers).
  expect(await badge.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const apart = el.closest<HTMLElement>('.bl-edge-lost-apart');
    if (apart) apart.style.pointerEvents = 'all';
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    if (apart) apart.style.pointerEvents = '';
    return el.contains(top);
  })).toBe(true);
  const first = Number(await badge.getAttribute('data-value'));
  expect(first).toBeGreaterThan(0);
  // 100 readings a second, all lost while the partition holds: the count rises.
  await expect.poll(async () => Number(await badge.getAttribute('data-value')), { timeout: 10_000 }).toBeGreaterThan(first + 50);
  // Only the partitioned edge has one.
  await expect(page.getByTestId('edge-lost')).toHaveCount(1);
  await page.getByTestId('canvas').screenshot({ path: shot('edge-lost-badge') });

  // After the 5 s partition the link carries again: the count stops where it was, the badge stays.
  await page.getByTestId('run-speed').selectOption('10');
  await expect.poll(async () => {
    const a = Number(await badge.getAttribute('data-value'));
    await page.waitForTimeout(1500);
    return Number(await badge.getAttribute('data-value')) - a;
  }, { timeout: 20_000 }).toBe(0);
  await expect(badge).toHaveAttribute('title', /failed to carry/);
});
