import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const server = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/board/',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: { proxy: { '/api': server, '/socket.io': { target: server, ws: true } } },
});
