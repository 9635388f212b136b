import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The libraries the first screen needs, each in a chunk of its own: they change far less often than the
    // app, so a new release leaves them cached, and no chunk passes the 500 kB warning. (recharts is not
    // here: it loads with the first chart, see src/ui/dock/lazyPlot.tsx.) A group takes the package's own
    // dependencies with it (@xyflow's d3); the higher priority keeps React in its own.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'xyflow', test: /node_modules[\\/]@xyflow[\\/]/, priority: 2 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testSetup.ts'],
    testTimeout: 60_000,
  },
});
