/**
 * UI frame-rate benchmark: frames per second in Chromium while a topology runs as fast as possible.
 *
 *   npm run build && npm run bench:ui
 *
 * Needs a built app in dist/ (it builds nothing itself); it starts its own `vite preview` on port 4174.
 * For each case it opens the app with the scenario in a share link, sets speed "max", presses Play,
 * counts requestAnimationFrame callbacks in the page for ~10 s and prints one JSON line with the
 * median (and min/p10) of per-second frame counts.
 */
import { chromium } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import lzString from 'lz-string';

/** Overridable so that two benchmarks (or a benchmark and the e2e server) never share a port or a build. */
const PORT = Number(process.env.BENCH_PORT ?? 4174);
const DIST = process.env.BENCH_DIST ?? 'dist';
/** Comma-separated case filter: `30`, `200` (default: both). */
const CASES = (process.env.BENCH_CASES ?? '30,200').split(',');
const BASE = `http://127.0.0.1:${PORT}`;
const MEASURE_MS = 10_000;
/** Long enough that no case finishes while it is measured. */
const LONG_RUN_MS = 1e9;

type Doc = Record<string, unknown> & { durationMs: number };

function example30(): Doc {
  const doc = JSON.parse(readFileSync('examples/order-pipeline.json', 'utf8')) as Doc;
  return { ...doc, durationMs: LONG_RUN_MS };
}

/** 20 producers → 20 fanout exchanges → 80 queues (each bound to ~2.5 exchanges) → 80 consumers: 200 nodes, 300 edges. */
function generated200(): Doc {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let i = 0; i < 20; i++) {
    nodes.push({ id: `p${i}`, kind: 'producer', position: { x: 0, y: i * 160 }, config: { arrival: { type: 'poisson', ratePerSec: 50 } } });
    nodes.push({ id: `x${i}`, kind: 'exchange', position: { x: 300, y: i * 160 }, config: { type: 'fanout' } });
    edges.push({ id: `p${i}-x${i}`, source: `p${i}`, target: `x${i}` });
    for (let k = 0; k < 10; k++) {
      const q = (i * 4 + k * 7) % 80;
      edges.push({ id: `x${i}-q${q}-${k}`, source: `x${i}`, target: `q${q}` });
    }
  }
  for (let q = 0; q < 80; q++) {
    nodes.push({ id: `q${q}`, kind: 'queue', position: { x: 650, y: q * 40 } });
    nodes.push({ id: `c${q}`, kind: 'consumer', position: { x: 1000, y: q * 40 }, config: { serviceTimeMs: { type: 'exponential', mean: 2 }, prefetch: 10, ackMode: 'manual' } });
    edges.push({ id: `q${q}-c${q}`, source: `q${q}`, target: `c${q}` });
  }
  return { version: 3, name: 'Generated 200 nodes', seed: 1, durationMs: LONG_RUN_MS, nodes, edges };
}

function executablePath(): string | undefined {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  return process.env.PW_CHROMIUM_PATH || system;
}

async function startPreview(): Promise<ChildProcess> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST}/ is missing: run \`npm run build\` first.`);
  // vite itself, not `npx vite`: killing an npx wrapper would leave the server running.
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(BASE)).ok) return child; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${BASE}`);
}

/** Per-second frame counts from requestAnimationFrame timestamps. */
function perSecond(times: number[]): number[] {
  const start = times[0] ?? 0;
  const buckets: number[] = [];
  for (const t of times) {
    const b = Math.floor((t - start) / 1000);
    if (b >= Math.floor(MEASURE_MS / 1000)) break;
    buckets[b] = (buckets[b] ?? 0) + 1;
  }
  return Array.from(buckets, (n) => n ?? 0);
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0; };

async function measure(name: string, doc: Doc, goal: number): Promise<void> {
  const browser = await chromium.launch({ executablePath: executablePath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(BASE);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${BASE}/#scenario=${lzString.compressToEncodedURIComponent(JSON.stringify(doc))}`);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-play').click();
    await page.waitForTimeout(1000); // past loading and the first frames
    // A string, not a function: tsx would wrap a function with helpers (__name) that the page lacks.
    // While counting frames, also count DOM mutations per area of the page: what re-renders, and how often.
    const { ts: times, mutations } = await page.evaluate<{ ts: number[]; mutations: Record<string, number> }>(`new Promise((resolve) => {
      const areas = [['minimap', '.react-flow__minimap'], ['nodes', '.react-flow__nodes'], ['edgeLabels', '.react-flow__edgelabel-renderer'],
        ['edges', '.react-flow__edges'], ['dock', '.dock'], ['header', 'header']];
      const mutations = {};
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const area = (el && areas.find(([, sel]) => el.closest(sel))?.[0]) || 'other';
          mutations[area] = (mutations[area] || 0) + 1;
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      const ts = [];
      const onFrame = (t) => {
        ts.push(t);
        if (t - ts[0] < ${MEASURE_MS}) return requestAnimationFrame(onFrame);
        observer.disconnect();
        for (const k of Object.keys(mutations)) mutations[k] = Math.round(mutations[k] / ((t - ts[0]) / 1000));
        resolve({ ts, mutations });
      };
      requestAnimationFrame(onFrame);
    })`);
    const status = await page.getByTestId('run-status').textContent();
    const simTime = await page.getByTestId('run-clock').textContent();
    const events = Number(await page.getByTestId('run-events').getAttribute('data-events'));
    const fps = perSecond(times);
    // Tokens on screen: the token layer's count, or SVG token elements (older builds).
    const tokens = Number(await page.locator('canvas[data-testid="edge-tokens"]').getAttribute('data-count', { timeout: 1000 }).catch(() => null))
      || await page.locator('.bl-token').count();
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: `${process.env.BENCH_SCREENSHOT}-${(doc.nodes as unknown[]).length}.png` });
    console.log(JSON.stringify({
      case: name, nodes: (doc.nodes as unknown[]).length, edges: (doc.edges as unknown[]).length,
      medianFps: quantile(fps, 0.5), p10Fps: quantile(fps, 0.1), minFps: Math.min(...fps), goalFps: goal,
      meetsGoal: quantile(fps, 0.5) >= goal, tokens, domMutationsPerSec: mutations, loadAverage1m: Number(loadavg()[0]?.toFixed(2)), status, simulatedClock: simTime, events,
    }));
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const preview = await startPreview();
  try {
    if (CASES.includes('30')) await measure('example-30-nodes (order-pipeline)', example30(), 55);
    if (CASES.includes('200')) await measure('generated-200-nodes-300-edges', generated200(), 45);
  } finally {
    preview.kill();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
