import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { boxesOverlap, edge, node, openApp } from './helpers';

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
  // Seen, not hidden under a node: the badge is what the page shows at its own centre.
  expect(await badge.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
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

/** The network-partition example with its scheduled faults, its nodes `spread` times as far apart as they are. */
function networkExample(spread: number): string {
  const scenario = JSON.parse(readFileSync('examples/network-partition.json', 'utf8')) as { nodes: { position: { x: number } }[] };
  for (const n of scenario.nodes) n.position.x *= spread;
  return `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

// As drawn in the example the label is crowded and the badge sits apart, above the nodes; spread out, it is in the label.
for (const [spread, where] of [[1, 'apart from its label'], [2, 'in its label']] as const) {
  test(`the lost badge ${where} explains itself when hovered`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page, networkExample(spread));
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-play').click();
    await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
    await expect(page.getByTestId('edge-lost-apart-sensors--telemetry')).toHaveCount(spread === 1 ? 1 : 0);
    const badge = lostOn(page, 'sensors--telemetry');
    // The pointer reaches the badge itself (not what lies under it), which says what it counts.
    await badge.hover({ timeout: 5_000 });
    expect(await badge.evaluate((el) => el.matches(':hover'))).toBe(true);
    await expect(badge).toHaveAttribute('title', /^500 messages this link failed to carry \(partition or link loss\)/);
    await page.getByTestId('canvas').screenshot({ path: shot(`edge-lost-hover-spread-${spread}`) });
    if (spread !== 1) return;

    // Apart, it covers the handles at the edge's ends: pressing one through it still starts drawing a new edge from it.
    const handle = (await node(page, 'sensors').locator('.react-flow__handle.source').boundingBox())!;
    expect(boxesOverlap(handle, (await badge.boundingBox())!)).toBe(true);
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 80, handle.y + 120, { steps: 6 });
    await expect(page.locator('.react-flow__connection-path')).toBeVisible();
    await page.mouse.up();
    await expect(page.locator('.react-flow__connection-path')).toHaveCount(0);
  });
}
