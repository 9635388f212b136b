import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { boxesOverlap, clockSeconds, node, openApp, openExample, runToEndShowingCharts, shareLink } from './helpers';

/**
 * Faults: crash things on purpose from the canvas, see the fault on the charts and the topology down, read
 * the delivery-guarantee audit, and replay the recorded fault exactly after Reset.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;
const inspector = (page: Page) => page.getByTestId('inspector');

/** The audit figures that must be the same in a replay. */
async function auditFigures(page: Page): Promise<Record<string, string | null>> {
  const ids = ['produced', 'deliveredOnce', 'deliveredMoreThanOnce', 'duplicates', 'lost', 'deadLettered', 'outOfOrder',
    'lost-lostAfterAutoAck', 'c1-processed', 'c1-lost', 'c1-duplicates', 'c1-guarantee'];
  const out: Record<string, string | null> = {};
  for (const id of ids) out[id] = await page.getByTestId(`audit-${id}`).getAttribute('data-value');
  return out;
}

const autoAck = {
  version: 3, name: 'Auto-ack crash', seed: 7, durationMs: 40_000,
  nodes: [
    // More than the consumer can take (50/s against about 42/s): whenever the crash comes, it holds deliveries, which
    // auto-ack loses. At 40/s the queue was sometimes empty at that moment and nothing was lost (1 or 2 runs in 6).
    { id: 'p1', kind: 'producer', position: { x: 0, y: 80 }, config: { arrival: { type: 'constant', ratePerSec: 50 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 80 } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 80 }, config: { ackMode: 'auto', prefetch: 20, serviceTimeMs: { type: 'exponential', mean: 24 } } },
  ],
  edges: [
    { id: 'p1-q1', source: 'p1', target: 'q1', config: { delayMs: 0 } },
    { id: 'q1-c1', source: 'q1', target: 'c1', config: { delayMs: 0 } },
  ],
};

test('crash an auto-ack consumer from the canvas: the chart marks it, the audit counts the loss, Reset replays it', async ({ page }) => {
  await openApp(page, shareLink(autoAck));
  await expect(node(page, 'c1')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(2);

  // Right-click the consumer: crash it for 5 s.
  await node(page, 'c1').click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Slow ×3 for 10 s');
  await menu.getByTestId('fault-action-crash').click();
  await expect(menu).toHaveCount(0);
  // Paused at once: at 2× its 5 s crash is over 2.5 s of wall time later, which a loaded CI machine once took to check it.
  await page.getByTestId('run-play').click(); // pause
  await expect(page.getByTestId('run-status')).toHaveText('paused');
  await expect(node(page, 'c1').getByTestId('stat-down')).toBeVisible();
  await expect(node(page, 'c1').locator('.bl-node')).toHaveAttribute('data-down', 'true');

  // The fault is on the charts' time axis, labelled.
  const chart = page.getByTestId('chart-throughput');
  await expect.poll(async () => Number(await chart.getAttribute('data-fault-marks'))).toBeGreaterThan(0);
  await expect(chart.locator('.recharts-reference-area, .recharts-reference-line').first()).toBeVisible();
  await expect(chart.getByRole('application')).toContainText('crash c1');
  await page.screenshot({ path: shot('faults-crashed-consumer-chart') });

  // Run to the end, then read the audit.
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await expect(node(page, 'c1').getByTestId('stat-down')).toHaveCount(0); // restarted after 5 s
  // What the crash lost is the lost badge, not a processing failure: nothing failed to process.
  expect(Number(await node(page, 'c1').getByTestId('stat-lost').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(node(page, 'c1').getByTestId('stat-failed')).toHaveAttribute('data-value', '0');
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit')).toBeVisible();
  expect(Number(await page.getByTestId('audit-lost').getAttribute('data-value'))).toBeGreaterThan(0);
  const loss = page.locator('[data-testid="audit-loss"][data-reason="lostAfterAutoAck"]');
  await expect(loss.getByTestId('audit-loss-label')).toHaveText('auto-ack crash');
  expect(Number(await page.getByTestId('audit-lost-lostAfterAutoAck').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(page.getByTestId('audit-c1-guarantee')).toHaveText('at-most-once');
  expect(Number(await page.getByTestId('audit-c1-lost').getAttribute('data-value'))).toBeGreaterThan(0);
  const first = await auditFigures(page);
  await page.screenshot({ path: shot('faults-audit-tab') });

  // The live fault is in the document's timeline (scenario inspector) …
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const row = inspector(page).getByTestId('fault-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-type', 'crash');
  await expect(row).toHaveAttribute('data-target', 'c1');
  await expect(row).toContainText('live');
  expect(Number(await row.getAttribute('data-at'))).toBeGreaterThan(2000);
  await expect(row.locator('[data-path="faults.0.durationMs"]')).toHaveValue('5000');
  await inspector(page).getByTestId('fault-timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('faults-timeline-inspector') });

  // … so Reset and a replay give the same audit.
  await page.getByTestId('run-reset').click();
  await expect(page.getByTestId('run-clock')).toHaveText('00:00.000');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await expect.poll(() => auditFigures(page)).toEqual(first);
});

const quorum = {
  version: 3, name: 'Quorum failover', seed: 3, durationMs: 30_000,
  nodes: [
    { id: 'b1', kind: 'broker', position: { x: 240, y: 320 } },
    { id: 'b2', kind: 'broker', position: { x: 480, y: 320 } },
    { id: 'b3', kind: 'broker', position: { x: 720, y: 320 } },
    { id: 'p1', kind: 'producer', position: { x: 0, y: 60 }, config: { arrival: { type: 'poisson', ratePerSec: 20 }, persistent: true, confirms: { window: 50 } } },
    { id: 'q1', kind: 'queue', position: { x: 300, y: 60 }, config: { flavor: 'quorum', brokers: ['b1', 'b2', 'b3'] } },
    { id: 'c1', kind: 'consumer', position: { x: 600, y: 60 }, config: { serviceTimeMs: { type: 'exponential', mean: 20 } } },
  ],
  edges: [
    { id: 'p1-q1', source: 'p1', target: 'q1', config: { delayMs: 0 } },
    { id: 'q1-c1', source: 'q1', target: 'c1', config: { delayMs: 0 } },
  ],
};

test('a 3-broker quorum queue: crash the leader broker and the leader badge moves', async ({ page }) => {
  await openApp(page, shareLink(quorum));
  const placement = node(page, 'q1').getByTestId('placement');
  await expect(placement).toHaveAttribute('data-leader', 'b1');
  await expect(placement).toContainText('b1★');
  await expect(node(page, 'b1').getByTestId('node-summary')).toHaveText('hosts 1 queue');
  await page.getByTestId('run-play').click();
  await expect.poll(() => clockSeconds(page)).toBeGreaterThan(1);

  await node(page, 'b1').click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-crashOpen').click();
  await expect(node(page, 'b1').getByTestId('stat-down')).toBeVisible();
  await expect(placement.getByTestId('placement-b1')).toHaveClass(/down/);
  // A1.13: after the election delay (1 s) a surviving replica leads.
  await expect(placement).toHaveAttribute('data-leader', 'b2', { timeout: 15_000 });
  await expect(placement).toContainText('b2★');
  await expect(node(page, 'q1').getByTestId('stat-down')).toHaveCount(0);
  await page.getByTestId('run-play').click(); // pause
  await page.screenshot({ path: shot('faults-quorum-failover-canvas') });

  await node(page, 'q1').click();
  await expect(inspector(page).getByTestId('placement-row')).toHaveCount(3);
  await inspector(page).getByTestId('queue-placement').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('faults-queue-placement-inspector') });

  // Restart is offered on the crashed broker, in the inspector too.
  await node(page, 'b1').click();
  await expect(inspector(page).getByTestId('fault-button-restart')).toBeVisible();
  await inspector(page).getByTestId('fault-button-restart').click();
  // The restart is a heal of the crash, applied at once: the paused run shows the broker back up.
  await expect(node(page, 'b1').getByTestId('stat-down')).toHaveCount(0);

  // Links break too: right-click an edge.
  await page.locator('.react-flow__edge[data-id="p1-q1"] .react-flow__edge-interaction').click({ button: 'right', force: true });
  const menu = page.getByTestId('fault-menu');
  await expect(menu.getByRole('menuitem')).toHaveText(['Add 200 ms delay ± 50 ms', '20% loss', 'Partition for 5 s', 'Corrupt 20% for 10 s']);
  await menu.getByTestId('fault-action-partition').click();
  await page.getByTestId('dock-tab-audit').click();
  await expect(page.getByTestId('audit-faults')).toContainText('partition p1-q1 for 5 s');
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await expect(inspector(page).getByTestId('fault-row')).toHaveCount(3); // crash b1, its restart, the partition
});

/**
 * The quorum cluster above, its leader b1 crashing at 5 s while ~20 ms of writes (a follower is 20 ms away) are on
 * it alone: 500 msg/s published, of which the consumer takes 200, so those writes are still in the queue.
 */
const fasterWrites: Record<string, object> = {
  p1: { arrival: { type: 'constant', ratePerSec: 500 }, persistent: true, confirms: { window: 1000 } },
  c1: { serviceTimeMs: { type: 'constant', value: 5 } },
};
const unconfirmedWrites = {
  ...quorum, name: 'Writes lost before their confirm', seed: 1, durationMs: 10_000,
  nodes: quorum.nodes.map((n) => ({ ...n, config: n.kind === 'broker' ? { replicationDelayMs: 20 } : fasterWrites[n.id] ?? n.config })),
  faults: [{ type: 'crash', target: 'b1', atMs: 5000.5, durationMs: 3000 }],
};

test('the Summary tells writes a quorum failover lost before their confirm from losses the broker answers for', async ({ page }) => {
  await openApp(page, shareLink(unconfirmedWrites));
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await page.getByTestId('dock-tab-summary').click();

  // A1.13: the writes no majority held yet are lost with the leader, never confirmed (A1.6): none is the broker's loss.
  const figure = async (field: string) => Number(await page.getByTestId(`summary-node-q1-${field}`).getAttribute('data-value'));
  const lost = Number(await page.getByTestId('summary-dropped-unreplicatedOnFailover').getAttribute('data-value'));
  expect(lost).toBeGreaterThan(0);
  expect(await figure('lostBeforeConfirm')).toBe(lost);
  // The broker's loss is 0 on every queue: no column, but named under the queues' table.
  await expect(page.getByTestId('summary-node-q1-lostOnOutage')).toHaveCount(0);
  await expect(page.getByTestId('summary-zero-queue-lostOnOutage')).toHaveText('lost on outage');
  // Each figure says what it counts.
  await expect(page.getByTestId('summary-column-queue-lostBeforeConfirm')).toHaveAttribute('title', /never told they were safe/);
  await expect(page.getByTestId('summary-zero-queue-lostOnOutage')).toHaveAttribute('title', /nobody will send them again/);
  // Headers are the figures' names, as the CLI's (in short words, the whole name in data-label and the title), in the
  // order a message passes them, in the queues' own table.
  await expect(page.getByTestId('summary-column-queue-lostBeforeConfirm')).toHaveText('lost unconf.');
  await expect(page.getByTestId('summary-column-queue-lostBeforeConfirm')).toHaveAttribute('data-label', 'lost unconfirmed');
  await expect(page.getByTestId('summary-column-queue-lostBeforeConfirm')).toHaveAttribute('title', /^lost unconfirmed: /);
  await expect(page.getByTestId('summary-column-queue-maxReady')).toHaveText('max ready');
  const queues = page.getByTestId('summary-nodes-queue');
  const headers = await queues.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-label') ?? th.textContent ?? ''));
  expect(headers.slice(0, 2)).toEqual(['node', 'flavor']);
  const at = (h: string) => { expect(headers).toContain(h); return headers.indexOf(h); };
  expect(at('flavor')).toBeLessThan(at('in'));
  expect(at('in')).toBeLessThan(at('out'));
  expect(at('out')).toBeLessThan(at('lost unconfirmed'));
  // No producer's or consumer's figure in the queues' table.
  expect(headers).not.toContain('confirmed');
  expect(headers).not.toContain('busy');
  // On a narrow screen, scrolled sideways to the far columns, each row still shows its node's name at the table's left edge.
  await page.setViewportSize({ width: 1024, height: 720 });
  const far = queues.locator('thead th').last();
  await far.scrollIntoViewIfNeeded();
  const scroller = queues.locator('.summary-node-scroll');
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const nameBox = (await page.locator('[data-node-id="q1"] th').boundingBox())!;
  const scrollerBox = (await scroller.boundingBox())!;
  expect(Math.abs(nameBox.x - scrollerBox.x)).toBeLessThan(2);
  await page.getByTestId('summary-column-queue-lostBeforeConfirm').hover();
  await page.screenshot({ path: shot('faults-summary-lost-before-confirm') });
});

test('fault labels on a chart never print over each other: overlapping faults stack into rows, or show shorter', async ({ page }) => {
  // Exactly-once example: a link delay on each producer's edge and a slow consumer between them, close in time.
  await openExample(page, 'Exactly-once processing');
  await runToEndShowingCharts(page);
  const chart = page.getByTestId('chart-throughput');
  const labels = chart.locator('text.fault-mark-label');
  await expect.poll(() => labels.count()).toBeGreaterThanOrEqual(2);
  const boxes = await labels.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `labels ${i} and ${j} overlap`).toBe(false);
  }
  // The whole text is there on hover.
  await expect(labels.first().locator('title')).toHaveText(/link delay/);
  await chart.screenshot({ path: shot('faults-chart-labels') });
});

test('competing consumers lose a crashed queue\'s messages once as a group, not once per worker', async ({ page }) => {
  const workers = ['w1', 'w2', 'w3'];
  await openApp(page, shareLink({
    version: 3, name: 'Workers on a crashed queue', seed: 7, durationMs: 20_000,
    nodes: [
      { id: 'p1', kind: 'producer', position: { x: 0, y: 160 }, config: { arrival: { type: 'constant', ratePerSec: 200 }, count: 1000 } },
      { id: 'q1', kind: 'queue', position: { x: 300, y: 160 } },
      ...workers.map((id, i) => ({ id, kind: 'consumer', position: { x: 600, y: i * 160 }, config: { prefetch: 5, serviceTimeMs: { type: 'constant', value: 20 } } })),
    ],
    edges: [{ id: 'p1-q1', source: 'p1', target: 'q1' }, ...workers.map((id) => ({ id: `q1-${id}`, source: 'q1', target: id }))],
    faults: [{ atMs: 2000, target: 'q1', type: 'crash', durationMs: 1000 }],
  }));
  await expect(node(page, 'w3')).toBeVisible();
  await expect(page.getByTestId('run-duration')).toHaveText('/ 00:20.000'); // the link's duration, before any Play
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 30_000 });
  await page.getByTestId('dock-tab-audit').click();
  const group = page.getByTestId('audit-competing');
  await expect(group).toBeVisible();
  await expect(group.getByTestId('audit-group-w1,w2,w3')).toContainText('q1');
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  const groupLost = await value('audit-group-w1,w2,w3-lost');
  expect(groupLost).toBeGreaterThan(0);
  // Every worker's row is charged with all of the shared queue's losses; the group's row counts each once.
  for (const w of workers) expect(await value(`audit-${w}-lost`)).toBe(groupLost);
  expect((await value('audit-group-w1,w2,w3-processed')) + groupLost).toBe(await value('audit-produced'));
  await expect(page.getByTestId('audit-group-w1,w2,w3-guarantee')).toHaveText('at-most-once');
  await expect(page.getByTestId('audit')).toContainText('their rows do not add up');
  await expect(page.getByTestId('audit-replies-note')).toHaveCount(0); // no requester here
  await group.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('faults-audit-competing') });
});

test('at 1280x720 (the narrowest sidebar) a fault\'s parameter keeps its box and its unit on one line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const { scenario } = JSON.parse(readFileSync('lessons/auto-vs-manual-ack.json', 'utf8')) as { scenario: { edges: { id: string }[] } };
  const link = scenario.edges[0]!.id;
  await openApp(page, shareLink({ ...scenario, faults: [
    { type: 'poison', target: 'orders-api', atMs: 27000, count: 3 },
    { type: 'linkDelay', target: link, atMs: 5000, durationMs: 10000, addMs: 200, jitterMs: 50 }] }));
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const rows = inspector(page).getByTestId('fault-row');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).scrollIntoViewIfNeeded();
  // Each parameter's label, box and unit share one line ("send [3] messages", "+ [200] ms", "± [50] ms"), inside the row.
  for (const [i, keys] of [[0, ['count']], [1, ['addMs', 'jitterMs']]] as const) {
    const row = (await rows.nth(i).boundingBox())!;
    for (const key of keys) {
      const param = rows.nth(i).locator('.fault-param').filter({ has: page.locator(`[data-path="faults.${i}.${key}"]`) });
      const parts = await param.locator(':scope > *').evaluateAll((els) => els.map((el) => el.getBoundingClientRect())
        .map((r) => ({ mid: r.top + r.height / 2, left: r.left, right: r.right })));
      expect(parts, key).toHaveLength(3);
      for (const p of parts) {
        expect(Math.abs(p.mid - parts[1]!.mid), `${key}: one line`).toBeLessThan(3);
        expect(p.right, `${key}: inside its row`).toBeLessThanOrEqual(row.x + row.width);
      }
    }
  }
  await expect(rows.nth(0)).toContainText('send');
  await rows.nth(0).screenshot({ path: shot('fault-row-poison-1280') });
  await rows.nth(1).screenshot({ path: shot('fault-row-link-delay-1280') });
});

test('the Log tab lists the document\'s scheduled faults when the run reaches them, with their ends', async ({ page }) => {
  await openExample(page, 'Consumer crash');
  await runToEndShowingCharts(page);
  await page.getByTestId('dock-tab-log').click();
  const faults = page.getByTestId('run-log').locator('[data-kind="fault"]');
  // Newest first: the example crashes auto-worker at 12 s and manual-worker at 22 s, 4 s each.
  await expect(faults.locator('time')).toHaveText(['00:26.000', '00:22.000', '00:16.000', '00:12.000']);
  await expect(faults.locator('span')).toHaveText([
    'Fault over: crash manual-worker', 'Fault: crash manual-worker for 4 s', 'Fault over: crash auto-worker', 'Fault: crash auto-worker for 4 s',
  ]);
  await page.screenshot({ path: shot('faults-log') });
});
