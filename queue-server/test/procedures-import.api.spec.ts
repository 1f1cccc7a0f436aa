// Issue 13.4 over the API: POST /api/v1/admin/procedures/import with a file's
// bytes. Only an admin (with the CSRF header); a dry run changes nothing; the
// apply changes the live procedures the public routes show, with no restart;
// bytes that are no catalogue get the error shape, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../tests/support/api.ts';
import { workbook } from '../../config/src/catalogue/testing.ts';
import { startTestServer, type TestServer } from './harness.ts';

type Err = { error: { code: string; message: string } };
type Report = {
  dryRun: boolean;
  applied: boolean;
  format: string;
  added: { code: string; name: string; row: number }[];
  changed: { code: string; columns: string[] }[];
  removed: { code: string }[];
  unchanged: number;
  total: number;
  errors: { row?: number; column?: string; text: string }[];
};
type Procedures = { procedures: { code: string; name: string; serviceId: string; fee: string }[] };

let s: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  s = await startTestServer();
  admin = s.client();
  await admin.login('admin');
});
afterAll(async () => s?.close());

/** POSTs raw bytes with the client's session cookie (and its CSRF header unless told not to). */
async function upload<T>(c: ApiClient, body: Uint8Array | string, query = '', opts: { type?: string; csrf?: boolean } = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'text/csv; charset=utf-8' };
  const sid = c.cookie('sid');
  const csrf = c.cookie('csrf');
  if (sid) headers.cookie = `sid=${sid}; csrf=${csrf ?? ''}`;
  if (csrf && opts.csrf !== false) headers['x-csrf-token'] = csrf;
  const res = await fetch(`${s.url}/api/v1/admin/procedures/import${query}`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as T };
}

const procedures = async () => (await s.client().get<Procedures>('/api/v1/procedures')).body.procedures;

/** The live procedures as a province file: every one kept, the first one's fee changed, one new procedure. */
async function catalogue(): Promise<string> {
  const list = await procedures();
  const services = (await s.client().get<{ services: { id: string; name: string }[] }>('/api/v1/center')).body.services;
  const field = (id: string) => services.find((x) => x.id === id)!.name;
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  const rows = list.map((p, i) => [p.code, p.name, field(p.serviceId), i === 0 ? 'Miễn lệ phí (thử)' : p.fee].map(q).join(';'));
  rows.push(['1.003583', 'Thủ tục đăng ký khai sinh lưu động', field('ho-tich'), 'Miễn lệ phí'].map(q).join(';'));
  return `\uFEFFMã thủ tục;Tên thủ tục;Lĩnh vực;Phí/lệ phí\r\n${rows.join('\r\n')}\r\n`;
}

describe('POST /api/v1/admin/procedures/import', () => {
  it('is for the admin only: 401 without a session, 403 for staff and managers, 403 without the CSRF header', async () => {
    const csv = await catalogue();
    expect((await upload<Err>(s.client(), csv, '?dryRun=1')).status).toBe(401);
    for (const [user, counter] of [['quay2', 'quay-2'], ['quanly', undefined]] as const) {
      const c = s.client();
      await c.login(user, counter);
      const r = await upload<Err>(c, csv, '?dryRun=1');
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBeTruthy();
    }
    const noCsrf = await upload<Err>(admin, csv, '?dryRun=1', { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
  });

  it('a dry run lists what would be added and changed (which columns), and changes nothing', async () => {
    const before = await procedures();
    const r = await upload<Report>(admin, await catalogue(), '?dryRun=1');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, applied: false, format: 'csv', removed: [], errors: [] });
    expect(r.body.added).toEqual([{ code: '1.003583', name: 'Thủ tục đăng ký khai sinh lưu động', row: before.length + 2 }]);
    expect(r.body.changed).toEqual([{ code: before[0]!.code, name: before[0]!.name, row: 2, columns: ['fee'] }]);
    expect(r.body.unchanged).toBe(before.length - 1);
    expect(await procedures()).toEqual(before);
  });

  it('the apply (an XLSX file) replaces the live procedures at once: removed ones go, new ones are served', async () => {
    const xlsx = workbook([
      ['DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ'],
      ['STT', 'Mã TTHC', 'Tên thủ tục hành chính', 'Lĩnh vực', 'Thời hạn giải quyết', 'Phí, lệ phí', 'Thành phần hồ sơ', 'Cơ quan thực hiện', 'Mức độ DVC'],
      [1, 1.001193, 'Thủ tục đăng ký khai sinh', 'Hộ tịch', 'Trong ngày', 'Miễn lệ phí', '- Tờ khai đăng ký khai sinh\n- Giấy chứng sinh', 'UBND cấp xã', 'Toàn trình'],
      [2, '1.004837', 'Thủ tục đăng ký giám hộ', null, '03 ngày làm việc', 'Miễn lệ phí', 'Tờ khai đăng ký giám hộ', 'UBND cấp xã', 'Một phần'],
      [3, '2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực', 'Trong ngày', '2.000 đồng/trang', 'Bản chính và bản sao', 'UBND cấp xã', 'Một phần'],
    ]);
    const dry = await upload<Report>(admin, xlsx, '?dryRun=1', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(dry.status).toBe(200);
    expect(dry.body.format).toBe('xlsx');
    expect(dry.body.removed.length).toBeGreaterThan(30);
    const r = await upload<Report>(admin, xlsx, '', { type: 'application/octet-stream' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, applied: true, total: 3, errors: [] });
    const after = await procedures();
    expect(after.map((p) => [p.code, p.serviceId])).toEqual([
      ['1.001193', 'ho-tich'],
      ['1.004837', 'ho-tich'],
      ['2.000815', 'chung-thuc'],
    ]);
    const one = await s.client().get<{ name: string; documents: string[]; processingTime: string }>('/api/v1/procedures/1.004837');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'Thủ tục đăng ký giám hộ', documents: ['Tờ khai đăng ký giám hộ'], processingTime: '03 ngày làm việc' });
    const live = await admin.get<{ procedures: { code: string; agency?: string; onlineLevel?: string }[] }>('/api/v1/admin/config');
    expect(live.body.procedures?.find((p) => p.code === '2.000815')).toMatchObject({ agency: 'UBND cấp xã', onlineLevel: 'Một phần' });
  });

  it('a file with problems is not applied: 400 naming the first row and column, and the procedures stay', async () => {
    const before = await procedures();
    const csv = 'Mã thủ tục,Tên thủ tục,Lĩnh vực\n1.001193,Đăng ký khai sinh,Hộ tịch\n1.009999,Cấp phép chăn nuôi,Thú y\n';
    const dry = await upload<Report>(admin, csv, '?dryRun=1');
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e) => e.text)).toEqual(['dòng 3, cột "Lĩnh vực": lĩnh vực "Thú y" không có ở trung tâm (unknown field; add it or rename the file\'s field)']);
    const r = await upload<Err>(admin, csv);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('catalogue_invalid');
    expect(r.body.error.message).toMatch(/^Tệp có 1 lỗi, chưa nhập .*dòng 3, cột "Lĩnh vực"/);
    expect(await procedures()).toEqual(before);
  });

  it('takes a real-sized file (far over the 16 KiB the other routes take) and answers 413 in the error shape past its own limit', async () => {
    const docs = 'Tờ khai theo mẫu; bản chính giấy tờ để đối chiếu; '.repeat(8);
    const rows = Array.from({ length: 4000 }, (_, i) => `1.${String(100000 + i).padStart(6, '0')};Thủ tục số ${i + 1};Hộ tịch;;;"${docs}"`);
    const big = `Mã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Phí/lệ phí;Thành phần hồ sơ\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const r = await upload<Report>(admin, big, '?dryRun=1');
    expect(r.status).toBe(200);
    expect(r.body.added).toHaveLength(4000);
    const tooBig = await upload<Err>(admin, new Uint8Array(16 * 1024 * 1024 + 1), '?dryRun=1', { type: 'application/octet-stream' });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
  });

  it('bytes that are no catalogue get a 400 in the error shape, whatever their type', async () => {
    const cases: [Uint8Array | string, string][] = [
      [new Uint8Array(), 'text/csv'],
      [new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0x80, 7, 0]), 'application/octet-stream'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/vnd.ms-excel'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9, 9]), 'application/zip'],
      ['{"procedures": []}', 'application/json'],
      ['chỉ là một dòng chữ', 'text/plain'],
    ];
    for (const [body, type] of cases) {
      const r = await upload<Err>(admin, body, '', { type });
      expect(r.status, type).toBe(400);
      expect(r.body.error.code).toBe('catalogue_unreadable');
      expect(r.body.error.message).toMatch(/\(.+\)$/);
    }
    const badQuery = await upload<Err>(admin, 'x', '?dryRun=maybe');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.code).toBe('bad_request');
  });
});
