import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import lzString from 'lz-string';
import { node, openApp } from './helpers';
import { openPresenter } from './presenterProbes';

/**
 * Lessons: open lessons from the panel, run them, see their checks turn pass or fail as each lesson's own
 * `expect` says (the truth, never hard-coded labels), do the guided experiment, open a lesson from a share
 * link, and show one in the presenter view.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

interface LessonFile {
  id: string;
  title: string;
  experiment: { text: string; fault?: unknown }[];
  expect: { baseline: Record<string, 'pass' | 'fail'>; experiment?: Record<string, 'pass' | 'fail'> };
  scenario: { durationMs?: number };
}

const LESSONS: LessonFile[] = readdirSync('lessons').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`lessons/${f}`, 'utf8')) as LessonFile);

/** Three lessons to run: the ones the issue names when they exist, else others, quickest first. */
const PREFERRED = ['poison-dead-letter', 'competing-consumers', 'request-reply', 'load-levelling', 'one-way'];
const byDuration = [...LESSONS].sort((a, b) => (a.scenario.durationMs ?? 60_000) - (b.scenario.durationMs ?? 60_000));
const CHOSEN = [...PREFERRED.flatMap((id) => LESSONS.filter((l) => l.id === id)), ...byDuration]
  .filter((l, i, all) => all.findIndex((m) => m.id === l.id) === i).slice(0, 3);

/** Each badge drawn over a node other than its own, as "node: badge -> other node". */
async function badgesOnOtherNodes(page: Page): Promise<string[]> {
  return page.locator('.react-flow__nodes').evaluate((layer) => {
    const nodes = [...layer.querySelectorAll<HTMLElement>('.react-flow__node')];
    return nodes.flatMap((own) => [...own.querySelectorAll('.bl-badge')].flatMap((badge) => {
      const b = badge.getBoundingClientRect();
      return nodes.filter((other) => {
        const o = other.getBoundingClientRect();
        return other !== own && b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom;
      }).map((other) => `${own.dataset.id}: ${badge.textContent} -> ${other.dataset.id}`);
    }));
  });
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
}

/** Every check shows the verdict `expected` gives it, as final. */
async function expectVerdicts(page: Page, expected: Record<string, 'pass' | 'fail'>): Promise<void> {
  for (const [id, verdict] of Object.entries(expected)) {
    const check = page.getByTestId(`lesson-check-${id}`);
    await expect(check, `check ${id}`).toHaveAttribute('data-verdict', verdict);
    await expect(check, `check ${id}`).toHaveAttribute('data-final', 'true');
    await expect(check).toContainText(verdict === 'pass' ? '✓' : '✗');
  }
}

async function openFromPanel(page: Page, lesson: LessonFile): Promise<void> {
  await page.getByTestId('lessons-button').click();
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  await page.getByTestId(`lesson-${lesson.id}`).click();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', lesson.id);
  await expect(page.getByTestId('lesson-title')).toHaveText(lesson.title);
}

test('the panel lists every lesson file, none broken', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('lessons-button').click();
  for (const l of LESSONS) await expect(page.getByTestId(`lesson-${l.id}`)).toBeVisible();
  await expect(page.locator('[data-testid^="lesson-broken-"]')).toHaveCount(0);
});

test('Open lesson file…: a teacher\'s own file opens; a broken one says why and keeps the document', async ({ page }) => {
  const [first] = CHOSEN;
  if (!first) throw new Error('no lesson files in lessons/');
  await openApp(page);
  await page.getByTestId('lessons-button').click();
  const broken = { ...first, checks: [] };
  await page.getByTestId('lesson-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByRole('dialog')).toContainText('broken.json is not a valid lesson');
  await expect(page.getByRole('dialog')).toContainText('checks');
  await page.keyboard.press('Escape');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  const own = { ...first, id: 'class-3b', title: 'Class 3b: my lesson' };
  await page.getByTestId('lesson-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(own)) });
  await expect(page.getByTestId('lesson-title')).toHaveText('Class 3b: my lesson');
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  // Closing the lesson keeps its scenario as the document.
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson-list')).toBeVisible();
  await expect(page.getByTestId('lesson-resume')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
});

for (const lesson of CHOSEN) {
  test(`lesson ${lesson.id}: checks give the expected verdicts, then the experiment's`, async ({ page }) => {
    await openApp(page);
    await openFromPanel(page, lesson);
    for (const id of Object.keys(lesson.expect.baseline)) {
      await expect(page.getByTestId(`lesson-check-${id}`)).toHaveAttribute('data-verdict', 'none');
    }
    await runToEnd(page);
    await expectVerdicts(page, lesson.expect.baseline);
    await page.screenshot({ path: shot(`lesson-${lesson.id}-baseline`) });
    // Another document on the canvas: its run is cleared, so the checks judge nothing; Undo brings the lesson's
    // topology back, and Play runs it again to the same verdicts (same scenario, same seed).
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('button', { name: 'New document' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
    for (const id of Object.keys(lesson.expect.baseline)) {
      await expect(page.getByTestId(`lesson-check-${id}`)).toHaveAttribute('data-verdict', 'none');
    }
    await page.keyboard.press('Control+z');
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    for (const id of Object.keys(lesson.expect.baseline)) {
      await expect(page.getByTestId(`lesson-check-${id}`)).toHaveAttribute('data-verdict', 'none');
    }
    await runToEnd(page);
    await expectVerdicts(page, lesson.expect.baseline);

    const experiment = lesson.expect.experiment;
    if (!experiment) return;
    // The lessons run here are chosen for an experiment that breaks something: a check that passed must fail.
    expect(Object.keys(experiment).some((id) => lesson.expect.baseline[id] === 'pass' && experiment[id] === 'fail')).toBe(true);
    // Reset, then "Do it" before Play schedules each fault at its time: the run the lesson's author expected.
    await page.getByTestId('run-reset').click();
    await expect(page.getByTestId('run-status')).toHaveText('idle');
    for (const [i, step] of lesson.experiment.entries()) {
      if (!step.fault) continue;
      await page.getByTestId(`lesson-do-${i}`).click();
      await expect(page.getByTestId(`lesson-step-done-${i}`)).toBeVisible();
      // Undo takes the scheduled fault out of the timeline: the step offers Do it again.
      await page.keyboard.press('Control+z');
      await page.getByTestId(`lesson-do-${i}`).click();
      await expect(page.getByTestId(`lesson-step-done-${i}`)).toContainText('scheduled at');
    }
    await runToEnd(page);
    await expectVerdicts(page, experiment);
    // The experiment's badges ("down", "32 dead-lettered") stay on their own node, off its neighbours.
    expect(await badgesOnOtherNodes(page)).toEqual([]);
    await page.screenshot({ path: shot(`lesson-${lesson.id}-experiment`) });
  });
}

// A student's small laptop, and a classroom screen outside the presenter view: the dock is about 200 px high.
for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
  test(`at ${size.width}x${size.height} every Do it and every check of a lesson can be scrolled to and used`, async ({ page }) => {
    await page.setViewportSize(size);
    const lesson = LESSONS.find((l) => l.id === 'replication-failover') ?? LESSONS[0]!;
    await openApp(page, `/#lesson=${lesson.id}`);
    await expect(page.getByTestId('lesson-view')).toBeVisible();
    // Reading the About text to its end leaves the checks where they were: each column scrolls on its own.
    const about = page.locator('.lesson-about');
    await about.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(about.locator('p, li').last()).toBeInViewport({ ratio: 0.95 });
    const firstCheck = page.getByTestId(`lesson-check-${Object.keys(lesson.expect.baseline)[0]}`);
    await expect(firstCheck).toBeInViewport({ ratio: 0.95 });
    for (const id of Object.keys(lesson.expect.baseline)) {
      const check = page.getByTestId(`lesson-check-${id}`);
      await check.scrollIntoViewIfNeeded();
      // (0.95: a check's 1 px border may round off at its column's edge; a check cut in half would fail.)
      await expect(check, `check ${id}`).toBeInViewport({ ratio: 0.95 });
    }
    for (const [i, step] of lesson.experiment.entries()) {
      if (!step.fault) continue;
      const doIt = page.getByTestId(`lesson-do-${i}`);
      await doIt.scrollIntoViewIfNeeded();
      await expect(doIt, `step ${i}`).toBeInViewport({ ratio: 0.95 });
      await doIt.click();
      await expect(page.getByTestId(`lesson-step-done-${i}`)).toContainText('scheduled at');
    }
    await page.screenshot({ path: shot(`lesson-panel-${size.width}x${size.height}`) });
  });
}

test('Do it during a run injects the fault now, through the live-fault path', async ({ page }) => {
  const lesson = CHOSEN.find((l) => l.experiment.some((s) => (s.fault as { type?: string } | undefined)?.type === 'crash'));
  test.skip(!lesson, 'no chosen lesson crashes a node in its experiment');
  if (!lesson) return;
  const index = lesson.experiment.findIndex((s) => (s.fault as { type?: string } | undefined)?.type === 'crash');
  const target = (lesson.experiment[index]!.fault as { target: string }).target;
  await openApp(page, `/#lesson=${lesson.id}`);
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-play').click();
  await expect.poll(async () => Number(await page.getByTestId('run-events').getAttribute('data-events'))).toBeGreaterThan(0);
  await page.getByTestId(`lesson-do-${index}`).click();
  // Done now, not at the lesson's time: the line says when, so later steps' times can be read against it.
  await expect(page.getByTestId(`lesson-step-done-${index}`)).toContainText(/done live at [\d.]+ s.*\(the lesson times it at [\d.]+ s\)/);
  await expect(node(page, target).getByTestId('stat-down')).toBeVisible();
  await page.getByTestId('dock-tab-log').click();
  await expect(page.getByTestId('dock')).toContainText(`Fault: crash ${target}`);
  // Opening the lesson logged its load, not a Seed or a Reset the teacher never pressed.
  await expect(page.getByTestId('run-log').locator('[data-kind="seed"]')).toHaveCount(0);
  await expect(page.getByTestId('run-log').locator('[data-kind="reset"]')).toHaveCount(0);
});

test('a lesson link opens the lesson with its scenario; a teacher\'s own lesson travels in the link', async ({ page }) => {
  const [first] = CHOSEN;
  if (!first) throw new Error('no lesson files in lessons/');
  await openApp(page, `/#lesson=${first.id}`);
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', first.id);
  await expect(page.getByTestId('run-seed')).toHaveValue(String((first.scenario as { seed?: number }).seed ?? 1));

  // A teacher's own lesson: the whole file in the link, shared back from the panel.
  const own = { ...first, id: 'my-own-lesson', title: 'My own lesson' };
  await openApp(page, `/#lesson-data=${lzString.compressToEncodedURIComponent(JSON.stringify(own))}`);
  await expect(page.getByTestId('lesson-title')).toHaveText('My own lesson');
  await page.getByTestId('lesson-share').click();
  await expect(page.getByTestId('share-dialog')).toContainText('Share this lesson');
  // It promises the lesson as written, not the teacher's Do it faults (which the link does not carry).
  await expect(page.getByTestId('share-dialog')).toContainText('does not carry the faults you scheduled with Do it');
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#lesson-data=');

  // A broken link says why and keeps the document.
  await page.keyboard.press('Escape');
  await page.goto('/#lesson=no-such-lesson');
  await expect(page.getByRole('dialog')).toContainText('no-such-lesson');
});

/** The canvas's zoom (React Flow's viewport transform). */
async function canvasZoom(page: Page): Promise<number> {
  const style = await page.locator('.react-flow__viewport').getAttribute('style') ?? '';
  return Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? NaN);
}

/** Every node lies inside the presenter's canvas box. */
async function nodesInsideCanvas(page: Page): Promise<boolean> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.querySelectorAll('.react-flow__node')].every((n) => {
      const r = n.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
  });
}

/** Charts redraw every few hundred ms to 3 s: waits until the presenter's chart has drawn the end of the run. */
async function presenterChartCaughtUp(page: Page, lesson: LessonFile): Promise<void> {
  const endS = (lesson.scenario.durationMs ?? 60_000) / 1000;
  await expect.poll(async () => Number(await page.getByTestId('presenter-chart').getAttribute('data-last-t'))).toBeGreaterThan(endS - 1);
}

test('presenter view: canvas, one chart and the checks in large type; P and Esc', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const [first] = CHOSEN;
  if (!first) throw new Error('no lesson files in lessons/');
  await openApp(page, `/#lesson=${first.id}`);
  await expect(page.getByTestId('lesson-view')).toBeVisible();
  await page.getByTestId('presenter-toggle').click();
  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(page.getByTestId('palette-item-queue')).toHaveCount(0);
  // The canvas takes most of the screen; the chart and checks strip below it stays compact.
  const canvasBox = (await page.getByTestId('presenter-canvas').boundingBox())!;
  const stripBox = (await page.locator('.presenter-bottom').boundingBox())!;
  expect(canvasBox.height).toBeGreaterThan(0.6 * 720);
  expect(stripBox.height).toBeLessThan(0.37 * 720);
  expect(stripBox.y + stripBox.height).toBeCloseTo(720, 0);
  // Node names as the room sees them: the font size times the canvas zoom.
  const titlePx = await page.locator('.react-flow__node .bl-node-title strong').first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * (el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight));
  expect(titlePx).toBeGreaterThanOrEqual(18);
  await expect.poll(() => nodesInsideCanvas(page)).toBe(true);
  await runToEnd(page);
  await presenterChartCaughtUp(page, first);
  await expectVerdicts(page, first.expect.baseline);
  const size = await page.getByTestId(`lesson-check-${Object.keys(first.expect.baseline)[0]}`).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: shot('presenter-1280x720') });
  // A projector switching to a larger resolution: the canvas refits, zooming in, every node still in view.
  const zoomBefore = await canvasZoom(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => canvasZoom(page)).toBeGreaterThan(zoomBefore * 1.2);
  await expect.poll(() => nodesInsideCanvas(page)).toBe(true);
  await page.screenshot({ path: shot('presenter-1920x1080') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('dock')).toBeVisible();
  await expect(page.getByTestId('lesson-view')).toHaveAttribute('data-lesson', first.id);
});

test('the presenter chart draws a finished run to its end at once, not at its next throttled redraw', async ({ page }) => {
  const [first] = CHOSEN;
  if (!first) throw new Error('no lesson files in lessons/');
  await page.clock.install();
  await openApp(page, `/#lesson=${first.id}`);
  await page.getByTestId('presenter-toggle').click();
  await expect(page.getByTestId('presenter')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  // The page's timers are held from here: the chart's throttled polls cannot run, so only the redraw when the
  // run stops can draw it (the run itself goes on in its worker).
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5_000));
  const titleWidth = async () => (await page.locator('.presenter-title').boundingBox())!.width;
  const idleWidth = await titleWidth();
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
  await presenterChartCaughtUp(page, first);
  // Play/Pause and the status keep their width: the title (and its ellipsis) did not move.
  expect(await titleWidth()).toBeCloseTo(idleWidth, 0);
});

/** Every edge curve and edge label lies inside the presenter's canvas box, top to bottom. */
async function edgesInsideCanvas(page: Page): Promise<string[]> {
  return page.getByTestId('presenter-canvas').evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    return [...canvas.querySelectorAll('.react-flow__edge-path, .bl-edge-label')].flatMap((el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && (r.top < box.top - 1 || r.bottom > box.bottom + 1) ? [`${el.closest('[data-id]')?.getAttribute('data-id') ?? el.className.toString()}`] : [];
    });
  });
}

test('presenter view: nested reply loops and their labels stay in view at 1280x720', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.id === 'publish-async-response');
  test.skip(!lesson, 'no publish-async-response lesson');
  await openPresenter(page, 'publish-async-response', { width: 1280, height: 720 });
  await expect.poll(() => edgesInsideCanvas(page)).toEqual([]);
  // At the end the requester carries a late/unmatched badge: taller, so the loops around it move.
  await runToEnd(page);
  await expect.poll(() => edgesInsideCanvas(page)).toEqual([]);
  await page.screenshot({ path: shot('presenter-reply-loops-1280x720') });
});

/** Starts recording every height the presenter's strip takes (a ResizeObserver reports the current one first). */
async function recordStripHeights(page: Page): Promise<void> {
  await page.locator('.presenter-bottom').evaluate((strip) => {
    const heights: number[] = [];
    (window as unknown as { stripHeights: number[] }).stripHeights = heights;
    new ResizeObserver((entries) => { for (const e of entries) heights.push(e.contentRect.height); }).observe(strip);
  });
}
const stripHeights = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { stripHeights: number[] }).stripHeights);
const stripHeight = async (page: Page): Promise<number> => (await page.locator('.presenter-bottom').boundingBox())!.height;

// request-reply: a check's label wrapped beside "not run yet" and not beside its verdict (the strip shrank at the end);
// publish-async-response: one wrapped while its figure grew during the run (the strip grew, then shrank).
for (const id of ['request-reply', 'publish-async-response']) {
  test(`presenter view: the checks strip keeps one height before, during and after a run (${id}, 1280x720)`, async ({ page }) => {
    const lesson = LESSONS.find((l) => l.id === id);
    test.skip(!lesson, `no ${id} lesson`);
    if (!lesson) return;
    await openPresenter(page, id, { width: 1280, height: 720 });
    await expect.poll(() => nodesInsideCanvas(page)).toBe(true);
    for (const check of Object.keys(lesson.expect.baseline)) await expect(page.getByTestId(`lesson-check-${check}`)).toHaveAttribute('data-verdict', 'none');
    const before = await stripHeight(page);
    await recordStripHeights(page);
    await page.screenshot({ path: shot(`presenter-strip-${id}-not-run`) });

    // Running: verdicts "so far".
    await page.getByTestId('run-play').click();
    await expect(page.locator('.lesson-check[data-final="false"]:not([data-verdict="none"])').first()).toBeVisible();
    expect(await stripHeight(page)).toBe(before);
    await page.getByTestId('run-speed').selectOption('max');
    await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
    await expectVerdicts(page, lesson.expect.baseline);
    await presenterChartCaughtUp(page, lesson);
    expect(await stripHeight(page)).toBe(before);
    // Not even for a moment in between (the canvas refits on any change of the strip).
    expect(new Set(await stripHeights(page)).size).toBe(1);
    await page.screenshot({ path: shot(`presenter-strip-${id}-verdicts`) });
  });
}
