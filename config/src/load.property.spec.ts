// Whatever a centre's file or environment holds, the loader answers with data:
// either a config or at least one line of error, never an exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig, type ConfigResult } from './load.ts';
import { demoRaw, tempDir, writeTemp } from './testing.ts';

function wellFormed(result: ConfigResult) {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e).toBe('string');
    expect(e).toMatch(/\S: \S/);
    expect(e).not.toMatch(/\n|\bat .*\.ts:\d+/);
  }
}

/** Every path into the demo data, so a mutation can land anywhere in it. */
function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => pathsOf(x, [...prefix, i]))];
  if (typeof v === 'object' && v !== null) return [...here, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...prefix, k]))];
  return here;
}

function setPath(root: Record<string, unknown>, path: (string | number)[], value: unknown) {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

const demoPaths = pathsOf(demoRaw());

describe('loader never throws', () => {
  it('parseConfig on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = parseConfig(raw);
        expect(result.ok).toBe(false); // nothing random is a whole centre
        wellFormed(result);
      }),
      { numRuns: 300 },
    );
  });

  it('parseConfig on the demo centre with one value replaced anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: demoPaths.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, value) => {
        const raw = demoRaw();
        setPath(raw, demoPaths[i] as (string | number)[], value);
        wellFormed(parseConfig(raw));
      }),
      { numRuns: 300 },
    );
  });

  it('loadConfig on arbitrary file text and CENTER__ variables', () => {
    const dir = tempDir();
    const segment = fc.oneof(fc.constantFrom('center', 'name', 'hours', 'mon', 'counters', 'services', 'voice', 'targets', 'constructor'), fc.nat({ max: 8 }).map(String), fc.string({ maxLength: 4 }));
    const envVar = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segs) => `CENTER__${segs.join('__')}`);
    const env = fc.dictionary(fc.oneof(envVar, fc.constantFrom('CENTER_NAME', 'TARGET_WAIT_MINUTES', 'PUBLIC_URL', 'CALL_POLICY')), fc.string({ maxLength: 12 }), { maxKeys: 4 });
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.jsonValue().map((v) => JSON.stringify(v)));
    let n = 0;
    fc.assert(
      fc.property(text, env, (content, vars) => {
        const file = writeTemp(dir, `c${n++}.yaml`, content);
        wellFormed(loadConfig({ file, env: vars }));
      }),
      { numRuns: 200 },
    );
  });

  it('loadConfig on the demo file with arbitrary overrides', () => {
    const env = fc.dictionary(
      fc.constantFrom('CENTER_NAME', 'TARGET_WAIT_MINUTES', 'PUBLIC_URL', 'CALL_POLICY', 'CENTER__counters__2__number', 'CENTER__hours__fri__1__close', 'CENTER__services__6__id', 'CENTER__voice'),
      fc.oneof(fc.string({ maxLength: 10 }), fc.integer().map(String), fc.constantFrom('true', 'null', '[]', '{}')),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(env, (vars) => wellFormed(loadConfig({ env: vars }))),
      { numRuns: 100 },
    );
  });
});
