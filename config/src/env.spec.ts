import { describe, expect, it } from 'vitest';
import { applyEnvOverrides, loadConfig, parseEnvScalar } from './load.ts';

describe('parseEnvScalar', () => {
  it.each([
    ['20', 20],
    ['2.5', 2.5],
    ['true', true],
    ['false', false],
    ['null', null],
    ['fifo', 'fifo'],
    ['Bộ phận Một cửa: phường Tân An', 'Bộ phận Một cửa: phường Tân An'],
    ['[a, b]', '[a, b]'],
    ['0262 3 811 115', '0262 3 811 115'],
    ['02623811115', '02623811115'],
    ['+842623811115', '+842623811115'],
    ['"15"', '15'],
    ['', ''],
    ['{', '{'],
  ])('%j → %j', (text, value) => {
    expect(parseEnvScalar(text)).toEqual(value);
  });
});

describe('applyEnvOverrides', () => {
  it('sets nested keys and list items, reading numbers and booleans', () => {
    const raw = { voice: { chime: true }, counters: [{ name: 'A' }, { name: 'B' }] };
    const out = applyEnvOverrides(raw, {
      CENTER__voice__chime: 'false',
      CENTER__counters__1__name: 'Quầy số hai',
      CENTER__targets__waitMinutes: '20',
    });
    expect(out).toEqual({ voice: { chime: false }, counters: [{ name: 'A' }, { name: 'Quầy số hai' }], targets: { waitMinutes: 20 } });
  });

  it('creates the lists and mappings on the way', () => {
    expect(applyEnvOverrides({}, { CENTER__a__b__0__c: '5' })).toEqual({ a: { b: [{ c: 5 }] } });
    expect(applyEnvOverrides(null, { CENTER_NAME: 'X' })).toEqual({ center: { name: 'X' } });
  });

  it('appends in numeric order, so item 10 comes after item 9', () => {
    const env: Record<string, string> = {};
    for (let i = 0; i <= 10; i++) env[`CENTER__list__${i}`] = String(i);
    expect(applyEnvOverrides({ list: [] }, env)).toEqual({ list: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  });

  it('leaves the input untouched and ignores other variables', () => {
    const raw = { center: { name: 'Cũ' }, hours: { mon: [{ open: '07:00' }] } };
    const before = JSON.stringify(raw);
    const out = applyEnvOverrides(raw, { CENTER__hours__mon__0__open: '07:30', PATH: '/usr/bin', CENTERX: '1' });
    expect(JSON.stringify(raw)).toBe(before);
    expect(out).toEqual({ center: { name: 'Cũ' }, hours: { mon: [{ open: '07:30' }] } });
    expect(applyEnvOverrides(raw, { HOME: '/root' })).toBe(raw);
  });

  it('maps the shortcuts, keeping their values as text', () => {
    const out = applyEnvOverrides({}, {
      CENTER_NAME: 'Bộ phận Một cửa UBND xã Hoà Phú',
      PUBLIC_URL: 'http://10.0.0.5:8080',
      CALL_POLICY: 'fifo',
      TARGET_WAIT_MINUTES: '20',
    });
    expect(out).toEqual({
      center: { name: 'Bộ phận Một cửa UBND xã Hoà Phú', publicUrl: 'http://10.0.0.5:8080' },
      policy: { kind: 'fifo' },
      targets: { waitMinutes: 20 },
    });
  });

  it('treats an empty shortcut as unset', () => {
    expect(applyEnvOverrides({ center: { name: 'A' } }, { CENTER_NAME: '', PUBLIC_URL: '' })).toEqual({ center: { name: 'A' } });
    expect(loadConfig({ env: { CENTER_CONFIG: '', PUBLIC_URL: '' } }).ok).toBe(true);
  });

  it('does not reach Object.prototype', () => {
    applyEnvOverrides({}, { CENTER__constructor__prototype__polluted: 'yes', CENTER__toString__x: '1' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadConfig with the environment', () => {
  it('applies generic overrides and shortcuts to the demo centre', () => {
    const result = loadConfig({
      env: {
        CENTER_NAME: 'Bộ phận Một cửa UBND phường Hoà Bình',
        TARGET_WAIT_MINUTES: '20',
        PUBLIC_URL: 'http://192.168.1.10:8080',
        CALL_POLICY: 'priority',
        CENTER__counters__1__name: 'Hộ tịch',
        CENTER__voice__repeat: '1',
        CENTER__center__hotline: '02623811115',
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.config;
    expect([c.center.name, c.targets.waitMinutes, c.center.publicUrl, c.policy.kind]).toEqual([
      'Bộ phận Một cửa UBND phường Hoà Bình',
      20,
      'http://192.168.1.10:8080',
      'priority',
    ]);
    expect([c.counters[1]?.name, c.voice.repeat, c.center.hotline]).toEqual(['Hộ tịch', 1, '02623811115']);
  });

  it('DEVICE_SILENCE_SECONDS sets devices.silenceAlertSeconds (default 120, the silence before a device is an alert); a bad value is refused at its path', () => {
    const plain = loadConfig({ env: {} });
    expect(plain.ok && plain.config.devices.silenceAlertSeconds).toBe(120);
    const short = loadConfig({ env: { DEVICE_SILENCE_SECONDS: '3' } });
    expect(short.ok && short.config.devices.silenceAlertSeconds).toBe(3);
    const bad = loadConfig({ env: { DEVICE_SILENCE_SECONDS: '0' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join()).toContain('devices.silenceAlertSeconds');
  });

  it('keeps the warning threshold below a lowered target', () => {
    const result = loadConfig({ env: { TARGET_WAIT_MINUTES: '10' } });
    expect(result.ok && [result.config.targets.waitMinutes, result.config.targets.warnWaitMinutes]).toEqual([10, 8]);
  });

  it('still reports a warning threshold set explicitly above the target', () => {
    const result = loadConfig({ env: { TARGET_WAIT_MINUTES: '10', CENTER__targets__warnWaitMinutes: '12' } });
    expect(result).toEqual({
      ok: false,
      errors: ['targets.warnWaitMinutes: must not exceed targets.waitMinutes [env CENTER__targets__warnWaitMinutes]'],
    });
  });

  it.each([
    [{ TARGET_WAIT_MINUTES: 'mười' }, 'targets.waitMinutes: phải là số, đang là văn bản (expected a number, received text) [env TARGET_WAIT_MINUTES]'],
    [{ CALL_POLICY: 'lottery' }, 'policy.kind: phải là một trong: "fifo", "priority", "target" (must be one of these) [env CALL_POLICY]'],
    [{ PUBLIC_URL: 'may-chu' }, 'center.publicUrl: phải là địa chỉ đầy đủ, ví dụ http://192.168.1.10:8080 (must be a full URL) [env PUBLIC_URL]'],
    [{ CENTER__counters__1__serviceIds__0: 'khong-co' }, 'counters[1].serviceIds[0]: unknown service "khong-co" [env CENTER__counters__1__serviceIds__0]'],
    [{ CENTER__hours__sat__0__open: '07h' }, 'hours.sat[0].open: giờ dạng HH:MM (time as HH:MM) [env CENTER__hours__sat__0__open]'],
    [{ CENTER__voice: 'im lặng' }, 'voice: phải là nhóm khoá: giá trị, đang là văn bản (expected a mapping, received text) [env CENTER__voice]'],
  ])('reports a bad override at its path: %j', (env, error) => {
    expect(loadConfig({ env })).toEqual({ ok: false, errors: [error] });
  });

  it('reports an index past the end of a list and a malformed name', () => {
    expect(loadConfig({ env: { CENTER__services__99__id: 'moi' } })).toEqual({
      ok: false,
      errors: ['services[99]: CENTER__services__99__id: chỉ số vượt quá cuối danh sách (7 mục) (index past the end of the list of 7)'],
    });
    expect(loadConfig({ env: { CENTER____x: '1' } })).toEqual({
      ok: false,
      errors: ['CENTER____x: tên biến không hợp lệ, dùng CENTER__khoá__0__khoá (bad variable name; use CENTER__key__0__key)'],
    });
    // Found by the loader's property test: a name ending in a space still reads as "name: message".
    expect(loadConfig({ env: { 'CENTER____ ': '' } })).toEqual({
      ok: false,
      errors: ['"CENTER____ ": tên biến không hợp lệ, dùng CENTER__khoá__0__khoá (bad variable name; use CENTER__key__0__key)'],
    });
  });

  it('adds a new list item at the end', () => {
    const result = loadConfig({
      env: {
        CENTER__priorityCategories__4__id: 'tre-em-duoi-6-tuoi',
        CENTER__priorityCategories__4__name: 'Trẻ em dưới 6 tuổi',
      },
    });
    expect(result.ok && result.config.priorityCategories.at(-1)).toEqual({ id: 'tre-em-duoi-6-tuoi', name: 'Trẻ em dưới 6 tuổi' });
  });
});
