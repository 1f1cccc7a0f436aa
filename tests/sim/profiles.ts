// The two centres the simulator runs: a commune one-stop (the demo centre, about
// 150 visits a day on its 6 counters) and a provincial public-service centre
// (about 1,500 visits on 30 counters, built here and validated by the real
// config schema). Shares and times are plausible figures for such centres, not
// measurements of a real one.
import { loadDemoConfig, parseConfig, type CenterConfig, type CenterConfigInput } from '@mot-cua/config';
import type { Profile } from '@mot-cua/queue-server/domain/daysim/profile.ts';

export type { CounterStatusChange, Profile } from '@mot-cua/queue-server/domain/daysim/profile.ts';

// 07:00–11:30 and 13:30–17:00; the morning peak from 8 to 10.
const HOUR_SHARE = { 7: 0.09, 8: 0.15, 9: 0.15, 10: 0.13, 11: 0.05, 13: 0.06, 14: 0.13, 15: 0.13, 16: 0.11 };
const MONDAY = '2026-11-23';

export function communeProfile(): Profile {
  const config = loadDemoConfig();
  return {
    name: 'commune',
    config,
    day: MONDAY,
    visitsPerDay: 150,
    hourShare: HOUR_SHARE,
    // Certification of copies is the commonest errand at a commune.
    fieldShare: { 'chung-thuc': 0.5, 'ho-tich': 0.18, 'dat-dai': 0.07, 'xay-dung': 0.05, 'lao-dong-xa-hoi': 0.1, 'ho-kinh-doanh': 0.1 },
    // Certifying a copy takes minutes; the demo config's typical times are cautious priors.
    serviceMinutes: { 'chung-thuc': 5, 'ho-tich': 10, 'dat-dai': 16, 'xay-dung': 15, 'lao-dong-xa-hoi': 12, 'ho-kinh-doanh': 12 },
    serviceCv: 0.6,
    priorityShare: 0.15,
    noShowShare: 0.04,
    appointmentShare: 0.05,
    changes: [
      { counterId: 'quay-6', at: '06:00', status: 'closed' },
      { counterId: 'quay-6', at: '07:30', status: 'open' },
      { counterId: 'quay-4', at: '09:30', status: 'paused' },
      { counterId: 'quay-4', at: '09:50', status: 'open' },
      { counterId: 'quay-2', at: '10:15', status: 'paused' },
      { counterId: 'quay-2', at: '10:30', status: 'open' },
      { counterId: 'quay-6', at: '16:30', status: 'closed' },
    ],
  };
}

const PROVINCIAL_FIELDS: [id: string, name: string, prefix: string, minutes: number, share: number][] = [
  ['gtvt', 'Giao thông vận tải (giấy phép lái xe)', 'A', 4.5, 0.22],
  ['bhxh', 'Bảo hiểm xã hội', 'B', 4.5, 0.12],
  ['tu-phap', 'Tư pháp (lý lịch tư pháp, quốc tịch)', 'C', 5.5, 0.12],
  ['khdt', 'Đăng ký doanh nghiệp', 'D', 10, 0.1],
  ['tnmt', 'Tài nguyên và Môi trường (đất đai)', 'E', 12, 0.14],
  ['xay-dung', 'Xây dựng', 'F', 12, 0.05],
  ['ldtbxh', 'Lao động – Thương binh và Xã hội', 'G', 6.5, 0.1],
  ['y-te', 'Y tế', 'H', 7.5, 0.05],
  ['cong-thuong', 'Công Thương', 'K', 7.5, 0.04],
  ['giao-duc', 'Giáo dục và Đào tạo', 'L', 5.5, 0.06],
];

/** Counters 1–2 are priority counters, for every field; 3–30 are spread by each field's load, some shared with weights. */
function provincialCounters(): NonNullable<CenterConfigInput['counters']> {
  const all = PROVINCIAL_FIELDS.map(([id]) => id);
  const plan: [serviceIds: string[], weights: Record<string, number>, n: number][] = [
    [['gtvt'], {}, 4],
    [['bhxh'], {}, 2],
    [['tu-phap'], {}, 2],
    [['khdt'], {}, 3],
    [['khdt', 'tnmt'], { khdt: 2 }, 1],
    [['tnmt'], {}, 6],
    [['tnmt', 'xay-dung'], { tnmt: 2 }, 1],
    [['xay-dung'], {}, 1],
    [['ldtbxh'], {}, 2],
    [['tu-phap', 'ldtbxh'], { 'tu-phap': 2 }, 1],
    [['y-te'], {}, 1],
    [['cong-thuong'], {}, 1],
    [['y-te', 'cong-thuong'], {}, 1],
    [['giao-duc', 'bhxh'], { 'giao-duc': 2 }, 1],
    [['giao-duc', 'tu-phap', 'ldtbxh'], { 'giao-duc': 2 }, 1],
  ];
  const counters: NonNullable<CenterConfigInput['counters']> = [1, 2].map((n) => ({ id: `q${n}`, number: n, name: `Quầy ưu tiên ${n}`, serviceIds: all, priority: true }));
  for (const [serviceIds, weights, n] of plan) {
    for (let i = 0; i < n; i++) {
      const number = counters.length + 1;
      counters.push({ id: `q${number}`, number, name: `Quầy ${number}`, serviceIds, weights });
    }
  }
  return counters;
}

export function provincialConfig(): CenterConfig {
  const weekday = [
    { open: '07:00', close: '11:30' },
    { open: '13:30', close: '17:00' },
  ];
  const raw: CenterConfigInput = {
    center: { id: 'tt-hcc-tinh', name: 'Trung tâm Phục vụ hành chính công tỉnh (mô phỏng)', address: 'Số 1 đường Lê Lợi (mô phỏng)', hotline: '0000 000 000', level: 'province' },
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [], closedDates: [] },
    services: PROVINCIAL_FIELDS.map(([id, name, prefix, minutes]) => ({ id, code: prefix, name, prefix, avgServiceMinutes: minutes })),
    counters: provincialCounters(),
    priorityCategories: [
      { id: 'nguoi-cao-tuoi', name: 'Người cao tuổi (từ đủ 60 tuổi)', minAge: 60 },
      { id: 'phu-nu-mang-thai', name: 'Phụ nữ mang thai' },
      { id: 'nguoi-khuyet-tat', name: 'Người khuyết tật' },
    ],
  };
  const parsed = parseConfig(raw);
  if (!parsed.ok) throw new Error(`provincial profile config is invalid:\n${parsed.errors.join('\n')}`);
  if (parsed.config.counters.length !== 30) throw new Error(`provincial profile wants 30 counters, has ${parsed.config.counters.length}`);
  return parsed.config;
}

export function provincialProfile(): Profile {
  return {
    name: 'provincial',
    config: provincialConfig(),
    day: MONDAY,
    visitsPerDay: 1500,
    hourShare: HOUR_SHARE,
    fieldShare: Object.fromEntries(PROVINCIAL_FIELDS.map(([id, , , , share]) => [id, share])),
    serviceMinutes: Object.fromEntries(PROVINCIAL_FIELDS.map(([id, , , minutes]) => [id, minutes])),
    serviceCv: 0.6,
    priorityShare: 0.12,
    noShowShare: 0.05,
    appointmentShare: 0.08,
    changes: [
      { counterId: 'q5', at: '06:00', status: 'closed' },
      { counterId: 'q5', at: '07:30', status: 'open' },
      { counterId: 'q14', at: '06:00', status: 'closed' },
      { counterId: 'q14', at: '07:45', status: 'open' },
      { counterId: 'q9', at: '09:00', status: 'paused' },
      { counterId: 'q9', at: '09:30', status: 'open' },
      { counterId: 'q17', at: '09:00', status: 'paused' },
      { counterId: 'q17', at: '09:20', status: 'open' },
      { counterId: 'q20', at: '10:00', status: 'paused' },
      { counterId: 'q20', at: '10:20', status: 'open' },
      { counterId: 'q3', at: '14:00', status: 'paused' },
      { counterId: 'q3', at: '14:30', status: 'open' },
      // Early leavers come from fields with several counters; a field's only counter stays.
      { counterId: 'q5', at: '15:30', status: 'closed' },
      { counterId: 'q19', at: '16:00', status: 'closed' },
    ],
  };
}

/** ×k the visits of a day, everything else as it is. */
function scaled(base: () => Profile, name: string, k: number): () => Profile {
  return () => ({ ...base(), name, visitsPerDay: Math.round(base().visitsPerDay * k) });
}

/** 60% of the day's visits, appointments included, between 7:30 and 9:30. */
function surged(base: () => Profile, name: string): () => Profile {
  return () => ({ ...base(), name, surge: { share: 0.6, from: '07:30', to: '09:30' } });
}

/** Land (TN&MT) takes 35% of the visits at a true mean service of 20 minutes; the other fields share the rest as before. */
function skewed(base: () => Profile, name: string, land: string): () => Profile {
  return () => {
    const p = base();
    const others = Object.entries(p.fieldShare).filter(([id]) => id !== land);
    const rest = others.reduce((s, [, x]) => s + x, 0);
    const fieldShare = Object.fromEntries([...others.map(([id, x]) => [id, (x / rest) * 0.65] as const), [land, 0.35] as const]);
    return { ...p, name, fieldShare, serviceMinutes: { ...p.serviceMinutes, [land]: 20 } };
  };
}

export const PROFILES = {
  commune: communeProfile,
  provincial: provincialProfile,
  // Loaded as real centres are at their busiest (issue: "a calling policy that wins when the hall is full").
  'commune-x14': scaled(communeProfile, 'commune-x14', 1.4),
  'commune-surge': surged(communeProfile, 'commune-surge'),
  'provincial-x14': scaled(provincialProfile, 'provincial-x14', 1.4),
  'provincial-x16': scaled(provincialProfile, 'provincial-x16', 1.6),
  'provincial-surge': surged(provincialProfile, 'provincial-surge'),
  'provincial-skew': skewed(provincialProfile, 'provincial-skew', 'tnmt'),
} as const;
/** The light profiles the first wave tuned on, and that the default run covers. */
export const LIGHT_PROFILES: readonly ProfileName[] = ['commune', 'provincial'];
export type ProfileName = keyof typeof PROFILES;
