import { defineConfig } from 'vitest/config';

// One run over every package. Browser and cross-package tests live in tests/
// and run in the same invocation so `npm test` has a single verdict.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'config', root: './config', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], testTimeout: 30000 } },
      { test: { name: 'queue-server', root: './queue-server', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], testTimeout: 30000, hookTimeout: 60000 } },
      { test: { name: 'hardware', root: './hardware', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], testTimeout: 30000 } },
      { test: { name: 'kiosk-agent', root: './kiosk-agent', include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'], testTimeout: 30000 } },
      { test: { name: 'tests', root: './tests', include: ['**/*.spec.ts'], exclude: ['**/node_modules/**'], testTimeout: 120000, hookTimeout: 180000, fileParallelism: false } },
      { test: { name: 'counter-console', root: './counter-console', include: ['src/**/*.spec.ts'], testTimeout: 30000 } },
      { test: { name: 'display-board', root: './display-board', include: ['src/**/*.spec.ts'], testTimeout: 30000 } },
      { test: { name: 'kiosk-ui', root: './kiosk-ui', include: ['src/**/*.spec.ts'], testTimeout: 30000 } },
      // Its own config: the `*.svelte.ts` modules need the Svelte compiler.
      './ui-shared/vitest.config.ts',
    ],
  },
});
