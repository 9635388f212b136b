import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import lzString from 'lz-string';
import { boxesOverlap, node, openApp } from './helpers';
import { legibility, NAME_PX, nameSizes, openPresenter, outsideCanvas, runToEnd, settledView, viewTransform } from './presenterProbes';

/**
 * The presenter view on a projector: the canvas holds still while the run changes the nodes, unless
 * something would leave the view, the nodes' names and figures read from the back of a room, and the lesson's
 * checks all fit in the strip below it.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

const LESSONS = readdirSync('lessons').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as { id: string; checks: unknown[] });

/** Starts recording every pan and zoom of the canvas (React Flow's viewport transform) from now on. */
async function recordViewMoves(page: Page): Promise<void> {
  await page.locator('.react-flow__viewport').evaluate((viewport: HTMLElement) => {
    const moves: string[] = [];
    (window as unknown as { viewMoves: string[] }).viewMoves = moves;
    new MutationObserver(() => moves.push(viewport.style.transform)).observe(viewport, { attributes: true, attributeFilter: ['style'] });
  });
}
const viewMoves = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { viewMoves: string[] }).viewMoves);
const height = async (page: Page, id: string): Promise<number> => (await node(page, id).boundingBox())!.height;

/**
 * Makes a node `px` taller, as a row of figures appearing mid-run would. Whether the run's own rows appear
 * depends on the room the presenter gives the node (wider nodes in a spread-out drawing keep one row), so the
 * refit rules are tested with a growth of known size.
 */
async function grow(page: Page, id: string, px: number): Promise<void> {
  await node(page, id).locator('.bl-node').evaluate((el, h) => {
    const row = document.createElement('div');
    row.style.height = `${h}px`;
    el.append(row);
  }, px);
}

test('presenter: a node growing inside the view does not move it (request-reply: a requester gains a row)', async ({ page }) => {
  await openPresenter(page, 'request-reply', { width: 1280, height: 720 });
  await expect.poll(() => outsideCanvas(page)).toEqual([]);
  const before = { view: await settledView(page), checkout: await height(page, 'checkout') };
  await page.screenshot({ path: shot('presenter-grow-request-reply-before') });
  await recordViewMoves(page);
  await runToEnd(page);
  await grow(page, 'checkout', 24);
  await page.waitForTimeout(1_000);
  // The requester did grow, and everything is still in view...
  expect(await height(page, 'checkout')).toBeGreaterThan(before.checkout + 10);
  expect(await outsideCanvas(page)).toEqual([]);
  // ...so the view never moved: not during the run, not at its end.
  expect(await viewMoves(page)).toEqual([]);
  expect(await viewTransform(page)).toBe(before.view);
  await page.screenshot({ path: shot('presenter-grow-request-reply-after') });
});

test('presenter: a node growing refits the view when its reply loops would leave it (publish-async-response)', async ({ page }) => {
  await openPresenter(page, 'publish-async-response', { width: 1280, height: 720 });
  await expect.poll(() => outsideCanvas(page)).toEqual([]);
  const before = await settledView(page);
  // The requester gains rows: the reply loops around it go below the canvas's bottom.
  await runToEnd(page);
  await grow(page, 'quote-request', 240);
  await expect.poll(() => outsideCanvas(page)).toEqual([]);
  expect(await viewTransform(page)).not.toBe(before);
  await page.screenshot({ path: shot('presenter-grow-publish-async-response-after') });
});

// The lessons with the longest names, the most rows (replication-failover, the tallest, fits by its height)
// and the most columns (priority, whose two lanes differ only by their names' ends), and a plain one.
for (const id of ['priority', 'replication-failover', 'security-integrity', 'poison-dead-letter', 'recipient-list', 'sync-vs-async', 'one-way']) {
  test(`presenter at 1280x720: every node name of ${id} shows whole, at 18 px or more on the screen`, async ({ page }) => {
    await openPresenter(page, id, { width: 1280, height: 720 });
    await settledView(page);
    const seen = await legibility(page);
    expect({ names: seen.names, overlapping: seen.overlapping }).toEqual({ names: { small: [], cut: [] }, overlapping: [] });
    expect(await outsideCanvas(page)).toEqual([]);
    await page.screenshot({ path: shot(`presenter-names-${id}`) });
    // Back in the editor, the document's own positions and the editor's type: nothing was moved for good.
    await page.keyboard.press('Escape');
    await expect(page.locator('.react-flow__node .bl-node-title strong').first()).toHaveCSS('font-size', '13px');
    const { scenario } = JSON.parse(readFileSync(`lessons/${id}.json`, 'utf8')) as { scenario: { nodes: { id: string; position: { x: number; y: number } }[] } };
    for (const n of scenario.nodes) {
      await expect(node(page, n.id)).toHaveCSS('transform', `matrix(1, 0, 0, 1, ${n.position.x}, ${n.position.y})`);
    }
  });
}

/**
 * request-reply drawn the other way round: its two requesters (236 px wide, not 200) in the right column, three columns
 * spread to fill the width. The presenter sized its names for a fit 36 px narrower than the drawn nodes (every node taken
 * for 200 px wide), so the fit zoomed out further than it reckoned and every name showed about 5 % small (19.3 px).
 */
const REQUESTERS_RIGHT = (() => {
  const lesson = JSON.parse(readFileSync('lessons/request-reply.json', 'utf8')) as { id: string; scenario: { nodes: { id: string; kind: string; position: { x: number; y: number } }[] } };
  const x: Record<string, number> = { 'responder-1': 0, 'responder-2': 0, 'rpc-requests': 390, checkout: 780, 'pricing-feed': 780 };
  for (const n of lesson.scenario.nodes) n.position = { x: x[n.id]!, y: n.position.y };
  return { ...lesson, id: 'requesters-on-the-right' };
})();

for (const size of [{ width: 1280, height: 720 }, { width: 1024, height: 600 }]) {
  test(`presenter at ${size.width}x${size.height}: requesters at the right edge are whole on the canvas, every name at ${NAME_PX} px on the screen`, async ({ page }) => {
    await openPresenter(page, REQUESTERS_RIGHT, size);
    await settledView(page);
    expect(await outsideCanvas(page)).toEqual([]);
    const canvas = (await page.getByTestId('presenter-canvas').boundingBox())!;
    for (const id of ['checkout', 'pricing-feed']) {
      const box = (await node(page, id).boundingBox())!;
      expect(box.x + box.width, `${id}'s right side`).toBeLessThanOrEqual(canvas.x + canvas.width);
    }
    // The names the size the presenter sets them for: the zoom it reckoned with is the zoom the fit picked.
    for (const [id, px] of Object.entries(await nameSizes(page))) expect(px, id).toBeCloseTo(NAME_PX, 0);
    const seen = await legibility(page);
    expect({ names: seen.names, overlapping: seen.overlapping }).toEqual({ names: { small: [], cut: [] }, overlapping: [] });
    await page.screenshot({ path: shot(`presenter-requesters-right-${size.width}`) });
  });
}

// Every lesson's live figures at the end of its run, and its edge labels during it, are checked at 1280x720 with the
// lesson's other labels, on one opened page: presenterLabels.spec.ts.

test('presenter: the "opened from a lesson link" notice does not cover the canvas', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.clock.install();
  await openApp(page, '/#lesson=security-integrity');
  const notice = page.getByTestId('toast').filter({ hasText: 'from a lesson link' });
  await expect(notice).toBeVisible();
  // Time stands still from here: the notice shows for 4 s, and on a loaded machine the steps below took longer.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 500));
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(notice).toBeHidden();
  await page.screenshot({ path: shot('presenter-no-notice') });
  // Back in the editor (its timer held by the paused clock) the notice is there again: it was only kept off the projector.
  await page.keyboard.press('Escape');
  await expect(notice).toBeVisible();
});

const MOST_CHECKS = Math.max(...LESSONS.map((l) => l.checks.length));
const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }, { width: 1024, height: 768 }];

// The lessons with the most checks (six): every check in sight at a projector's usual resolutions.
for (const { id } of LESSONS.filter((l) => l.checks.length === MOST_CHECKS)) {
  test(`presenter: all ${MOST_CHECKS} checks of ${id} fit in the strip, clear of the screen's edge`, async ({ page }) => {
    await openPresenter(page, id, SIZES[0]!);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const strip = page.locator('.presenter-bottom');
      // The strip has followed the new size to the screen's bottom.
      await expect.poll(async () => { const b = (await strip.boundingBox())!; return b.y + b.height; }).toBeCloseTo(size.height, 0);
      const box = (await strip.boundingBox())!;
      const checks = (await page.locator('.presenter-checks').boundingBox())!;
      const last = (await page.locator('.lesson-check').last().boundingBox())!;
      const where = `${id} at ${size.width}x${size.height}`;
      // The strip inside the screen; the last check inside the strip's (unscrolled) checks, a margin above the screen's edge.
      expect(box.y, where).toBeGreaterThanOrEqual(0);
      expect(last.y, where).toBeGreaterThanOrEqual(checks.y);
      expect(last.y + last.height, where).toBeLessThanOrEqual(checks.y + checks.height);
      expect(last.y + last.height, where).toBeLessThanOrEqual(size.height - 6);
      await expect(page.locator('.presenter-checks'), where).toHaveJSProperty('scrollTop', 0);
      // The canvas keeps most of the screen.
      expect((await page.getByTestId('presenter-canvas').boundingBox())!.height, where).toBeGreaterThan(0.55 * size.height);
      // The steps to do go above the chart, one line each, over neither the checks nor the chart, which keeps room for its ticks.
      const steps = (await page.getByTestId('presenter-steps').boundingBox())!;
      const chart = (await page.getByTestId('presenter-chart').boundingBox())!;
      expect(boxesOverlap(steps, checks), where).toBe(false);
      expect(boxesOverlap(steps, chart), where).toBe(false);
      expect(chart.height, where).toBeGreaterThan(140);
      for (const doIt of await page.getByTestId('presenter-steps').locator('.lesson-do').all()) {
        const b = (await doIt.boundingBox())!;
        expect(b.x + b.width, where).toBeLessThanOrEqual(steps.x + steps.width + 1);
      }
      await page.screenshot({ path: shot(`presenter-checks-${id}-${size.width}x${size.height}`) });
    }
  });
}

test('presenter: Esc with the fault menu open closes only the menu; a second Esc leaves the presenter', async ({ page }) => {
  await openPresenter(page, 'competing-consumers', { width: 1280, height: 720 });
  await node(page, 'worker-2').click({ button: 'right' });
  await expect(page.getByTestId('fault-menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('fault-menu')).toHaveCount(0);
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
});

// A refit the app makes by itself (here a node grows until it would leave the view; also a projector's new resolution
// and the fits on opening) is no pan or zoom of the user's: the menu they opened stays. It used to close, so a
// right-click just after opening the presenter, or as a node gained a row mid-run, showed no menu.
test('presenter: the fault menu stays open while the view refits by itself', async ({ page }) => {
  await openPresenter(page, 'publish-async-response', { width: 1280, height: 720 });
  const before = await settledView(page);
  await node(page, 'quote-request').click({ button: 'right' });
  const menu = page.getByTestId('fault-menu');
  await expect(menu).toBeVisible();
  await grow(page, 'quote-request', 240);
  await expect.poll(() => viewTransform(page), 'the view refits').not.toBe(before);
  await settledView(page);
  await expect(menu).toBeVisible();
  await page.screenshot({ path: shot('presenter-fault-menu-after-refit') });
  // The user's own zoom (a wheel over the canvas, away from the menu) still closes it.
  const canvas = (await page.getByTestId('presenter-canvas').boundingBox())!;
  await page.mouse.move(canvas.x + 40, canvas.y + 40);
  await page.mouse.wheel(0, -200);
  await expect(menu).toHaveCount(0);
});

/** The on-screen boxes of the text elements `selector` finds in the presenter's chart, with their text. */
async function chartTexts(page: Page, selector: string): Promise<{ text: string; x: number; y: number; width: number; height: number }[]> {
  return page.getByTestId('presenter-chart').locator(selector).evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
  }));
}

test('presenter at 1280x720: the chart marks a crash on its time axis, legibly, and labels every value tick', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page, '/#lesson=competing-consumers');
  await page.getByTestId('lesson-do-0').click(); // crash worker-2 at 10 s, for good
  await expect(page.getByTestId('lesson-step-done-0')).toContainText('scheduled at');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await runToEnd(page);
  const chart = page.getByTestId('presenter-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-fault-marks'))).toBe(1);
  await expect(chart.locator('.fault-mark-crash')).toHaveCount(1);
  const [label] = await chartTexts(page, 'text.fault-mark-label');
  expect(label?.text).toBe('crash worker-2crash worker-2'); // the label, then its <title>
  expect(label!.height, 'the label is projector type').toBeGreaterThanOrEqual(16);
  const box = (await chart.boundingBox())!;
  expect(label!.x + label!.width, 'the label ends inside the chart').toBeLessThanOrEqual(box.x + box.width);

  // Every value tick labelled: all five of recharts' ticks (its tickCount), evenly spaced. Its default left out every other
  // one here (0, 80, 160; the grid follows the labels, so nothing else shows the gap) and elsewhere made 0, 150, 300, 600.
  // None prints over another or over the crash's label.
  const ticks = await chartTexts(page, 'text.recharts-cartesian-axis-tick-value[orientation="left"]');
  const values = ticks.map((t) => Number(t.text));
  expect(values, 'every tick labelled').toHaveLength(5);
  for (const [i, v] of values.entries()) expect(v, values.join(', ')).toBe(i * values[1]!);
  const boxes = [...ticks, label!];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(boxesOverlap(boxes[i]!, boxes[j]!), `${boxes[i]!.text} / ${boxes[j]!.text}`).toBe(false);
  }
  await chart.screenshot({ path: shot('presenter-chart-crash-mark') });
  await page.screenshot({ path: shot('presenter-crash-mark-1280x720') });
});

test('presenter at 1280x720: Do it on a lesson step, from the presenter: the step reads done, when and until when, and the chart marks the fault', async ({ page }) => {
  await openPresenter(page, 'pub-sub', { width: 1280, height: 720 });
  const steps = page.getByTestId('presenter-steps');
  const doIt = steps.getByTestId('lesson-do-0');
  await expect(steps.getByTestId('presenter-step-0')).toContainText('crash billing-service');
  await expect(doIt).toBeVisible();
  // Readable from the back of the room, and over neither the canvas nor the chart.
  const px = await doIt.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(16);
  const bar = (await steps.boundingBox())!;
  for (const id of ['presenter-canvas', 'presenter-chart']) expect(boxesOverlap(bar, (await page.getByTestId(id).boundingBox())!), id).toBe(false);
  await page.screenshot({ path: shot('presenter-steps-pub-sub-before') });

  // During the run: the fault happens now, and the step says when and until when, on its one line (the strip keeps its height).
  const strip = (await page.locator('.presenter-bottom').boundingBox())!;
  await page.getByTestId('run-play').click();
  await expect.poll(async () => page.getByTestId('run-clock').textContent()).not.toBe('00:00.000');
  await doIt.click();
  const done = steps.getByTestId('lesson-step-done-0');
  await expect(done).toContainText(/done live at [\d.]+ s, until [\d.]+ s/);
  await expect(doIt).toHaveCount(0);
  // The status may lose its end ("(the lesson times it at 10 s)"), never its "until": measure the text up to it.
  const shown = await done.evaluate((el) => {
    const text = [...el.childNodes].find((n) => /until/.test(n.textContent ?? ''))!;
    const end = /until [\d.]+ s/.exec(text.textContent ?? '')!;
    const range = document.createRange();
    range.setStart(el.firstChild!, 0);
    range.setEnd(text, end.index + end[0].length);
    return { needed: range.getBoundingClientRect().width, width: el.clientWidth, right: el.getBoundingClientRect().right };
  });
  expect(shown.needed, 'the status shows when and until when').toBeLessThanOrEqual(shown.width);
  expect(shown.right).toBeLessThanOrEqual(1280);
  expect((await page.locator('.presenter-bottom').boundingBox())!).toEqual(strip);
  await page.getByTestId('run-speed').selectOption('max');
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
  const chart = page.getByTestId('presenter-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-fault-marks'))).toBe(1);
  await expect(chart.locator('.fault-mark-crash')).toHaveCount(1);
  await page.screenshot({ path: shot('presenter-steps-pub-sub-done') });

  // One step state: the lesson panel, back in the editor, reads the same.
  const text = await done.textContent();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByTestId('lesson-steps').getByTestId('lesson-step-done-0')).toHaveText(text!);
});

test('presenter at 1280x720: a lesson opened with the teacher\'s run says so on one line; one opened as written does not', async ({ page }) => {
  const faults = [
    { type: 'crash', target: 'auto-worker', atMs: 12_000, durationMs: 4000, live: true },
    { type: 'slow', target: 'manual-worker', atMs: 6100, durationMs: 10_000, factor: 3, live: true },
    { type: 'poison', target: 'orders-api', atMs: 30_000, count: 2, live: true },
  ];
  await openPresenter(page, 'auto-vs-manual-ack', { width: 1280, height: 720 });
  await expect(page.getByTestId('presenter-teacher-run')).toHaveCount(0);
  await page.keyboard.press('Escape');

  const run = `/#lesson-run=${lzString.compressToEncodedURIComponent(JSON.stringify({ lesson: 'auto-vs-manual-ack', seed: 7, faults }))}`;
  await openApp(page, run);
  await page.keyboard.press('p');
  const note = page.getByTestId('presenter-teacher-run');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Includes your teacher’s faults (seed 7): crash auto-worker at 12 s, for 4 s · slow manual-worker ×3 at 6.1 s, for 10 s');
  // Every fault, whole, in its tooltip (the line is cut at the screen's edge).
  await expect(note).toHaveAttribute('title', /slow manual-worker ×3 at 6\.1 s \(done live\), for 10 s\n• 2 poison messages from orders-api at 30 s \(done live\)$/);
  // One line in the strip's type, across the strip, off the canvas.
  const box = await note.evaluate((el) => {
    const style = getComputedStyle(el);
    return { px: parseFloat(style.fontSize), lines: el.getBoundingClientRect().height / parseFloat(style.lineHeight), right: el.getBoundingClientRect().right };
  });
  expect(box.px).toBeGreaterThanOrEqual(20);
  expect(box.lines).toBeCloseTo(1, 1);
  expect(box.right).toBeLessThanOrEqual(1280);
  expect(boxesOverlap((await note.boundingBox())!, (await page.getByTestId('presenter-canvas').boundingBox())!)).toBe(false);
  await expect(page.getByTestId('presenter-steps').getByTestId('lesson-step-done-0')).toContainText('by your teacher');
  await page.screenshot({ path: shot('presenter-teacher-run-1280x720') });

  // Doing a step the teacher did not leaves the strip as it was.
  const strip = (await page.locator('.presenter-bottom').boundingBox())!;
  await page.getByTestId('presenter-steps').getByTestId('lesson-do-1').click();
  await expect(page.getByTestId('presenter-steps').getByTestId('lesson-step-done-1')).toBeVisible();
  expect((await page.locator('.presenter-bottom').boundingBox())!).toEqual(strip);
  await page.screenshot({ path: shot('presenter-teacher-run-step-done') });
});
