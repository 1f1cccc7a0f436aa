// Issue 7, point 4 (config): whatever a centre's YAML file or environment holds, the
// server either starts and answers, or stops with one readable message — never a stack
// trace, never a polluted prototype. Mutations of the demo file at the text level (what
// a person editing it could do), hostile environment overrides, and a few nasty files
// through the real process. FUZZ_RUNS scales the runs, FUZZ_SEED replays another draw.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsFromEnv } from '../../queue-server/src/server.ts';
import { buildApp } from '../../queue-server/src/app.ts';
import { repoRoot } from '../support/server.ts';

const RUNS = Math.max(10, Math.round(Number(process.env.FUZZ_RUNS ?? 40) * 0.75));
const SEED = Number(process.env.FUZZ_SEED ?? 20261107);

const demoYaml = readFileSync(path.join(repoRoot, 'config/demo/center.yaml'), 'utf8');
const lines = demoYaml.split('\n');
const work = mkdtempSync(path.join(os.tmpdir(), 'motcua-cfgfuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STACK = /\n\s+at |\bat .*\.[cm]?[jt]s:\d+|node:internal|TypeError|ReferenceError|RangeError/;

const scalar = fc.oneof(
  fc.constantFrom('', '~', 'null', '-1', '0', '1e309', '-0', '.nan', '.inf', '[]', '{}', '[[[[]]]]', '"x"', 'yes', '0x10', '99999999999999999999', "'", '"', '|', '>-', '*nope', '&a', '!!binary AAAA', '!!js/function "f"', '!!timestamp 2026-13-45', '<<: *a', '__proto__', 'Đặng Thị Ửng', '\t', '- a', 'a: b: c'),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

type Mutation = { kind: 'delete' | 'duplicate' | 'value' | 'insert' | 'indent' | 'truncate'; at: number; text: string; n: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'value', 'value', 'value', 'insert', 'indent', 'truncate'),
  at: fc.nat({ max: lines.length - 1 }),
  text: scalar,
  n: fc.integer({ min: 1, max: 6 }),
});

function mutate(src: string[], m: Mutation): string[] {
  const out = [...src];
  const line = out[m.at] ?? '';
  switch (m.kind) {
    case 'delete':
      out.splice(m.at, m.n);
      break;
    case 'duplicate':
      out.splice(m.at, 0, ...out.slice(m.at, m.at + m.n));
      break;
    case 'value': {
      const colon = line.indexOf(': ');
      out[m.at] = colon >= 0 ? `${line.slice(0, colon + 2)}${m.text}` : line.replace(/^(\s*- ).*/, `$1${m.text}`);
      break;
    }
    case 'insert':
      out.splice(m.at, 0, `${' '.repeat(m.n)}${m.text}`);
      break;
    case 'indent':
      out[m.at] = ' '.repeat(m.n) + line;
      break;
    case 'truncate':
      return out.slice(0, m.at);
  }
  return out;
}

const envOverride = fc.oneof(
  fc.tuple(fc.constantFrom('TARGET_WAIT_MINUTES', 'PUBLIC_URL', 'CALL_POLICY', 'CENTER_NAME'), scalar),
  fc.tuple(
    fc.constantFrom(
      'CENTER__counters__0__serviceIds__0',
      'CENTER__counters__99__number',
      'CENTER__services__0__prefix',
      'CENTER__targets__waitMinutes',
      'CENTER__center',
      'CENTER____proto____polluted',
      'CENTER__constructor__prototype__polluted',
      'CENTER__counters____proto____polluted',
      'CENTER__',
      'CENTER__a__b__c__d__e__f__g__h',
    ),
    scalar,
  ),
);

let file = 0;
async function tryConfig(yaml: string, env: [string, string][]): Promise<string | null> {
  const cfg = path.join(work, `c${file++}.yaml`);
  writeFileSync(cfg, yaml);
  const fullEnv: Record<string, string> = { CENTER_CONFIG: cfg, DEMO: '0', PORT: '0', ...Object.fromEntries(env) };
  let outcome: ReturnType<typeof settingsFromEnv>;
  try {
    outcome = settingsFromEnv(fullEnv, { demo: false });
  } catch (e) {
    return `settingsFromEnv threw: ${(e as Error).stack}`;
  }
  if (!outcome.ok) {
    if (!outcome.message.startsWith('Cấu hình trung tâm không hợp lệ') && !outcome.message.startsWith('PORT')) return `message not Vietnamese-first: ${outcome.message.slice(0, 200)}`;
    if (STACK.test(outcome.message)) return `stack trace in the message: ${outcome.message.slice(0, 400)}`;
    return null;
  }
  // Accepted: then the server must also build and answer with it.
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  try {
    const built = await buildApp({ config: outcome.settings.config, dataDir, demo: false, logger: false, enforceHours: false });
    try {
      const center = await built.app.inject({ method: 'GET', url: '/api/v1/center' });
      const queue = await built.app.inject({ method: 'GET', url: '/api/v1/queue' });
      if (center.statusCode !== 200 || queue.statusCode !== 200) return `accepted config, but /center ${center.statusCode} /queue ${queue.statusCode}: ${center.body.slice(0, 200)}`;
    } finally {
      await built.app.close();
    }
  } catch (e) {
    return `accepted config, but the server failed to build: ${(e as Error).message}`;
  }
  return null;
}

describe('config fuzz: never a stack trace', () => {
  it('the demo file itself is accepted and serves (control)', async () => {
    expect(await tryConfig(demoYaml, [])).toBeNull();
  });

  it('text-level edits of the demo file, with hostile environment overrides', async () => {
    let accepted = 0;
    const run = await fc.check(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(envOverride, { maxLength: 3 }), async (ms, env) => {
        const yaml = ms.reduce(mutate, lines).join('\n');
        const why = await tryConfig(yaml, env);
        if (why) throw new Error(`${why}\nmutations: ${JSON.stringify(ms)}\nenv: ${JSON.stringify(env)}`);
        if (settingsFromEnv({ CENTER_CONFIG: path.join(work, `c${file - 1}.yaml`), DEMO: '0', ...Object.fromEntries(env) }, { demo: false }).ok) accepted++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (run.failed) throw new Error(`seed ${run.seed}, path ${run.counterexamplePath}: ${(run.errorInstance as Error).message}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    console.log(`config fuzz: ${RUNS} runs, ${accepted} accepted and served, the rest refused with a readable message`);
  });

  it('nasty files through the real process: exit 2, one readable message, no stack trace', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    const files: Record<string, string | Buffer> = {
      'billion laughs': laughs,
      'binary garbage': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      'deep nesting': '['.repeat(20_000) + ']'.repeat(20_000),
    };
    const main = path.join(repoRoot, 'queue-server/src/main.ts');
    for (const [name, content] of Object.entries(files)) {
      const cfg = path.join(work, `${name.replace(/\s/g, '-')}.yaml`);
      writeFileSync(cfg, content);
      const r = spawnSync(process.execPath, ['--import', 'tsx', main], {
        cwd: repoRoot,
        env: { ...process.env, CENTER_CONFIG: cfg, DEMO: '0', PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(path.join(work, 'p-')), LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(`${name}: exit ${r.status}`).toBe(`${name}: exit 2`);
      expect(r.stderr.split('\n')[0], name).toMatch(/^Cấu hình trung tâm không hợp lệ/);
      expect(r.stderr, name).not.toMatch(STACK);
      expect(r.stdout, name).not.toContain('QUEUE_SERVER_URL=');
    }
  });
});
