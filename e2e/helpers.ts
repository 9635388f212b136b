import { expect, type Locator, type Page } from '@playwright/test';
import lzString from 'lz-string';

/**
 * Shared Playwright helpers. The DOM contract they rely on:
 * - palette entries: `[data-testid="palette-item-<kind>"]`
 * - the canvas: `[data-testid="canvas"]` (wraps the React Flow pane)
 * - nodes: `.react-flow__node[data-id="<id>"]`, with `.react-flow__handle.source` / `.target` handles
 */

export const canvas = (page: Page): Locator => page.getByTestId('canvas');
export const node = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const edge = (page: Page, id: string): Locator => page.locator(`.react-flow__edge[data-id="${id}"]`);

/** A rectangle on the page, as Playwright's boundingBox() and the DOM's getBoundingClientRect() give it. */
export interface Box { x: number; y: number; width: number; height: number }

/** Whether two rectangles share any area (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The app's address with `scenario` in its share link. */
export const shareLink = (scenario: object): string => `/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(scenario))}`;

/** Simulated seconds on the run clock (mm:ss.mmm). */
export async function clockSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('run-clock').textContent()) ?? '00:00.000';
  const [m, s] = text.split(':');
  return Number(m) * 60 + Number(s);
}

/** Opens the app with an empty localStorage (no autosaved document), ready to use. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  // The storage is cleared from a page of the app's origin. A new page is cleared from the favicon, a static file,
  // rather than from the app itself: starting the app twice made up a good part of each test's time.
  await page.goto(page.url() === 'about:blank' ? '/favicon.svg' : path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(path);
  await expect(canvas(page)).toBeVisible();
}

async function nodeIds(page: Page): Promise<string[]> {
  return page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
}

/** Drags a palette entry onto the canvas at `at` (px from the canvas's top-left); returns the new node's id. */
export async function dragFromPalette(page: Page, kind: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await nodeIds(page));
  await page.getByTestId(`palette-item-${kind}`).dragTo(canvas(page), { targetPosition: at });
  await expect.poll(async () => (await nodeIds(page)).filter((id) => !before.has(id)).length).toBe(1);
  const added = (await nodeIds(page)).find((id) => !before.has(id));
  if (!added) throw new Error(`dragging ${kind} from the palette added no node`);
  return added;
}

/** Drags from the source handle (right) of one node to the target handle (left) of another. */
export async function connect(page: Page, sourceNodeId: string, targetNodeId: string): Promise<void> {
  const from = await node(page, sourceNodeId).locator('.react-flow__handle.source').boundingBox();
  const to = await node(page, targetNodeId).locator('.react-flow__handle.target').boundingBox();
  if (!from) throw new Error(`node ${sourceNodeId} has no visible source handle`);
  if (!to) throw new Error(`node ${targetNodeId} has no visible target handle`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Drags from a named source handle (e.g. a filter's `invalid` output) to the target handle of another node. */
export async function connectFromHandle(page: Page, sourceNodeId: string, handle: string, targetNodeId: string): Promise<void> {
  const from = await node(page, sourceNodeId).locator(`.react-flow__handle.source[data-handle="${handle}"]`).boundingBox();
  const to = await node(page, targetNodeId).locator('.react-flow__handle.target').boundingBox();
  if (!from) throw new Error(`node ${sourceNodeId} has no visible "${handle}" handle`);
  if (!to) throw new Error(`node ${targetNodeId} has no visible target handle`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A node's live figure by name (`stat-<name>`), exact, from its data-value; NaN before a run. */
export async function statValue(page: Page, nodeId: string, name: string): Promise<number> {
  const el = node(page, nodeId).getByTestId(`stat-${name}`);
  if ((await el.count()) === 0) return 0;
  const v = await el.first().getAttribute('data-value');
  return v === null || v === '' ? Number.NaN : Number(v);
}

/** A message token as drawn on the canvas, in page pixels; `back`: a reply going back along its edge. */
export interface ClickableToken { edge: string; back: boolean; x: number; y: number }

/** The tokens drawn in the last frame that a click would reach (not under a node, a handle or a label), in page pixels. */
export async function clickableTokens(page: Page): Promise<ClickableToken[]> {
  return page.getByTestId('edge-tokens').evaluate((canvas) => {
    const flow = canvas.closest('.react-flow');
    if (!flow) return [];
    const box = flow.getBoundingClientRect();
    const drawn = (canvas as HTMLCanvasElement & { blTokens: () => ClickableToken[] }).blTokens();
    return drawn
      .map((t) => ({ edge: t.edge, back: t.back, x: box.left + t.x, y: box.top + t.y }))
      // Clear of nodes, handles and labels all around (a token at an edge's end sits under the handle).
      .filter((t) => [[0, 0], [10, 0], [-10, 0], [0, 10], [0, -10]].every(([dx, dy]) => {
        const hit = document.elementFromPoint(t.x + (dx as number), t.y + (dy as number));
        return !!hit && (hit.classList.contains('react-flow__pane') || !!hit.closest('.react-flow__edge'));
      }));
  });
}

/**
 * A requester calling a consumer directly, dragged from the palette far apart (a long edge whose tokens are
 * clear of its labels), running until the edge carries replies back (A4 Return Address). Returns the ids.
 */
export async function runDirectCall(page: Page): Promise<{ client: string; service: string; call: string }> {
  const client = await dragFromPalette(page, 'requester', { x: 200, y: 200 });
  const service = await dragFromPalette(page, 'consumer', { x: 760, y: 200 });
  await connect(page, client, service);
  const call = `${client}-to-${service}`;
  await expect(edge(page, call)).toHaveCount(1);
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await expect.poll(async () => Number(await page.getByTestId('edge-tokens').getAttribute('data-back-count')), { timeout: 15_000 }).toBeGreaterThan(0);
  return { client, service, call };
}

/** Opens a fresh app and, from the Examples dialog, the example whose title contains `title`. */
export async function openExample(page: Page, title: string): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByTestId('examples-dialog').locator('button.example-item', { hasText: title }).click();
}

/** Runs at max speed to the end, then shows the Charts tab over the whole run. */
export async function runToEndShowingCharts(page: Page, timeout = 45_000): Promise<void> {
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-play').click();
  await expect(page.getByTestId('run-status')).toHaveText('finished', { timeout });
  await page.getByTestId('dock-tab-charts').click();
  await page.getByTestId('chart-window-all').click();
}

/** Steps a time axis may count in, s: what a reader reads off at a glance (0, 5, 10 s …; 0, 30, 60 s …). */
const ROUND_TIME_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/**
 * Checks that a chart's time-axis labels ("8.3s") fall on round times: at least two, evenly spaced by a round step,
 * each a multiple of it. recharts' own ticks split the samples' span evenly from the first sample: 0.3, 8.3, 16.3 s,
 * or, for a short span, 0.25, 0.375, 0.5 … shown to a tenth as 0.3, 0.4, 0.6.
 */
export async function expectRoundTimeTicks(chart: Locator): Promise<void> {
  const labels = chart.locator('text.recharts-cartesian-axis-tick-value[orientation="bottom"]');
  await expect.poll(() => labels.count()).toBeGreaterThan(1);
  const ticks = (await labels.allTextContents()).map((t) => Number(t.replace(/s$/, '')));
  const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
  const step = ROUND_TIME_STEPS.find((s) => gaps.every((g) => Math.abs(g - s) < 1e-6));
  expect(step, `ticks ${ticks.join(', ')}`).toBeDefined();
  for (const t of ticks) expect(Math.abs(t / step! - Math.round(t / step!)), `${t} in ${ticks.join(', ')}`).toBeLessThan(1e-6);
}
