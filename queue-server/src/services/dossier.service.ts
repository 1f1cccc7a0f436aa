// Dossier status by the code on the receipt (mã hồ sơ).
import type { CenterConfig } from '@mot-cua/config';
import { liveConfig, type ConfigSource } from './centre.ts';
import { toIso } from '../domain/index.ts';
import type { Dossier, DossierSource, DossierStatus, StorePort } from '../store/index.ts';
import { fail, text } from '../domain/messages.ts';
import { DOSSIER_CODE } from '../domain/outcome.ts';


const statusText = (status: DossierStatus) => text(`dossier:${status}`);

/** Initials only: the status page is public to whoever holds the code. */
export const initials = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .map((w) => `${w[0]!.toLocaleUpperCase('vi')}.`)
    .join(' ');

export class DossierService {
  /** The live configuration, read at each use (issue 13.2). */
  private readonly liveConfig: () => CenterConfig;
  private get config(): CenterConfig {
    return this.liveConfig();
  }

  constructor(
    config: ConfigSource,
    private readonly source: DossierSource,
  ) {
    this.liveConfig = liveConfig(config);
  }

  async status(rawCode: string) {
    const code = rawCode.trim().toUpperCase();
    if (!DOSSIER_CODE.test(code)) {
      throw fail('bad_dossier_code');
    }
    const d = await this.source.find(code);
    if (!d) throw fail('not_found:dossier', { code });
    const proc = this.config.procedures.find((p) => p.code === d.procedureCode);
    return {
      code: d.code,
      procedureCode: d.procedureCode,
      procedureName: proc?.name ?? d.procedureCode,
      applicantInitials: initials(d.applicantName),
      status: d.status,
      statusText: statusText(d.status),
      receivedAt: toIso(d.receivedAt),
      dueAt: toIso(d.dueAt),
      updatedAt: toIso(d.updatedAt),
      note: d.note,
    };
  }
}

/** The demo's dossier codes, one per status (documented in the README). */
export const DEMO_DOSSIER_CODES = ['261101-HT01-0001', '261102-CT02-0002', '261103-DD03-0003', '261104-XD04-0004', '261105-LD05-0005'] as const;

/** Demo dossiers in every status, dated around `now`. */
export async function seedDemoDossiers(store: StorePort, config: CenterConfig, now: number): Promise<void> {
  const day = 86_400_000;
  const pick = (i: number) => config.procedures[i % Math.max(1, config.procedures.length)]?.code ?? '1.001193';
  const rows: [DossierStatus, number, number, string, string | null][] = [
    ['received', 0, 3, 'Nguyễn Văn Bình', null],
    ['processing', -2, 3, 'Trần Thị Hoa', null],
    ['supplement_needed', -4, 2, 'Lê Quang Dũng', 'Thiếu bản sao giấy chứng nhận quyền sử dụng đất'],
    ['ready', -6, -1, 'Phạm Thị Lan', null],
    ['returned', -12, -8, 'Hoàng Minh Tuấn', null],
  ];
  const dossiers = rows.map(([status, recv, due, name, note], i): Dossier => {
    const receivedAt = now + recv * day;
    return {
      code: DEMO_DOSSIER_CODES[i]!,
      procedureCode: pick(i * 7),
      applicantName: name,
      status,
      receivedAt,
      dueAt: now + due * day,
      updatedAt: now + Math.min(0, due) * day,
      note,
    };
  });
  await store.commit({ dossiers });
}
