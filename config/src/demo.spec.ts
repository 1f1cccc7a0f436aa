// The shipped demo centre is what `npm start` runs and what the other packages'
// tests lean on; these are the minimums the project promises for it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoConfigPath, loadDemoConfig } from './load.ts';
import { foldVietnamese } from './text.ts';

const config = loadDemoConfig();

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return [];
}

describe('demo centre', () => {
  it('has the six fields with prefixes 1 to 6, and the returns lane 9 (issue 16.3)', () => {
    expect(config.services.map((s) => [s.name, s.prefix])).toEqual([
      ['Tư pháp – Hộ tịch', '1'],
      ['Chứng thực', '2'],
      ['Đất đai', '3'],
      ['Xây dựng', '4'],
      ['Lao động – Thương binh và Xã hội', '5'],
      ['Đăng ký kinh doanh (hộ kinh doanh)', '6'],
      ['Trả kết quả', '9'],
    ]);
    expect(config.services.filter((s) => s.returns).map((s) => s.id)).toEqual(['tra-ket-qua']);
    for (const s of config.services) {
      expect(s.nameEn, s.id).toBeTruthy();
      expect(s.icon, s.id).not.toBe('folder');
      expect(s.avgServiceMinutes).toBeGreaterThanOrEqual(5);
      expect(s.avgServiceMinutes).toBeLessThanOrEqual(30);
    }
  });

  it('has counters 1 to 6, counter 1 the priority counter serving every field', () => {
    expect(config.counters.map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const priority = config.counters.filter((k) => k.priority);
    expect(priority.map((k) => [k.number, k.name])).toEqual([[1, 'Quầy ưu tiên']]);
    expect([...(priority[0]?.serviceIds ?? [])].sort()).toEqual(config.services.map((s) => s.id).sort());
    const shared = config.counters.filter((k) => !k.priority && k.serviceIds.length === 2);
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const k of shared) expect(Object.keys(k.weights).sort(), k.id).toEqual([...k.serviceIds].sort());
  });

  it('serves every field at some counter besides the priority one', () => {
    for (const s of config.services) expect(config.counters.some((k) => !k.priority && k.serviceIds.includes(s.id)), s.id).toBe(true);
  });

  it('lists at least 30 procedures, spread over every field, each complete', () => {
    expect(config.procedures.length).toBeGreaterThanOrEqual(30);
    // the returns lane takes no procedure: its numbers come from a ready dossier
    for (const s of config.services.filter((x) => !x.returns)) expect(config.procedures.filter((p) => p.serviceId === s.id).length, s.id).toBeGreaterThanOrEqual(4);
    expect(config.procedures.filter((p) => p.serviceId === 'tra-ket-qua')).toEqual([]);
    for (const p of config.procedures) {
      expect(p.code, p.name).toMatch(/^[12]\.\d{6}$/);
      expect(p.documents.length, p.name).toBeGreaterThanOrEqual(1);
      expect(p.processingTime, p.name).toBeTruthy();
      expect(p.fee, p.name).toBeTruthy();
      expect(p.nameEn, p.name).toBeTruthy();
    }
    const names = config.procedures.map((p) => p.name);
    for (const n of ['Đăng ký khai sinh', 'Đăng ký kết hôn', 'Đăng ký khai tử', 'Chứng thực chữ ký trong các giấy tờ, văn bản', 'Đăng ký thành lập hộ kinh doanh'])
      expect(names).toContain(n);
    expect(config.procedures.find((p) => p.name === 'Đăng ký khai sinh')?.code).toBe('1.001193');
    expect(config.procedures.some((p) => p.anyResidence)).toBe(true);
    expect(config.procedures.some((p) => p.forms.length > 0)).toBe(true);
  });

  it('has the priority groups, the elderly from 60', () => {
    const ids = config.priorityCategories.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['nguoi-cao-tuoi', 'phu-nu-mang-thai', 'nguoi-khuyet-tat']));
    expect(config.priorityCategories.find((c) => c.id === 'nguoi-cao-tuoi')?.minAge).toBe(60);
  });

  it('has one official per counter, a manager and an admin', () => {
    for (const k of config.counters) {
      const s = config.staff.find((x) => x.username === `quay${k.number}`);
      expect(s?.counterId, k.id).toBe(k.id);
      expect(s?.role).toBe('staff');
      expect(s?.phone).toBeTruthy();
      expect(foldVietnamese(s?.fullName ?? '')).not.toBe((s?.fullName ?? '').toLowerCase());
    }
    expect(config.staff.find((s) => s.username === 'quanly')?.role).toBe('manager');
    expect(config.staff.find((s) => s.username === 'admin')?.role).toBe('admin');
  });

  it('opens weekdays 07:00–11:30 and 13:30–17:00 and Saturday morning', () => {
    const weekday = [
      { open: '07:00', close: '11:30' },
      { open: '13:30', close: '17:00' },
    ];
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(config.hours[d]).toEqual(weekday);
    expect(config.hours.sat).toEqual([{ open: '07:30', close: '11:30' }]);
    expect(config.hours.sun).toEqual([]);
  });

  it('calls in the hall the way DOMAIN.md quotes it', () => {
    expect(config.voice.template).toBe('Mời công dân có số thứ tự {number} đến quầy số {counter}');
    expect(config.ticketFormat).toEqual({ digits: 3, pattern: '{prefix}{seq}' });
  });

  it('lists a kiosk, a board, and a keypad and display per counter', () => {
    const byId = new Map(config.devices.list.map((d) => [d.id, d]));
    expect(byId.get('kiosk-1')?.kind).toBe('kiosk');
    expect(byId.get('board-1')?.kind).toBe('board');
    for (const k of config.counters) {
      expect(byId.get(`keypad-${k.number}`)).toMatchObject({ kind: 'keypad', counterId: k.id });
      expect(byId.get(`display-${k.number}`)).toMatchObject({ kind: 'counter-display', counterId: k.id });
    }
  });

  it('keeps every text in NFC, in the file and after loading', () => {
    const file = readFileSync(demoConfigPath, 'utf8');
    expect(file).toBe(file.normalize('NFC'));
    const all = strings(config);
    expect(all.length).toBeGreaterThan(500);
    for (const s of all) expect(s).toBe(s.normalize('NFC'));
  });
});
