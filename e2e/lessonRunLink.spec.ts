import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import lzString from 'lz-string';
import { node, openApp } from './helpers';

/**
 * "A link that opens the same run for every student": a teacher opens a lesson, does a step live and triggers a live
 * fault from the canvas, runs to the end, and shares the lesson with that run. A student who opens the link in a fresh
 * page gets the lesson, is told which faults are the teacher's and when, and Play gives the very figures the teacher saw.
 */
const shot = (name: string) => `e2e-artifacts/${name}.png`;

interface LessonFile { id: string; experiment: { fault?: { type: string; target: string } }[]; checks: { id: string }[]; scenario: { nodes: { id: string; kind: string }[] } }
const LESSON = JSON.parse(readFileSync('lessons/competing-consumers.json', 'utf8')) as LessonFile;
const STEP = LESSON.experiment.findIndex((s) => s.fault?.type === 'crash');
const CRASHED = LESSON.experiment[STEP]!.fault!.target;
/** A consumer the step does not crash: the teacher slows it from the canvas's fault menu. */
const SLOWED = LESSON.scenario.nodes.find((n) => n.kind === 'consumer' && n.id !== CRASHED)!.id;

const inspector = (page: Page) => page.getByTestId('inspector');

async function clockS(page: Page): Promise<number> {
  const [m, s] = ((await page.getByTestId('run-clock').textContent()) ?? '00:00.000').split(':');
  return Number(m) * 60 + Number(s);
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByTestId('run-speed').selectOption('max');
  if ((await page.getByTestId('run-status').textContent()) !== 'running') await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout: 45_000 });
}

/** What the run shows: every node's exact live figures, the clock, the event count, and each check's verdict and value. */
async function figuresShown(page: Page): Promise<Record<string, string>> {
  const stats = await page.locator('.react-flow__node [data-testid^="stat-"]').evaluateAll((els) => els.map((el) =>
    [`${el.closest('.react-flow__node')?.getAttribute('data-id')}.${el.getAttribute('data-testid')}`, el.getAttribute('data-value') ?? '']));
  const checks = await Promise.all(LESSON.checks.map(async (c) => {
    const check = page.getByTestId(`lesson-check-${c.id}`);
    return [`check.${c.id}`, `${await check.getAttribute('data-verdict')} ${await check.locator('.lesson-check-value').textContent()}`];
  }));
  return Object.fromEntries([...stats, ...checks,
    ['clock', (await page.getByTestId('run-clock').textContent()) ?? ''],
    ['events', (await page.getByTestId('run-events').getAttribute('data-events')) ?? '']]);
}

test('a lesson shared with the teacher\'s run replays it for the student: same faults, same figures', async ({ page, browser }) => {
  // The teacher: the lesson, a step done live, a live fault from the canvas, then the run to its end.
  await openApp(page, `/#lesson=${LESSON.id}`);
  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-play').click();
  await expect.poll(() => clockS(page)).toBeGreaterThan(2);
  await page.getByTestId(`lesson-do-${STEP}`).click();
  await expect(page.getByTestId(`lesson-step-done-${STEP}`)).toContainText('done live at');
  await expect.poll(() => clockS(page)).toBeGreaterThan(4);
  await node(page, SLOWED).click({ button: 'right' });
  await page.getByTestId('fault-menu').getByTestId('fault-action-slow').click();
  await runToEnd(page);
  const teacher = await figuresShown(page);
  // The crash was for good: the figures are of the run with the teacher's faults, not the lesson as written.
  await expect(node(page, CRASHED).getByTestId('stat-down')).toBeVisible();
  expect(Number(teacher.events)).toBeGreaterThan(0);
  expect(Object.keys(teacher).length).toBeGreaterThan(15); // every node's figures, not an empty page's

  // Share: the dialog offers the lesson as written (as before) or with this run, and lists the run's faults.
  await page.getByTestId('lesson-share').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog.getByTestId('share-choice-written')).toBeChecked();
  await expect(dialog.getByTestId('share-url')).toHaveValue(new RegExp(`#lesson=${LESSON.id}$`));
  await dialog.getByTestId('share-choice-run').check();
  await expect(dialog.getByTestId('share-run-faults')).toContainText(new RegExp(`crash ${CRASHED} at [\\d.]+ s \\(done live\\), until the end`));
  await expect(dialog.getByTestId('share-run-faults')).toContainText(new RegExp(`slow ${SLOWED} ×[\\d.]+ at [\\d.]+ s \\(done live\\), for 10 s`));
  await expect(dialog.getByTestId('share-receives')).toContainText('with your run');
  await expect(dialog.getByTestId('share-run-edited')).toHaveCount(0);
  const url = await dialog.getByTestId('share-url').inputValue();
  expect(url).toContain('#lesson-run=');
  expect(url.length).toBeLessThan(600); // a built-in lesson travels by id: only the run is in the link
  await dialog.screenshot({ path: shot('lesson-run-link-share-dialog') });

  // The student, in a fresh page with nothing saved: the lesson, the teacher's faults, said on screen.
  const student = await browser.newPage({ viewport: page.viewportSize() ?? undefined });
  await openApp(student, url.slice(url.indexOf('/#')));
  await expect(student.getByTestId('lesson-view')).toHaveAttribute('data-lesson', LESSON.id);
  const note = student.getByTestId('lesson-teacher-run');
  await expect(note).toContainText('This run includes your teacher’s faults');
  await expect(note).toContainText(new RegExp(`crash ${CRASHED} at [\\d.]+ s \\(done live\\)`));
  await expect(note).toContainText(new RegExp(`slow ${SLOWED} ×[\\d.]+ at [\\d.]+ s \\(done live\\)`));
  // The step the teacher did reads done (Do it would add the crash a second time), at the teacher's time.
  await expect(student.getByTestId(`lesson-step-done-${STEP}`)).toContainText(/done live by your teacher at [\d.]+ s/);
  await expect(student.getByTestId(`lesson-do-${STEP}`)).toHaveCount(0);
  // The faults are in the document's timeline, at the times they happened for the teacher.
  await student.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  const rows = inspector(student).getByTestId('fault-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-target', CRASHED);
  await expect(rows.nth(1)).toHaveAttribute('data-target', SLOWED);
  await student.screenshot({ path: shot('lesson-run-link-student') });

  // Play to the same time: the figures equal the teacher's, every one of them.
  await runToEnd(student);
  expect(await figuresShown(student)).toEqual(teacher);
  await student.screenshot({ path: shot('lesson-run-link-student-finished') });

  // A tampered run (a fault on a node the lesson does not have) is refused with its path; the student keeps everything.
  const payload = JSON.parse(lzString.decompressFromEncodedURIComponent(url.slice(url.indexOf('#lesson-run=') + 12))) as { faults: { target: string }[] };
  payload.faults[0]!.target = 'no-such-node';
  await student.evaluate((hash) => { window.location.hash = hash; }, `#lesson-run=${lzString.compressToEncodedURIComponent(JSON.stringify(payload))}`);
  await expect(student.getByRole('dialog')).toContainText('This lesson link holds an invalid run');
  await expect(student.getByRole('dialog')).toContainText('faults[0].target');
  await student.keyboard.press('Escape');
  await expect(student.getByTestId('lesson-teacher-run')).toBeVisible();
  await expect(student.getByTestId('run-status')).toHaveText('finished');
  expect(await figuresShown(student)).toEqual(teacher);

  // A link cut short when copied says it is damaged, and keeps the document too.
  await student.evaluate((hash) => { window.location.hash = hash; }, url.slice(url.indexOf('#lesson-run='), -20));
  await expect(student.getByRole('dialog')).toContainText('damaged');
  await student.keyboard.press('Escape');
  await expect(inspector(student).getByTestId('fault-row')).toHaveCount(2);
  await student.close();
});
