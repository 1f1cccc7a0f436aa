// What `npm start` may skip: an install or a build whose inputs are byte for byte what they
// were at its last success. A stamp file beside the output holds a hash of those inputs
// (paths and contents, not times: a checkout or a copy changes times, not bytes), so a
// restart after a crash goes straight to the server. Only Node built-ins here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Folders that are outputs, caches or tests, never inputs of an install or a build. */
const SKIP = new Set(['node_modules', 'dist', '.vite', 'coverage', 'results', 'artifacts', 'test', 'bench', '.git']);

function addTree(hash, root, rel) {
  const full = path.join(root, rel);
  const st = statSync(full, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(full).sort()) {
      if (SKIP.has(name) || /\.spec\.ts$/.test(name)) continue;
      addTree(hash, root, path.join(rel, name));
    }
    return;
  }
  if (!st.isFile()) return;
  hash.update(`${rel}\0${st.size}\0`);
  hash.update(readFileSync(full));
}

/** A hash of files and folders (relative to root), in a fixed order. */
export function fingerprint(root, inputs) {
  const hash = createHash('sha256');
  for (const rel of [...inputs].sort()) addTree(hash, root, rel);
  return hash.digest('hex');
}

/**
 * Runs `work` unless the stamp says the inputs have not changed since it last succeeded;
 * returns whether it ran. The stamp is written only after `work` returns, so a failed or
 * interrupted build runs again next time.
 */
export function unlessFresh(root, { stamp, inputs, outputs = [] }, work) {
  const file = path.join(root, stamp);
  const now = fingerprint(root, inputs);
  if (stampMatches(root, { stamp, outputs }, now)) return false;
  work();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${now}\n`);
  return true;
}

/** True when the outputs are there and the stamp holds this fingerprint of the inputs. */
export function isFresh(root, { stamp, inputs, outputs = [] }) {
  return stampMatches(root, { stamp, outputs }, fingerprint(root, inputs));
}

function stampMatches(root, { stamp, outputs }, now) {
  const file = path.join(root, stamp);
  return outputs.every((o) => existsSync(path.join(root, o))) && existsSync(file) && readFileSync(file, 'utf8').trim() === now;
}

/** The workspace's package folders: the top-level folders with a package.json. */
export const workspacePackages = (root) => readdirSync(root).filter((d) => existsSync(path.join(root, d, 'package.json')));

/** The workspace packages a package depends on, itself included, transitively (by folder). */
export function workspaceClosure(root, dir) {
  const byName = new Map(workspacePackages(root).map((d) => [JSON.parse(readFileSync(path.join(root, d, 'package.json'), 'utf8')).name, d]));
  const seen = new Set();
  const visit = (d) => {
    if (seen.has(d)) return;
    seen.add(d);
    const pj = JSON.parse(readFileSync(path.join(root, d, 'package.json'), 'utf8'));
    for (const [name, version] of Object.entries({ ...pj.dependencies, ...pj.devDependencies })) {
      if (String(version).startsWith('workspace:') && byName.has(name)) visit(byName.get(name));
    }
  };
  visit(dir);
  return [...seen];
}
