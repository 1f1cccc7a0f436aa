// The province's own registry (issue 15.3): which centres report to it, their names and
// districts, the token each ships with, the province office's accounts and the targets
// the board reads against. Kept at the province (PROVINCE_CENTRES, a JSON file), never
// shipped from a centre. In demo mode a small seed stands in, with the centre tokens
// `demo-province-<centre id>` and the manager `tinh` / `demo`.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface RegistryCentre {
  id: string;
  name: string;
  district: string;
  /** SHA-256 (hex) of the centre's PROVINCE_TOKEN; absent: only the demo token (demo mode). */
  tokenSha256?: string;
}

export interface ProvinceUser {
  username: string;
  /** An argon2 hash (the `npm run user` tool's), or `demo:<password>` in demo mode only. */
  passwordHash: string;
  role: 'manager' | 'admin';
  displayName?: string;
}

export interface Registry {
  name: string;
  centres: RegistryCentre[];
  users: ProvinceUser[];
  targets: { waitMinutes: number; serviceMinutes: number; satisfactionPct: number; dossiersPerStaffYear: number };
  /** Scores counted as satisfied (the four levels' first two: 4 and 3). */
  satisfiedScores: number[];
  /** The day a reporting month starts (21: the 21st → the 20th). */
  monthStartDay: number;
}

const DEFAULTS = { targets: { waitMinutes: 15, serviceMinutes: 30, satisfactionPct: 95, dossiersPerStaffYear: 1200 }, satisfiedScores: [3, 4], monthStartDay: 21 };

export const DEMO_REGISTRY: Registry = {
  name: 'Trung tâm Phục vụ hành chính công tỉnh (demo)',
  centres: [
    { id: 'ubnd-phuong-tan-an', name: 'Bộ phận Một cửa UBND phường Tân An', district: 'Thành phố Long Xuyên' },
    { id: 'ubnd-xa-my-hoa-hung', name: 'Bộ phận Một cửa UBND xã Mỹ Hòa Hưng', district: 'Thành phố Long Xuyên' },
    { id: 'ubnd-thi-tran-an-phu', name: 'Bộ phận Một cửa UBND thị trấn An Phú', district: 'Huyện An Phú' },
  ],
  users: [{ username: 'tinh', passwordHash: 'demo:demo', role: 'manager', displayName: 'Văn phòng tỉnh' }],
  ...DEFAULTS,
};

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

/** Reads and checks a registry file; throws one readable message (Vietnamese / English) naming what is wrong. */
export function loadRegistry(file: string): Registry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được danh sách trung tâm ${file}: ${(e as Error).message} / cannot read the centre registry`);
  }
  const r = raw as Partial<Registry>;
  const bad = (what: string) => new Error(`Danh sách trung tâm ${file}: ${what} không hợp lệ / registry: ${what} is not valid`);
  if (!Array.isArray(r.centres) || r.centres.length === 0) throw bad('centres');
  const ids = new Set<string>();
  for (const [i, c] of r.centres.entries()) {
    if (!isText(c?.id, 100) || !/^[a-z0-9][a-z0-9-]*$/.test(c.id) || ids.has(c.id)) throw bad(`centres[${i}].id`);
    if (!isText(c.name) || !isText(c.district)) throw bad(`centres[${i}].name/district`);
    if (c.tokenSha256 !== undefined && !/^[0-9a-f]{64}$/.test(c.tokenSha256)) throw bad(`centres[${i}].tokenSha256`);
    ids.add(c.id);
  }
  for (const [i, u] of (r.users ?? []).entries()) {
    if (!isText(u?.username, 64) || !isText(u.passwordHash, 500) || !['manager', 'admin'].includes(u.role)) throw bad(`users[${i}]`);
  }
  return {
    name: isText(r.name) ? r.name : DEMO_REGISTRY.name,
    centres: r.centres.map((c) => ({ id: c.id, name: c.name, district: c.district, ...(c.tokenSha256 ? { tokenSha256: c.tokenSha256 } : {}) })),
    users: r.users ?? [],
    targets: { ...DEFAULTS.targets, ...(r.targets ?? {}) },
    satisfiedScores: Array.isArray(r.satisfiedScores) ? r.satisfiedScores : DEFAULTS.satisfiedScores,
    monthStartDay: typeof r.monthStartDay === 'number' && r.monthStartDay >= 1 && r.monthStartDay <= 28 ? r.monthStartDay : DEFAULTS.monthStartDay,
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** The registered centre a bearer token belongs to, or null. `demo`: `demo-province-<id>` is each centre's token too. */
export function centreOfToken(registry: Registry, token: string, demo: boolean): RegistryCentre | null {
  const h = sha256(token);
  for (const c of registry.centres) {
    if (c.tokenSha256 && timingSafeEqual(h, Buffer.from(c.tokenSha256, 'hex'))) return c;
    if (demo && token === `demo-province-${c.id}`) return c;
  }
  return null;
}
