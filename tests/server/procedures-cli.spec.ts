// Issue 13.4: `npm run procedures -- import <file> [--dry-run]` on a data folder,
// as real processes: the dry run of the shipped sample names the fields the demo
// centre lacks and creates nothing; an import is what a server started on the
// folder then serves; while a server holds the folder an import is refused and
// a dry run still answers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, repoRoot, type RunningServer } from '../support/server.ts';
import { ApiClient } from '../support/api.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

function procedures(dataDir: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const c = spawn('npm', ['run', '-s', 'procedures', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DEMO: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('error', reject);
    c.on('exit', (code) => resolve({ code, out }));
  });
}

const SAMPLE = path.join(repoRoot, 'config/catalogue/thu-tuc-cap-xa.csv');

describe('npm run procedures', () => {
  it('a dry run of the sample catalogue lists the changes and the fields the demo centre lacks, and creates nothing', async () => {
    const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'motcua-proc-')), 'data');
    const r = await procedures(dataDir, ['import', SAMPLE, '--dry-run']);
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/^Tệp CSV, \d+ thủ tục: thêm \d+, sửa \d+, bỏ \d+, giữ nguyên \d+/m);
    expect(r.out).toContain('  + 1.003583 Thủ tục đăng ký khai sinh lưu động');
    expect(r.out).toMatch(/ {2}~ 1.004837 Thủ tục đăng ký giám hộ \(dòng 13\): tên thủ tục/);
    expect(r.out).toMatch(/Lĩnh vực không có ở trung tâm .*Đăng ký, quản lý cư trú \(11 dòng\)/);
    expect(r.out).toMatch(/dòng \d+, cột "Lĩnh vực": lĩnh vực "Bảo trợ xã hội" không có ở trung tâm/);
    expect(r.out).toContain('Chạy thử: chưa thay đổi gì / dry run: nothing changed');
    expect(existsSync(dataDir)).toBe(false);
    // Bad arguments: the usage, exit 2.
    expect((await procedures(dataDir, ['import'])).code).toBe(2);
  });

  it('an import is what the server then serves; with the server running an import is refused, a dry run answers', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-proc-'));
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}.csv`);
    writeFileSync(
      file,
      '\uFEFFMã thủ tục;Tên thủ tục;Lĩnh vực;Thời hạn giải quyết;Phí/lệ phí;Thành phần hồ sơ\r\n' +
        '1.001193;Thủ tục đăng ký khai sinh;Hộ tịch;Trong ngày;Miễn lệ phí;"- Tờ khai đăng ký khai sinh\r\n- Giấy chứng sinh"\r\n' +
        '1.004837;Thủ tục đăng ký giám hộ;Hộ tịch;03 ngày làm việc;Miễn lệ phí;Tờ khai đăng ký giám hộ\r\n' +
        '1.001731;Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội;Bảo trợ xã hội;;;\r\n',
    );
    const applied = await procedures(dataDir, ['import', file, '--field', 'Bảo trợ xã hội=lao-dong-xa-hoi']);
    expect(applied.code, applied.out).toBe(0);
    expect(applied.out).toContain('Đã nhập vào / imported into');

    const server = await startServer({ dataDir });
    servers.push(server);
    const list = await new ApiClient(server.url).get<{ procedures: { code: string; serviceId: string }[] }>('/api/v1/procedures');
    expect(list.body.procedures.map((p) => [p.code, p.serviceId])).toEqual([
      ['1.001193', 'ho-tich'],
      ['1.004837', 'ho-tich'],
      ['1.001731', 'lao-dong-xa-hoi'],
    ]);

    const refused = await procedures(dataDir, ['import', file, '--field', 'Bảo trợ xã hội=lao-dong-xa-hoi']);
    expect(refused.code).toBe(3);
    expect(refused.out).toMatch(/đang được dùng bởi tiến trình \d+/);
    const dry = await procedures(dataDir, ['import', file, '--dry-run', '--field', 'Bảo trợ xã hội=lao-dong-xa-hoi']);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toMatch(/thêm 0, sửa 0, bỏ 0, giữ nguyên 3/);
  });
});
