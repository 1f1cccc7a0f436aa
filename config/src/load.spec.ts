import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { demoConfigPath, formatConfigErrors, loadConfig, loadDemoConfig, parseConfig, resolveConfigFile } from './load.ts';
import { demoRaw, tempDir, writeTemp } from './testing.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke into the untyped YAML data

const badConfigs: [name: string, change: (r: Raw) => void, errors: string[]][] = [
  [
    'a counter serves a field that does not exist',
    (r) => {
      r.counters[3].serviceIds[0] = 'khong-co';
      r.counters[3].weights = {};
    },
    ['counters[3].serviceIds[0]: unknown service "khong-co"'],
  ],
  [
    'an id written in capitals',
    (r) => {
      r.counters[3].serviceIds[0] = 'X';
    },
    [
      'counters[3].serviceIds[0]: chỉ dùng chữ thường không dấu, số, "-" và "_" (lowercase letters, digits, - and _)',
      'counters[3].serviceIds[0]: unknown service "X"',
      'counters[3].weights.dat-dai: service "dat-dai" is not served at this counter',
    ],
  ],
  [
    'two fields with the same prefix',
    (r) => {
      r.services[1].prefix = '1';
    },
    ['services[1]: prefix "1" bị trùng (duplicate prefix)'],
  ],
  [
    'a minute past 59',
    (r) => {
      r.hours.mon[0].open = '07:60';
    },
    ['hours.mon[0].open: giờ dạng HH:MM (time as HH:MM)'],
  ],
  [
    'opening after closing',
    (r) => {
      r.hours.sat[0] = { open: '12:00', close: '11:30' };
    },
    ['hours.sat[0].close: giờ mở phải trước giờ đóng (open must be before close)'],
  ],
  [
    'a required field missing',
    (r) => {
      delete r.center.name;
    },
    ['center.name: bắt buộc, còn thiếu (required)'],
  ],
  [
    'a prefix written as a number',
    (r) => {
      r.services[0].prefix = 1;
    },
    ['services[0].prefix: phải là văn bản, hãy đặt trong dấu nháy: "1" (expected text; put it in quotes)'],
  ],
  [
    'an unknown calling policy',
    (r) => {
      r.policy.kind = 'random';
    },
    ['policy.kind: phải là một trong: "fifo", "priority", "target" (must be one of these)'],
  ],
  [
    'a paper width the printers do not have',
    (r) => {
      r.devices.printer.paperWidth = 100;
    },
    ['devices.printer.paperWidth: phải là một trong: 58, 80 (must be one of these)'],
  ],
  [
    'a procedure without documents',
    (r) => {
      r.procedures[0].documents = [];
    },
    ['procedures[0].documents: phải có ít nhất 1 mục (must have at least 1 item)'],
  ],
  [
    'an official at a counter that does not exist',
    (r) => {
      r.staff[0].counterId = 'quay-9';
    },
    ['staff[0].counterId: unknown counter "quay-9"'],
  ],
  [
    'a wait target given as text',
    (r) => {
      r.targets.waitMinutes = 'mười lăm';
    },
    ['targets.waitMinutes: phải là số, đang là văn bản (expected a number, received text)'],
  ],
  [
    'a counter number with a fraction',
    (r) => {
      r.counters[0].number = 1.5;
    },
    ['counters[0].number: phải là số nguyên (expected an integer)'],
  ],
  [
    'a public URL that is not one',
    (r) => {
      r.center.publicUrl = 'may chu';
    },
    ['center.publicUrl: phải là địa chỉ đầy đủ, ví dụ http://192.168.1.10:8080 (must be a full URL)'],
  ],
];

describe('parseConfig', () => {
  it('accepts the demo centre', () => {
    expect(parseConfig(demoRaw()).ok).toBe(true);
  });

  it.each(badConfigs)('reports %s at its path', (_name, change, errors) => {
    const raw = demoRaw();
    change(raw);
    expect(parseConfig(raw)).toEqual({ ok: false, errors });
  });

  it.each([
    ['hello', '(root): phải là nhóm khoá: giá trị, đang là văn bản (expected a mapping, received text)'],
    [null, '(root): phải là nhóm khoá: giá trị, đang để trống (expected a mapping, received empty)'],
    [[], '(root): phải là nhóm khoá: giá trị, đang là danh sách (expected a mapping, received a list)'],
  ])('reports a top level that is not a mapping (%j)', (raw, error) => {
    expect(parseConfig(raw)).toEqual({ ok: false, errors: [error] });
  });
});

describe('loadConfig', () => {
  it('reads the demo centre by default', () => {
    const result = loadConfig({ env: {} });
    expect(result.ok && result.config.center.id).toBe('ubnd-phuong-tan-an');
  });

  it('takes the file from CENTER_CONFIG when no file is given', () => {
    const raw = demoRaw();
    (raw.center as Raw).name = 'Trung tâm thử nghiệm';
    const file = writeTemp(tempDir(), 'khac.yaml', stringify(raw));
    const result = loadConfig({ env: { CENTER_CONFIG: file } });
    expect(result.ok && result.config.center.name).toBe('Trung tâm thử nghiệm');
    expect(resolveConfigFile({ env: { CENTER_CONFIG: file } })).toBe(file);
    expect(resolveConfigFile({ file: 'x.yaml', env: { CENTER_CONFIG: file } })).toBe(join(process.cwd(), 'x.yaml'));
  });

  it('gives line and column of a YAML syntax error', () => {
    const file = writeTemp(tempDir(), 'hong.yaml', 'center:\n  id: a\n  name: [Bộ phận Một cửa\nhours: {}\n');
    const result = loadConfig({ file, env: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors[0]).toMatch(/^4:1: lỗi cú pháp YAML \(YAML syntax error\): \S/);
    for (const e of result.errors) expect(e).not.toContain('\n');
  });

  it('reports a key written twice as a syntax error', () => {
    const file = writeTemp(tempDir(), 'trung.yaml', 'center:\n  id: a\n  id: b\n');
    const result = loadConfig({ file, env: {} });
    expect(result).toEqual({ ok: false, errors: ['3:3: lỗi cú pháp YAML (YAML syntax error): Map keys must be unique'] });
  });

  it('reports a missing file', () => {
    const file = join(tempDir(), 'khong-co.yaml');
    expect(loadConfig({ file, env: {} })).toEqual({ ok: false, errors: [`${file}: không tìm thấy tệp cấu hình (config file not found)`] });
  });

  it('reports a file it cannot read', () => {
    const dir = join(tempDir(), 'thu-muc.yaml');
    mkdirSync(dir);
    expect(loadConfig({ file: dir, env: {} })).toEqual({ ok: false, errors: [`${dir}: không đọc được tệp cấu hình (cannot read config file: EISDIR)`] });
  });

  it('reports an empty file as a missing top level', () => {
    const file = writeTemp(tempDir(), 'rong.yaml', '# chỉ có chú thích\n');
    expect(loadConfig({ file, env: {} })).toEqual({
      ok: false,
      errors: ['(root): phải là nhóm khoá: giá trị, đang để trống (expected a mapping, received empty)'],
    });
  });

  it('composes decomposed text (a file saved on a Mac) to NFC', () => {
    const text = readFileSync(demoConfigPath, 'utf8').normalize('NFD');
    const file = writeTemp(tempDir(), 'nfd.yaml', text);
    const result = loadConfig({ file, env: { CENTER__counters__1__name: 'Hộ tịch'.normalize('NFD') } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.center.name).toBe('Bộ phận Một cửa UBND phường Tân An');
    expect(result.config.counters[1]?.name).toBe('Hộ tịch');
    expect(result.config.services[0]?.name).toBe('Tư pháp – Hộ tịch');
  });

  it('reads a file saved with a byte order mark and CRLF line ends', () => {
    const text = '\uFEFF' + readFileSync(demoConfigPath, 'utf8').replace(/\n/g, '\r\n');
    const file = writeTemp(tempDir(), 'windows.yaml', text);
    const result = loadConfig({ file, env: {} });
    expect(result.ok && result.config.voice.template).toBe('Mời công dân có số thứ tự {number} đến quầy số {counter}');
  });

  it('reports schema errors of a file at their paths', () => {
    const raw = demoRaw();
    (raw.hours as Raw).sat[0].open = '07h30';
    const file = writeTemp(tempDir(), 'gio.yaml', stringify(raw));
    expect(loadConfig({ file, env: {} })).toEqual({ ok: false, errors: ['hours.sat[0].open: giờ dạng HH:MM (time as HH:MM)'] });
  });
});

describe('loadDemoConfig', () => {
  it('returns the validated demo centre', () => {
    expect(loadDemoConfig().services.map((s) => s.prefix)).toEqual(['1', '2', '3', '4', '5', '6', '9']);
    expect(demoConfigPath).toMatch(/config[/\\]demo[/\\]center\.yaml$/);
  });
});

describe('formatConfigErrors', () => {
  it('puts Vietnamese first, then English, then one line per error', () => {
    const text = formatConfigErrors('/etc/mot-cua/center.yaml', ['center.name: bắt buộc, còn thiếu (required)', 'a: b\nc']);
    expect(text.split('\n')).toEqual([
      'Cấu hình trung tâm không hợp lệ (2 lỗi) trong tệp /etc/mot-cua/center.yaml',
      'Invalid centre configuration (2 errors) in /etc/mot-cua/center.yaml',
      '  - center.name: bắt buộc, còn thiếu (required)',
      '  - a: b c',
      'Hãy sửa tệp (hoặc biến môi trường) rồi khởi động lại. Fix the file (or environment variable) and start again.',
    ]);
  });

  it('shortens a long cascade of errors', () => {
    const errors = Array.from({ length: 45 }, (_, i) => `procedures[${i}].serviceId: unknown service "x"`);
    const lines = formatConfigErrors('c.yaml', errors).split('\n');
    expect(lines).toHaveLength(2 + 40 + 1 + 1);
    expect(lines).toContain('  … và 5 lỗi khác (and 5 more)');
    expect(lines).toContain('  - procedures[39].serviceId: unknown service "x"');
    expect(lines).not.toContain('  - procedures[40].serviceId: unknown service "x"');
  });
});
