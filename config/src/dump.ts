// A centre's configuration written back as YAML (issue 13.2: `npm run config -- export`),
// in the file's own shape, so `loadConfig` reads it back to the same configuration.
import { stringify } from 'yaml';
import type { CenterConfig } from './schema.ts';

/** Drops the keys whose value is undefined (YAML would write them as null, which the schema refuses). */
function defined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(defined);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, defined(x)]));
  return v;
}

export function configToYaml(config: CenterConfig, header?: string): string {
  const body = stringify(defined(config), { lineWidth: 0, aliasDuplicateObjects: false });
  const comment = header ? `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n` : '';
  return comment + body;
}
