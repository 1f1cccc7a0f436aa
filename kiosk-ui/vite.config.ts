import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// Served by the queue-server at /kiosk/ (and its index.html for /t/* too).
export default defineConfig({
  base: '/kiosk/',
  plugins: [svelte()],
  // the manifest lets bench/size.ts follow which chunks each page loads first
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', manifest: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/socket.io': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
