import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'tests/artifacts/**', 'tests/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The store port is the queue-server's one way to its data: only store/ (and tests that open the file to check it) use the driver.
    files: ['queue-server/src/**/*.ts'],
    ignores: ['queue-server/src/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['better-sqlite3', 'pg', 'pg/*'], message: 'Only queue-server/src/store/ touches a database driver; go through the store port.' }] }],
    },
  },
  {
    // The domain core and the CCCD parsers are pure: no I/O, no framework, no database.
    files: ['queue-server/src/domain/**/*.ts', 'hardware/src/cccd/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'events', 'net', 'child_process', 'worker_threads'], message: 'The domain is pure: no Node built-ins (pass what it needs in).' },
            { group: ['fastify', 'fastify/*', '@fastify/*', 'fastify-*'], message: 'The domain never imports Fastify.' },
            { group: ['socket.io', 'socket.io/*', 'socket.io-client'], message: 'The domain never imports socket.io.' },
            { group: ['better-sqlite3', 'pg', 'pg/*'], message: 'The domain never imports a database driver.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
);
