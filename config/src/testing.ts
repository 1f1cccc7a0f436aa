// Helpers for the config tests: the demo file as raw data, and temp files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { demoConfigPath } from './load.ts';

/**
 * The demo centre before validation, as plain JSON (the YAML anchors for the
 * weekday hours become separate arrays, so a test can change one day alone).
 */
export function demoRaw(): Record<string, unknown> {
  demoJson ??= JSON.stringify(parseDocument(readFileSync(demoConfigPath, 'utf8')).toJS());
  return JSON.parse(demoJson) as Record<string, unknown>;
}
let demoJson: string | undefined;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mot-cua-config-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text, 'utf8');
  return file;
}
