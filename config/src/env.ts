// Environment overrides for the centre configuration, applied to the raw YAML
// data before validation so that a bad value is reported at its config path.
//
//   CENTER__a__b__0__c=value   sets a.b[0].c (value read as a YAML scalar)
//   CENTER_NAME, TARGET_WAIT_MINUTES, PUBLIC_URL, CALL_POLICY, DEVICE_SILENCE_SECONDS   shortcuts
import { parseDocument } from 'yaml';
import { formatPath } from './issues.ts';

type Key = string | number;

export type EnvOverride = { variable: string; path: Key[]; value: unknown };
export type EnvOverrideResult = { raw: unknown; applied: EnvOverride[]; problems: string[] };

const PREFIX = 'CENTER__';

/** Shortcuts for the settings people change most; plain text unless `scalar`. */
const shortcuts: { variable: string; path: Key[]; scalar: boolean }[] = [
  { variable: 'CENTER_NAME', path: ['center', 'name'], scalar: false },
  { variable: 'PUBLIC_URL', path: ['center', 'publicUrl'], scalar: false },
  { variable: 'CALL_POLICY', path: ['policy', 'kind'], scalar: false },
  { variable: 'TARGET_WAIT_MINUTES', path: ['targets', 'waitMinutes'], scalar: true },
  { variable: 'DEVICE_SILENCE_SECONDS', path: ['devices', 'silenceAlertSeconds'], scalar: true },
];

// Keys that would reach Object.prototype through a plain object.
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads an env value the way YAML reads a plain scalar, so "15" is a number and
 * "true" a boolean. Anything that would become a list or mapping stays text
 * (a centre name may contain ": "), as do numbers written with a leading 0 or
 * "+", which are phone numbers. Quote a value ('"0236"') to force text.
 */
export function parseEnvScalar(value: string): unknown {
  if (value.trim() === '') return value;
  const doc = parseDocument(value);
  if (doc.errors.length > 0) return value;
  let parsed: unknown;
  try {
    parsed = doc.toJS();
  } catch {
    return value;
  }
  if (typeof parsed === 'number' && /^\s*[+0]\d/.test(value)) return value;
  if (parsed === null || ['string', 'number', 'boolean'].includes(typeof parsed)) return parsed;
  return value;
}

function segmentsOf(variable: string): Key[] | null {
  const parts = variable.slice(PREFIX.length).split('__');
  if (parts.some((p) => p === '' || forbidden.has(p))) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects the overrides an environment asks for, in a stable order. */
export function collectEnvOverrides(env: Record<string, string | undefined>): { overrides: EnvOverride[]; problems: string[] } {
  const overrides: EnvOverride[] = [];
  const problems: string[] = [];
  for (const s of shortcuts) {
    const v = env[s.variable];
    // Empty is never a valid value for a shortcut, and is what a compose file
    // passes for a variable the host did not set.
    if (v !== undefined && v !== '') overrides.push({ variable: s.variable, path: s.path, value: s.scalar ? parseEnvScalar(v) : v });
  }
  const generic = Object.keys(env)
    .filter((k) => k.startsWith(PREFIX) && env[k] !== undefined)
    // numeric order so that services__9 is added before services__10
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const variable of generic) {
    const path = segmentsOf(variable);
    if (!path) {
      // A name with spaces or invisible characters is quoted, so the reader sees where it ends.
      const shown = /^[\x21-\x7e]+$/.test(variable) ? variable : JSON.stringify(variable);
      problems.push(`${shown}: tên biến không hợp lệ, dùng CENTER__khoá__0__khoá (bad variable name; use CENTER__key__0__key)`);
      continue;
    }
    overrides.push({ variable, path, value: parseEnvScalar(env[variable] as string) });
  }
  return { overrides, problems };
}

function cloneData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneData);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneData(x)]));
  return v;
}

/** Sets one value in a deep copy, creating lists and mappings on the way. */
function setAt(root: Record<string, unknown>, o: EnvOverride): string | null {
  let node: Record<string, unknown> | unknown[] = root;
  for (let i = 0; i < o.path.length; i++) {
    const key = o.path[i] as Key;
    const last = i === o.path.length - 1;
    const nextIsIndex = typeof o.path[i + 1] === 'number';
    if (Array.isArray(node)) {
      if (typeof key !== 'number') return `${formatPath(o.path.slice(0, i))}: ${o.variable}: đây là danh sách, cần chỉ số (this is a list; use an index)`;
      // Past the end would leave holes (and a huge index a huge list).
      if (key > node.length)
        return `${formatPath(o.path.slice(0, i + 1))}: ${o.variable}: chỉ số vượt quá cuối danh sách (${node.length} mục) (index past the end of the list of ${node.length})`;
      if (last) {
        node[key] = o.value;
        return null;
      }
      const child: unknown = node[key];
      if (!(typeof child === 'object' && child !== null)) node[key] = nextIsIndex ? [] : {};
      node = node[key] as Record<string, unknown> | unknown[];
    } else {
      const name = String(key);
      if (last) {
        node[name] = o.value;
        return null;
      }
      const child = Object.hasOwn(node, name) ? node[name] : undefined;
      if (!(typeof child === 'object' && child !== null)) node[name] = nextIsIndex ? [] : {};
      node = node[name] as Record<string, unknown> | unknown[];
    }
  }
  return null;
}

// A shortcut is one knob: lowering the target below the warning threshold
// (default 12) would otherwise fail on a setting the user never touched.
function keepWarnBelowTarget(root: Record<string, unknown>, applied: EnvOverride[]) {
  const target = applied.find((o) => o.variable === 'TARGET_WAIT_MINUTES')?.value;
  const warnSetByEnv = applied.some((o) => o.variable.startsWith(PREFIX) && formatPath(o.path) === 'targets.warnWaitMinutes');
  const targets = root.targets;
  if (typeof target !== 'number' || !(target > 0) || warnSetByEnv || !isRecord(targets)) return;
  const warn = targets.warnWaitMinutes ?? 12;
  if (typeof warn === 'number' && warn > target) targets.warnWaitMinutes = Math.floor(target * 8) / 10 || target;
}

/** Applies the overrides to a copy of `raw`; `raw` itself is never changed. */
export function applyEnvOverridesDetailed(raw: unknown, env: Record<string, string | undefined>): EnvOverrideResult {
  const { overrides, problems } = collectEnvOverrides(env);
  if (overrides.length === 0) return { raw, applied: [], problems };
  // An empty file is null; a list or a scalar at the top is left for the schema to reject.
  if (raw !== null && raw !== undefined && !isRecord(raw)) return { raw, applied: [], problems };
  const root = raw === null || raw === undefined ? {} : (cloneData(raw) as Record<string, unknown>);
  const applied: EnvOverride[] = [];
  for (const o of overrides) {
    const problem = setAt(root, o);
    if (problem) problems.push(problem);
    else applied.push(o);
  }
  keepWarnBelowTarget(root, applied);
  return { raw: root, applied, problems };
}
