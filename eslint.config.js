// ESLint flat config. Besides style, it enforces Brokerlab's architecture boundaries
// (docs/ARCHITECTURE.md): the engine is pure, the UI never imports the engine at runtime.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const impureGlobals = ['Date', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate',
  'requestAnimationFrame', 'queueMicrotask', 'performance', 'window', 'document', 'navigator', 'self',
  'localStorage', 'fetch', 'process', 'crypto'].map((name) => ({
  name,
  message: 'The engine is deterministic and pure: no clock, timers, DOM, I/O or global randomness (docs/ARCHITECTURE.md).',
}));

const uiFrameworks = ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'zundo', 'recharts', 'lz-string'];

const uiImportPatterns = [
  { group: ['**/engine/**', '**/engine'], message: 'The UI never imports the engine at runtime: talk to the worker through src/protocol.', allowTypeImports: true },
  { group: ['**/cli/**', 'node:*'], message: 'The UI runs in the browser.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/schema/**/*.ts', 'src/protocol/**/*.ts', 'src/lessons/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG streams in src/engine/random.' }],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiFrameworks, message: 'Engine, schema and protocol must not depend on UI frameworks.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'Engine, schema and protocol run in the browser too: no Node built-ins.' },
          { group: ['**/ui/**', '**/worker/**', '**/cli/**'], message: 'Engine, schema and protocol sit below the UI, worker and CLI.' },
        ],
      }],
    },
  },
  {
    files: ['src/schema/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/engine/**', '**/engine'], message: 'Schema and protocol do not depend on the engine at runtime.', allowTypeImports: true }],
      }],
    },
  },
  {
    // Lessons are evaluated in the browser on the worker's frames: the UI imports src/lessons at runtime,
    // so it may use the engine's types only, never its code (docs/ARCHITECTURE.md).
    files: ['src/lessons/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/engine/**', '**/engine'], message: 'The UI imports src/lessons at runtime: engine types only.', allowTypeImports: true }],
      }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [...uiImportPatterns, { group: ['recharts'], allowTypeImports: true,
          message: 'recharts loads with the first chart: draw it in a *Plot.tsx module loaded through lazyPlot (src/ui/dock/lazyPlot.tsx).' }],
      }],
    },
  },
  {
    // The lazily loaded chart plots (lazyPlot.tsx) are where recharts is drawn.
    files: ['src/ui/**/*Plot.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: uiImportPatterns }] },
  },
);
