// Initial JavaScript of the built kiosk, phone page and /q page, gzip-compressed, from
// Vite's manifest: the entry, the screen chunk App.svelte loads at once for that
// path, and every chunk they import statically. Run after `vite build`:
//   pnpm --filter @mot-cua/kiosk-ui run build && pnpm exec tsx kiosk-ui/bench/size.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }
type Manifest = Record<string, Chunk>;

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const BUDGET_KB = 100;

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;

function closure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const walk = (k: string) => {
    const c = manifest[k];
    if (!c || seen.has(k)) return;
    seen.add(k);
    for (const i of c.imports ?? []) walk(i);
  };
  keys.forEach(walk);
  return seen;
}

function size(keys: Set<string>): { files: number; raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const k of keys) {
    const c = manifest[k];
    if (!c?.file.endsWith('.js')) continue;
    const buf = readFileSync(join(dist, c.file));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { files: keys.size, raw, gzip };
}

const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entry) throw new Error('no entry in the manifest: build with manifest: true');
const screen = (name: string) => {
  // A screen also imported from another chunk is a shared chunk, keyed `_<Name>-<hash>.js`.
  const shared = `_${name.split('/').pop()!.replace(/\.svelte$/, '')}-`;
  const k = Object.keys(manifest).find((x) => x.endsWith(name)) ?? Object.keys(manifest).find((x) => x.startsWith(shared) && x.endsWith('.js'));
  if (!k) throw new Error(`no chunk for ${name}`);
  return k;
};

const rows = [
  { page: '/kiosk (initial)', ...size(closure([entry, screen('src/Kiosk.svelte')])) },
  { page: '/t/:id (initial)', ...size(closure([entry, screen('src/phone/PhonePage.svelte')])) },
  { page: '/q (initial)', ...size(closure([entry, screen('src/phone/RemotePage.svelte')])) },
  { page: 'all JS', ...size(new Set(Object.keys(manifest))) },
];

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`page                 chunks   raw KB  gzip KB  budget ${BUDGET_KB} KB gzip`);
for (const r of rows) {
  const verdict = r.page.includes('initial') ? (r.gzip / 1024 <= BUDGET_KB ? 'within' : 'OVER') : '';
  console.log(`${r.page.padEnd(20)} ${String(r.files).padStart(6)} ${kb(r.raw).padStart(8)} ${kb(r.gzip).padStart(8)}  ${verdict}`);
}

const out = join(here, '..', '..', 'tests', 'results', 'kiosk-size.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), budgetKb: BUDGET_KB, rows }, null, 2));
console.log(`written ${out}`);
