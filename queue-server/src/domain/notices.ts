// The texts the server says that are not refusals of a request, in Vietnamese and English;
// messages.ts renders them (`text`) and re-exports them with the refusals.
import type { Bilingual } from './messages.ts';

/** Texts that are not refusals of a request: alerts for the managers, a dossier's state, a start-up setting refused. */
export const NOTICES = {
  first_admin: {
    vi: 'Chưa có tài khoản nào. Tạo quản trị viên đầu tiên: npm run user -- add admin --role admin',
    en: 'no accounts yet; create the first admin: npm run user -- add admin --role admin',
  },
  demo_refused: {
    vi: 'Thư mục dữ liệu này từng chạy chế độ demo: từ nay mật khẩu "demo" và mã thiết bị demo bị từ chối; đặt mật khẩu mới bằng npm run user -- passwd <tên>',
    en: 'this data folder once ran in demo mode: the demo passwords and demo device tokens are refused from now on',
  },
  invalid_port: { vi: 'PORT không hợp lệ: "{port}"', en: 'invalid PORT' },
  print_failed: { vi: 'Không in được phiếu số {number} ({reason}) tại {deviceId}', en: 'ticket {number} was not printed' },
  'print_failed:no_reason': { vi: 'Không in được phiếu số {number} (lỗi máy in) tại {deviceId}', en: 'ticket {number} was not printed' },
  device_part: { vi: '{device} báo: {partVi} {statusVi}{detailVi}', en: '{device}: {part} {status}{detailEn}' },
  device_silent: { vi: '{device}: im lặng từ {since}, không còn báo tình trạng — hãy kiểm tra máy', en: '{device}: silent since {since}, no health report — check the machine' },
  'dossier:received': { vi: 'Đã tiếp nhận', en: 'Received' },
  'dossier:processing': { vi: 'Đang giải quyết', en: 'Being processed' },
  'dossier:supplement_needed': { vi: 'Cần bổ sung hồ sơ — mời liên hệ bộ phận Một cửa', en: 'More documents needed — please contact the one-stop desk' },
  'dossier:ready': { vi: 'Đã có kết quả — mời đến nhận', en: 'Result ready — please collect it' },
  'dossier:returned': { vi: 'Đã trả kết quả', en: 'Result handed over' },
} as const satisfies Record<string, Bilingual>;

/** A device part's kind and status in words, for the managers' alerts (`device_part`). */
export const PART_WORDS = {
  printer: { vi: 'máy in', en: 'printer' },
  scanner: { vi: 'đầu đọc', en: 'scanner' },
  keypad: { vi: 'bàn phím', en: 'keypad' },
  display: { vi: 'bảng hiển thị', en: 'display' },
  ok: { vi: 'bình thường', en: 'ok' },
  warning: { vi: 'cần chú ý', en: 'warning' },
  error: { vi: 'bị lỗi', en: 'error' },
  offline: { vi: 'mất kết nối', en: 'offline' },
} as const satisfies Record<string, Bilingual>;
