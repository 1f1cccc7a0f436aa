// The refusals of a number taken from the phone and of its check-in on arrival (issue 17.1), in
// Vietnamese and English; messages.ts puts them among the others (ERRORS).
import type { ErrorText } from './messages.ts';

export const REMOTE_ERRORS = {
  bad_ticket_key: {
    kind: 'forbidden',
    vi: 'Mã trên phiếu không đúng; mời quét lại mã QR của phiếu hoặc xác nhận tại kiosk',
    en: 'the code of the ticket is wrong; scan the ticket’s QR again or check in at a kiosk',
  },
  'forbidden:check_in': {
    kind: 'forbidden',
    vi: 'Chỉ kiosk của trung tâm hoặc người giữ phiếu mới xác nhận đã đến được',
    en: 'only a kiosk of the centre or the ticket’s holder may check it in',
  },
  entrance_code_required: {
    kind: 'forbidden',
    vi: 'Đến trung tâm rồi, hãy quét mã QR ở cửa vào (hoặc nhập 6 chữ số hiện dưới mã) để xác nhận đã đến; hoặc xác nhận tại kiosk',
    en: 'once at the centre, scan the QR code at its entrance (or type the 6 digits shown under it) to check in; or check in at a kiosk',
  },
  bad_entrance_code: {
    kind: 'forbidden',
    vi: 'Mã ở cửa vào không đúng hoặc đã hết hạn (mã đổi 10 phút một lần); hãy quét lại mã đang hiện ở cửa vào, hoặc xác nhận tại kiosk',
    en: 'the entrance code is wrong or has expired (it changes every 10 minutes); scan the code shown at the entrance again, or check in at a kiosk',
  },
  entrance_code_locked: {
    kind: 'too_many',
    vi: 'Đã nhập sai mã ở cửa vào quá nhiều lần cho số này; mời xác nhận đã đến tại kiosk của trung tâm',
    en: 'the entrance code was wrong too many times for this ticket; please check in at a kiosk of the centre',
  },
  ticket_closed: {
    kind: 'conflict',
    vi: 'Số {number} đã kết thúc, không xác nhận đến được nữa; mời lấy số mới',
    en: 'ticket {number} is closed and can no longer be checked in; please take a new number',
  },
  not_arrived: {
    kind: 'conflict',
    vi: 'Số {number} lấy từ điện thoại, người giữ số chưa đến trung tâm',
    en: 'ticket {number} was taken from a phone and its holder has not arrived yet',
  },
  remote_grace: {
    kind: 'conflict',
    vi: 'Số {number} lấy từ điện thoại và chưa đến: chờ đến {until} rồi mới ghi vắng mặt',
    en: 'ticket {number} was taken from a phone and has not arrived: wait until {until} before marking it no-show',
  },
  bad_phone: {
    kind: 'bad_input',
    vi: 'Số điện thoại không hợp lệ; hãy nhập 10 chữ số, ví dụ 0912345678',
    en: 'invalid phone number; type its 10 digits, e.g. 0912345678',
  },
  phone_not_expected: {
    kind: 'bad_input',
    vi: 'Chỉ số lấy từ điện thoại mới kèm số điện thoại',
    en: 'only a number taken from a phone carries a phone number',
  },
  remote_phone_taken: {
    kind: 'conflict',
    vi: 'Số điện thoại này đã có số {number} đang chờ ở lĩnh vực {name}; mỗi số điện thoại chỉ giữ một số mỗi lĩnh vực',
    en: 'this phone number already holds ticket {number}, still open, for {nameEn}; one open number per phone number and field',
  },
  'too_many_tickets:phone': {
    kind: 'too_many',
    vi: 'Số điện thoại này đã lấy đủ {count} số hôm nay; mời lấy số tại kiosk của trung tâm',
    en: 'this phone number has taken {count} numbers today; please take one at a kiosk of the centre',
  },
} as const satisfies Record<string, ErrorText>;
