// The YAML written from a configuration loads back to the same configuration.
import { describe, expect, it } from 'vitest';
import { configToYaml } from './dump.ts';
import { loadConfig, loadDemoConfig } from './load.ts';
import { tempDir, writeTemp } from './testing.ts';

describe('configToYaml', () => {
  it('the demo centre, written and read back, is the same configuration, diacritics and all', () => {
    const demo = loadDemoConfig();
    const text = configToYaml(demo, 'Xuất từ cấu hình đang chạy\nexported');
    expect(text.startsWith('# Xuất từ cấu hình đang chạy\n# exported\n')).toBe(true);
    expect(text).toContain('Hộ tịch');
    const back = loadConfig({ file: writeTemp(tempDir(), 'centre.yaml', text), env: {} });
    expect(back).toEqual({ ok: true, config: demo });
  });

  it('a key left undefined is left out, not written as null', () => {
    const demo = loadDemoConfig();
    const c = { ...demo, center: { ...demo.center, nameEn: undefined } };
    const text = configToYaml(c);
    expect(text).not.toMatch(/nameEn: null/);
    const back = loadConfig({ file: writeTemp(tempDir(), 'centre.yaml', text), env: {} });
    expect(back.ok && back.config.center.nameEn).toBeUndefined();
  });
});
