// Bundles the agent into plain JS under dist/ so a kiosk PC runs it with bare `node` instead
// of node + the tsx loader (the loader alone costs ~30 MB of RSS).
//
//   node kiosk-agent/build/build.mjs             build
//   node kiosk-agent/build/build.mjs --if-stale  build only when a bundled source changed
//
// Native modules stay outside the bundle: their .node binaries are found relative to their own
// package. Every external is a dependency of kiosk-agent itself, so Node resolves it from dist/
// (pnpm does not let kiosk-agent see hardware's dependencies).
import { build } from 'esbuild';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const agentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(agentDir, 'dist');
export const bundleFile = path.join(distDir, 'main.js');
const metaFile = path.join(distDir, 'meta.json');
const lazySerialport = fileURLToPath(new URL('./lazy-serialport.mjs', import.meta.url));

const EXTERNAL = [
  'serialport', // loads @serialport/bindings-cpp's prebuilt .node; reached through lazy-serialport.mjs
  'node-hid', // native; hardware imports it dynamically, only when a real keypad is configured
  'pcsclite', // native (PC/SC); imported dynamically, only when a real chip reader is configured
  'better-sqlite3', // native: the offline journal (offline-journal.ts)
  'dejavu-fonts-ttf', // not code: font.ts finds the TTF files through require.resolve
  // CommonJS reached by a dynamic import: split into a chunk, esbuild would give it a default
  // export only, and `const { parse } = await import('yaml')` would get undefined. Node's own
  // loader gives it named exports; it is loaded only with a config file either way.
  'yaml',
  // ws requires these optional native speed-ups inside try/catch; absent is fine
  'bufferutil',
  'utf-8-validate',
];

/** Every `import 'serialport'` in the agent's sources becomes the lazy stand-in. */
const lazySerialportPlugin = {
  name: 'lazy-serialport',
  setup(b) {
    b.onResolve({ filter: /^serialport$/ }, (args) =>
      args.importer === lazySerialport ? { path: 'serialport', external: true } : { path: lazySerialport },
    );
  },
};

/** True when the bundle is missing or older than any file that went into it. */
export function isStale() {
  if (!existsSync(bundleFile) || !existsSync(metaFile)) return true;
  const built = statSync(bundleFile).mtimeMs;
  const inputs = Object.keys(JSON.parse(readFileSync(metaFile, 'utf8')).inputs).map((f) => path.resolve(agentDir, f));
  return [fileURLToPath(import.meta.url), ...inputs].some((f) => !existsSync(f) || statSync(f).mtimeMs > built);
}

export async function buildAgent() {
  // Chunk names carry a content hash: old chunks would pile up.
  rmSync(distDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: agentDir,
    entryPoints: { main: 'src/main.ts' },
    outdir: distDir,
    // Dynamic imports become chunks loaded on first use: the zod schema is needed only with a
    // config file, not on a simulated kiosk.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [lazySerialportPlugin],
    // Bundled CommonJS (pngjs, qrcode, fastify's deps) calls require(); an ES module has none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // Less source text for V8 to keep (measured: ~4 MB less RSS); names stay for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(metaFile, JSON.stringify(result.metafile));
  return bundleFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shown = path.relative(process.cwd(), bundleFile);
  if (process.argv.includes('--if-stale') && !isStale()) {
    console.log(`kiosk-agent: ${shown} is up to date`);
  } else {
    const t0 = performance.now();
    await buildAgent();
    const kb = statSync(bundleFile).size / 1024;
    console.log(`kiosk-agent: built ${shown} (${kb.toFixed(0)} KB) in ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
