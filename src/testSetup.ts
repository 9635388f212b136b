// Vitest setup: property tests (fast-check) draw a fresh seed on every run on a developer's machine, to
// keep finding new cases; in CI (CI=true) they use a pinned seed so that a red run is reproducible and a
// green one is not luck. FC_SEED=<n> reproduces any run: fast-check prints the seed of a failure.
import fc from 'fast-check';

const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261121' : undefined);
if (pinned !== undefined && Number.isFinite(Number(pinned))) fc.configureGlobal({ seed: Number(pinned) });
