// The live configuration over a real SQLite file: seeded once from the YAML,
// stored, validated, refused when it would strand open tickets, audited, announced.
import { afterEach, describe, expect, it } from 'vitest';
import type { CenterConfig } from '@mot-cua/config';
import { SqlitePort } from '../store/index.ts';
import { Bus } from './bus.ts';
import { CenterConfigService, CONFIG_META_KEY, ConfigInvalid } from './center-config.service.ts';
import { openQueue, staffAt, type QueueFixture } from './queue.fixture.ts';
import { createQueue, type Queue } from './queue.ts';

const copy = (c: CenterConfig): CenterConfig => structuredClone(c);

/** The configuration without one field, and without every reference to it. */
function withoutService(c: CenterConfig, id: string): CenterConfig {
  const next = copy(c);
  next.services = next.services.filter((s) => s.id !== id);
  next.procedures = next.procedures.filter((p) => p.serviceId !== id);
  next.counters = next.counters
    .map((k) => ({ ...k, serviceIds: k.serviceIds.filter((s) => s !== id), weights: k.weights ? Object.fromEntries(Object.entries(k.weights).filter(([s]) => s !== id)) : k.weights }))
    .filter((k) => k.serviceIds.length > 0);
  return next;
}

describe('CenterConfigService', () => {
  let f: QueueFixture;
  afterEach(() => f?.close());

  const open = async (seed: CenterConfig, bus = new Bus()) => {
    const port = new SqlitePort(f.store);
    const r = await CenterConfigService.open(seed, { store: port, bus, now: () => f.clock.now, openTickets: () => f.queue.tickets.values() });
    return { ...r, port, bus };
  };

  it('the YAML seeds a fresh data folder once; after that the stored configuration wins, said in one note', async () => {
    f = await openQueue();
    const seed = f.queue.centre.config;
    const first = await open(seed);
    expect(first.notes).toEqual([]);
    expect(JSON.parse((await first.port.reads.meta(CONFIG_META_KEY))!)).toEqual(JSON.parse(JSON.stringify(seed)));
    const renamed = copy(seed);
    renamed.center.name = 'Trung tâm Phục vụ hành chính công xã Hoà Bình';
    await first.service.replace(renamed, 'admin');
    const again = await open(seed);
    expect(again.service.current().center.name).toBe('Trung tâm Phục vụ hành chính công xã Hoà Bình');
    expect(again.notes).toHaveLength(1);
    expect(again.notes[0]).toMatch(/^Cấu hình trong thư mục dữ liệu khác tệp YAML.* \/ the stored configuration differs/);
  });

  it('refuses a configuration the schema refuses, with the path-named problem and nothing stored', async () => {
    f = await openQueue();
    const { service, port } = await open(f.queue.centre.config);
    const bad = copy(service.current());
    bad.counters[2]!.serviceIds[0] = 'khong-co';
    bad.counters[2]!.weights = {};
    const err = await service.replace(bad, 'admin').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigInvalid);
    expect(err).toMatchObject({ kind: 'bad_input', code: 'invalid_config' });
    expect((err as ConfigInvalid).message).toMatch(/^Cấu hình không hợp lệ: counters\[2\]\.serviceIds\[0\]: unknown service "khong-co" \/ invalid configuration: /);
    expect(service.current().counters[2]!.serviceIds[0]).toBe('chung-thuc');
    expect(await port.reads.audit()).toEqual([]);
  });

  it('refuses to remove a field whose tickets wait (409, with how many), and allows it once none wait', async () => {
    f = await openQueue();
    const { service } = await open(f.queue.centre.config);
    await f.queue.issue.issue({ serviceId: 'ho-kinh-doanh' }, null);
    await f.queue.issue.issue({ serviceId: 'ho-kinh-doanh' }, null);
    const next = withoutService(service.current(), 'ho-kinh-doanh');
    await expect(service.replace(next, 'admin')).rejects.toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'config_strands', message: expect.stringMatching(/^Không thể bỏ lĩnh vực "ho-kinh-doanh": còn 2 phiếu/) }),
    );
    expect(service.current().services.some((s) => s.id === 'ho-kinh-doanh')).toBe(true);
    // A field without tickets goes.
    await service.replace(withoutService(service.current(), 'xay-dung'), 'admin');
    expect(service.current().services.map((s) => s.id)).not.toContain('xay-dung');
  });

  it('refuses to remove a counter where a ticket is called (409, with how many); once that ticket is closed the counter goes', async () => {
    f = await openQueue();
    const { service } = await open(f.queue.centre.config);
    await f.queue.issue.issue({ serviceId: 'xay-dung' }, null);
    const called = await f.queue.counters.callNext('quay-6', staffAt('quay-6'));
    expect(called?.status).toBe('called');
    const without = (c: CenterConfig) => {
      const next = copy(c);
      next.counters = next.counters.filter((k) => k.id !== 'quay-6');
      next.staff = next.staff.map((s) => (s.counterId === 'quay-6' ? { ...s, counterId: undefined } : s));
      next.devices.list = next.devices.list.filter((d) => d.counterId !== 'quay-6');
      return next;
    };
    await expect(service.replace(without(service.current()), 'admin')).rejects.toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'config_strands', message: expect.stringMatching(/^Không thể bỏ quầy "quay-6": còn 1 phiếu/) }),
    );
    await f.queue.counters.act(called!.id, 'no-show', staffAt('quay-6'));
    await service.replace(without(service.current()), 'admin');
    expect(service.current().counters.map((k) => k.id)).not.toContain('quay-6');
  });

  it('a queue built on the holder follows a replacement at once: typical service times, the calling policy, what each counter serves', async () => {
    f = await openQueue();
    const port = new SqlitePort(f.store);
    const bus = new Bus();
    let q: Queue | null = null;
    const { service } = await CenterConfigService.open(f.queue.centre.config, { store: port, bus, now: () => f.clock.now, openTickets: () => q?.tickets.values() ?? [] });
    q = await createQueue(service, port, bus, { now: () => f.clock.now, secret: Buffer.alloc(32, 7), enforceHours: false, parseIdentity: null });
    const hoTich = service.current().services.find((s) => s.id === 'ho-tich')!;
    expect(q.estimates.serviceTimes()['ho-tich']).toBe(hoTich.avgServiceMinutes * 60_000);
    expect(q.centre.policy.kind).toBe('target');
    expect(q.centre.serves('quay-2', 'dat-dai')).toBe(false);

    const next = copy(service.current());
    next.services.find((s) => s.id === 'ho-tich')!.avgServiceMinutes = 25;
    next.policy.kind = 'fifo';
    next.counters.find((k) => k.id === 'quay-2')!.serviceIds.push('dat-dai');
    await service.replace(next, 'admin');
    expect(q.estimates.serviceTimes()['ho-tich']).toBe(25 * 60_000);
    expect(q.centre.policy.kind).toBe('fifo');
    expect(q.centre.serves('quay-2', 'dat-dai')).toBe(true);
    // An official at counter 2 now gets land tickets, with no restart.
    const { ticket } = await q.issue.issue({ serviceId: 'dat-dai' }, null);
    expect(q.counters.queueFor('quay-2').map((t) => t.id)).toContain(ticket.id);
  });

  it('a replacement is stored with an audit line of who and what, told to its listeners and announced', async () => {
    f = await openQueue();
    const bus = new Bus();
    const { service, port } = await open(f.queue.centre.config, bus);
    const heard: string[] = [];
    const announced: CenterConfig[] = [];
    const stop = service.onChange((next, prev) => heard.push(`${prev.services.length}→${next.services.length}`));
    bus.on('center.changed', (c) => announced.push(c));
    const next = copy(service.current());
    next.services.push({ ...next.services[0]!, id: 'tu-phap', name: 'Tư pháp', prefix: 'TP' });
    next.counters[0]!.serviceIds.push('tu-phap');
    await service.replace(next, 'quantri');
    expect(heard).toEqual(['7→8']);
    expect(announced.map((c) => c.services.length)).toEqual([8]);
    const [entry] = await port.reads.audit();
    expect(entry).toMatchObject({ actor: 'quantri', action: 'config.replace', detail: { sections: ['services', 'counters'], servicesAdded: ['tu-phap'] } });
    stop();
    await service.replace(copy(service.current()), 'quantri');
    expect(heard).toHaveLength(1);
  });
});
