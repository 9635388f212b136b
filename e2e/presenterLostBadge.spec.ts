import { expect, test } from '@playwright/test';
import lzString from 'lz-string';
import { readFileSync } from 'node:fs';
import { openApp } from './helpers';
import { labelFaults, LEGIBLE_PX, seenLabels } from './presenterProbes';

/**
 * The network-partition example with nodes above and below the gap between the sensors and the telemetry exchange:
 * the partitioned edge's label has no place in the presenter (crowded, left out), so what the link lost shows apart.
 */
function crowdedNetwork(): string {
  const scenario = JSON.parse(readFileSync('examples/network-partition.json', 'utf8')) as { nodes: object[] };
  for (const [id, y] of [['above', -20], ['below', 160]] as const) {
    scenario.nodes.push({ id, kind: 'queue', position: { x: 130, y } });
  }
  return `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;
}

test('presenter: a crowded label\'s lost badge, apart, shows in the labels\' legible type, over no label', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, crowdedNetwork());
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
  await expect(page.getByTestId('edge-label-sensors--telemetry')).toHaveAttribute('data-fit', 'crowded');
  const apart = page.getByTestId('edge-lost-apart-sensors--telemetry');
  await expect(apart).toBeVisible();
  await page.screenshot({ path: '/tmp/presenter-resize-lost-apart.png' });
  const labels = (await seenLabels(page)).filter((l) => l.id !== 'edge-label-sensors--telemetry');
  const badge = labels.find((l) => l.id === 'edge-lost-apart-sensors--telemetry');
  expect(badge?.px).toBeGreaterThanOrEqual(LEGIBLE_PX);
  expect(labelFaults(labels)).toMatchObject({ hidden: [], overlapping: [], small: [] });
});
