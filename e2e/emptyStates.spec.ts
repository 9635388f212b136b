import { expect, test, type Page } from '@playwright/test';
import lzString from 'lz-string';
import { edge, openApp } from './helpers';

/**
 * An empty list says "yet" only while the run can still add to it: once the run has finished, nothing more
 * will come, and the Audit's faults, an edge's last message and the charts say so for the whole run.
 */
const share = (scenario: object) => `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;

/** A short run with no faults, a queue nobody publishes to, and samples too far apart for any to be taken. */
const quiet = {
  version: 3, name: 'Quiet', seed: 3, durationMs: 3000, metrics: { sampleIntervalMs: 10_000 },
  nodes: [
    { id: 'p1', kind: 'producer', position: { x: 0, y: 0 }, config: { arrival: { type: 'constant', ratePerSec: 20 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 0 } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 0 } },
    { id: 'q2', kind: 'queue', position: { x: 300, y: 240 } },
    { id: 'c2', kind: 'consumer', position: { x: 600, y: 240 } },
  ],
  edges: [
    { id: 'p1-q1', source: 'p1', target: 'q1' },
    { id: 'q1-c1', source: 'q1', target: 'c1' },
    { id: 'q2-c2', source: 'q2', target: 'c2' },
  ],
};

const shot = (name: string) => `e2e-artifacts/${name}.png`;

async function expectEmptyStates(page: Page, texts: { faults: string; edge: string; chart: string }): Promise<void> {
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-no-faults')).toHaveText(texts.faults);
  await expect(page.getByTestId('edge-no-message')).toHaveText(texts.edge);
  await page.getByTestId('dock-tab-charts').click();
  await expect(page.getByTestId('chart-throughput')).toContainText(texts.chart);
}

test('empty lists say "yet" while the run goes on, and "in this run" once it has finished', async ({ page }) => {
  await openApp(page, share(quiet));
  await expect(edge(page, 'q2-c2')).toHaveCount(1);
  await page.locator('.react-flow__edge[data-id="q2-c2"] .react-flow__edge-interaction').click({ force: true });
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expectEmptyStates(page, { faults: 'None yet.', edge: 'No message has entered this edge yet.', chart: 'No samples yet: press Play.' });

  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await expectEmptyStates(page, { faults: 'None in this run.', edge: 'No message entered this edge in this run.', chart: 'No samples in this run.' });
  await page.getByTestId('dock-tab-audit').click();
  await page.screenshot({ path: shot('empty-states-finished-audit') });
  // Finished, Play says what it does: it runs again from the start.
  await expect(page.getByTestId('run-play')).toHaveText('Replay');
  await expect(page.getByTestId('run-play')).toHaveAttribute('title', /again from the start/);
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect(page.getByTestId('run-play')).toHaveText('Pause');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-play')).toHaveText('Play');
  expect(await page.getByTestId('run-clock').textContent()).toMatch(/^00:0\d\./); // from the start, not the end
});
