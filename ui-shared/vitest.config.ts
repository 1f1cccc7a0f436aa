import { defineProject } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Svelte compiler turns the runes of `*.svelte.ts` modules into signals, and
// svelte's browser build runs them reactively, as they run in the UIs.
export default defineProject({
  plugins: [svelte({ configFile: false })],
  resolve: { conditions: ['browser'] },
  test: { name: 'ui-shared', include: ['src/**/*.spec.ts'], testTimeout: 30000 },
});
