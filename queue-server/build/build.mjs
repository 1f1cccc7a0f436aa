// Bundles the queue-server into plain JS (queue-server/dist/server/main.js) so a restart runs on
// bare `node`: no tsx loader to start and no TypeScript to transform — the production start
// (`npm run serve`) and `npm start` run it when it is there.
//
//   node queue-server/build/build.mjs
//
// What goes in: the server's own sources and the workspace packages it uses (config, hardware),
// and the packages those need that the server does not list itself. What stays outside: every
// dependency in queue-server/package.json, loaded by Node from queue-server/node_modules as
// under tsx — native modules (better-sqlite3, argon2) and packages that find their own files
// (swagger-ui's static assets) must. Each bundled module keeps its own `import.meta.url`, so
// paths it works out from its location (the UIs' dist folders, the demo centre, the font)
// are what they are from source.
import { build } from 'esbuild';
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(serverDir, 'dist', 'server');
export const bundleFile = path.join(distDir, 'main.js');

const own = Object.keys(JSON.parse(readFileSync(path.join(serverDir, 'package.json'), 'utf8')).dependencies ?? {}).filter((d) => !d.startsWith('@mot-cua/'));
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

const plugins = [
  {
    name: 'server-externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (own.includes(packageOf(args.path)) ? { path: args.path, external: true } : undefined));
    },
  },
  {
    // `import.meta.url` of each source file, as a constant: the bundle's own URL would be wrong.
    name: 'module-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const loader = /\.m?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  },
];

export async function buildServer() {
  rmSync(distDir, { recursive: true, force: true });
  await build({
    absWorkingDir: serverDir,
    entryPoints: { main: 'src/main.ts' },
    outdir: distDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins,
    // Bundled CommonJS calls require(); an ES module has none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    keepNames: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return bundleFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  await buildServer();
  console.log(`queue-server: built ${path.relative(process.cwd(), bundleFile)} (${(statSync(bundleFile).size / 1024).toFixed(0)} KB) in ${(performance.now() - t0).toFixed(0)} ms`);
}
