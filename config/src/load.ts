// Reads a centre's configuration: YAML file → env overrides → zod validation.
// Every failure comes back as data (`{ ok: false, errors }`), one line per
// problem, so the server can print them and stop without a stack trace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { centerConfigSchema, type CenterConfig } from './schema.ts';
import { applyEnvOverridesDetailed, type EnvOverride } from './env.ts';
import { bilingualErrorMap, formatPath, issueLines } from './issues.ts';

export type ConfigResult = { ok: true; config: CenterConfig } | { ok: false; errors: string[] };
export type Env = Record<string, string | undefined>;

/** The demo centre shipped with the code. */
export const demoConfigPath: string = fileURLToPath(new URL('../demo/center.yaml', import.meta.url));

export { formatPath } from './issues.ts';
export { collectEnvOverrides, parseEnvScalar } from './env.ts';

/**
 * Every string in NFC: a file saved on a Mac, or pasted from a PDF, may hold
 * decomposed Vietnamese that looks the same but compares, searches and prints
 * differently.
 */
function nfcDeep(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map(nfcDeep);
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.normalize('NFC'), nfcDeep(x)]));
  return v;
}

export function parseConfig(raw: unknown): ConfigResult {
  const result = centerConfigSchema.safeParse(nfcDeep(raw), { error: bilingualErrorMap });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: issueLines(result.error.issues) };
}

/** A copy of `raw` with the environment's overrides applied (see env.ts). */
export function applyEnvOverrides(raw: unknown, env: Env): unknown {
  return applyEnvOverridesDetailed(raw, env).raw;
}

/** The file `loadConfig` would read for these options. */
export function resolveConfigFile(opts: { file?: string; env?: Env } = {}): string {
  const env = opts.env ?? process.env;
  // An empty CENTER_CONFIG (compose files pass `CENTER_CONFIG=${CENTER_CONFIG}`) means unset.
  return resolve(opts.file ?? (env.CENTER_CONFIG || demoConfigPath));
}

function readYaml(file: string): { ok: true; raw: unknown } | { ok: false; errors: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, errors: [`${file}: không tìm thấy tệp cấu hình (config file not found)`] };
    return { ok: false, errors: [`${file}: không đọc được tệp cấu hình (cannot read config file: ${code ?? String(e)})`] };
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => {
        const pos = err.linePos?.[0];
        const where = pos ? `${pos.line}:${pos.col}` : '?';
        // yaml appends " at line L, column C:" and a code excerpt; the position is given first instead.
        const what = err.message.split(/ at line \d+, column \d+/)[0]?.trim() ?? err.message;
        return `${where}: lỗi cú pháp YAML (YAML syntax error): ${what}`;
      }),
    };
  }
  try {
    return { ok: true, raw: doc.toJS() };
  } catch (e) {
    // e.g. an alias expanded too many times
    return { ok: false, errors: [`${file}: lỗi YAML (YAML error): ${e instanceof Error ? e.message : String(e)}`] };
  }
}

/** Points an error at the env variable that set its path, when one did. */
function blameEnv(errors: string[], applied: EnvOverride[]): string[] {
  if (applied.length === 0) return errors;
  const byPath = applied.map((o) => ({ path: formatPath(o.path), variable: o.variable }));
  return errors.map((line) => {
    const hit = byPath.findLast((o) => line.startsWith(`${o.path}: `) || line.startsWith(`${o.path}.`) || line.startsWith(`${o.path}[`));
    return hit ? `${line} [env ${hit.variable}]` : line;
  });
}

export function loadConfig(opts: { file?: string; env?: Env } = {}): ConfigResult {
  const env = opts.env ?? process.env;
  const file = resolveConfigFile({ file: opts.file, env });
  try {
    const read = readYaml(file);
    if (!read.ok) return read;
    const { raw, applied, problems } = applyEnvOverridesDetailed(read.raw, env);
    const parsed = parseConfig(raw);
    if (parsed.ok && problems.length === 0) return parsed;
    return { ok: false, errors: [...problems, ...(parsed.ok ? [] : blameEnv(parsed.errors, applied))] };
  } catch (e) {
    // Nothing above should throw; if it does, the caller still gets a line to print.
    return { ok: false, errors: [`${file}: lỗi không mong đợi khi đọc cấu hình (unexpected error): ${e instanceof Error ? e.message : String(e)}`] };
  }
}

export function loadDemoConfig(): CenterConfig {
  const result = loadConfig({ file: demoConfigPath, env: {} });
  if (!result.ok) throw new Error(formatConfigErrors(demoConfigPath, result.errors));
  return result.config;
}

// One mistake (a field removed) can cascade into dozens of references to it;
// the first lines are the ones to fix, the rest would scroll them away.
const MAX_LINES = 40;

/** One message for stderr: what is wrong, where, and what to do, Vietnamese first. */
export function formatConfigErrors(file: string, errors: string[]): string {
  const n = errors.length;
  const shown = errors.slice(0, MAX_LINES).map((e) => `  - ${e.replace(/\s*\n\s*/g, ' ')}`);
  if (n > MAX_LINES) shown.push(`  … và ${n - MAX_LINES} lỗi khác (and ${n - MAX_LINES} more)`);
  return [
    `Cấu hình trung tâm không hợp lệ (${n} lỗi) trong tệp ${file}`,
    `Invalid centre configuration (${n} error${n === 1 ? '' : 's'}) in ${file}`,
    ...shown,
    'Hãy sửa tệp (hoặc biến môi trường) rồi khởi động lại. Fix the file (or environment variable) and start again.',
  ].join('\n');
}
