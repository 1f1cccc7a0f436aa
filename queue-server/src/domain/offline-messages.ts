// The refusals of a kiosk's leases of numbers and of the replays of what it issued offline
// (issue 17.4), in Vietnamese and English; messages.ts puts them among the others (ERRORS).
import type { ErrorText } from './messages.ts';

export const OFFLINE_ERRORS = {
  'forbidden:lease': {
    kind: 'forbidden',
    vi: 'Chỉ kiosk của trung tâm (bằng mã thiết bị) mới nhận được dải số dự phòng',
    en: 'only a kiosk of the centre (with its device token) may lease numbers',
  },
  unknown_lease: {
    kind: 'not_found',
    vi: 'Không có dải số dự phòng {id} của kiosk này',
    en: 'this kiosk has no lease {id}',
  },
  number_not_in_lease: {
    kind: 'bad_input',
    vi: 'Số {number} không thuộc dải số dự phòng {id}',
    en: 'number {number} is not in lease {id}',
  },
  offline_day_closed: {
    kind: 'conflict',
    vi: 'Ngày {day} đã kết thúc: số {number} phát khi mất kết nối không còn được xếp hàng; mời công dân lấy số mới',
    en: 'the day {day} has closed: number {number}, issued offline, can no longer join the queue; the citizen takes a new number',
  },
  offline_issue_time: {
    kind: 'bad_input',
    vi: 'Thời điểm phát số {number} không hợp lệ (phải trong ngày của dải số và không ở tương lai)',
    en: 'the issue time of number {number} is not valid (it must be in the day of its lease and not in the future)',
  },
  replay_key_required: {
    kind: 'bad_input',
    vi: 'Thiếu mã Idempotency-Key của số phát khi mất kết nối',
    en: 'the Idempotency-Key header of the ticket issued offline is missing',
  },
  offline_number_taken: {
    kind: 'conflict',
    vi: 'Số {number} đã được đồng bộ bằng một mã khác',
    en: 'number {number} was already synced under another key',
  },
} as const satisfies Record<string, ErrorText>;
