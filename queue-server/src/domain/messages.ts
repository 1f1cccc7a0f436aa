// Every text the server itself says to a person, in Vietnamese and English,
// in one place. A message leaves as "<vi> / <en>" (Vietnamese first); `{name}`
// marks a parameter, and the helpers below check at compile time that a caller
// gives exactly the parameters a text names.
//
// Keys are the error code the client receives, or `code:variant` when one code
// has several texts (several things can be `not_found`): the code is what comes
// before the colon. http/errors.ts alone shapes the body these texts go into.
import { DomainError, type DomainErrorKind } from './errors.ts';
import { NOTICES } from './notices.ts';
import { REMOTE_ERRORS } from './remote-messages.ts';
import { OFFLINE_ERRORS } from './offline-messages.ts';

export { NOTICES };

/** One text in both languages: neither may be left out. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A refusal the domain or a service raises; `kind` decides the HTTP status. */
export interface ErrorText extends Bilingual {
  readonly kind: DomainErrorKind;
}

export const ERRORS = {
  ...REMOTE_ERRORS,
  ...OFFLINE_ERRORS,
  storage_failed: { kind: 'unavailable', vi: 'Không lưu được dữ liệu, xin thử lại', en: 'the data could not be saved, please try again' },

  // who may ask
  unauthorized: { kind: 'unauthorized', vi: 'Hãy đăng nhập', en: 'please sign in' },
  'unauthorized:not_signed_in': { kind: 'unauthorized', vi: 'Chưa đăng nhập', en: 'not signed in' },
  bad_credentials: { kind: 'unauthorized', vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'wrong username or password' },
  // accounts (issue 13.1)
  password_too_short: {
    kind: 'bad_input',
    vi: 'Mật khẩu phải có ít nhất {min} ký tự',
    en: 'the password must have at least {min} characters',
  },
  wrong_password: { kind: 'bad_input', vi: 'Mật khẩu hiện tại không đúng', en: 'the current password is wrong' },
  bad_username: {
    kind: 'bad_input',
    vi: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (2–64 ký tự)',
    en: 'a username is 2–64 lowercase letters, digits, dots, hyphens or underscores',
  },
  user_exists: { kind: 'conflict', vi: 'Đã có tài khoản "{username}"', en: 'the username "{username}" is taken' },
  'not_found:user': { kind: 'not_found', vi: 'Không có tài khoản "{username}"', en: 'no account "{username}"' },
  disable_self: { kind: 'conflict', vi: 'Không thể tự khoá tài khoản đang dùng', en: 'you cannot disable your own account' },
  counter_not_allowed: {
    kind: 'forbidden',
    vi: 'Tài khoản này không được làm việc tại quầy "{counter}"; hãy chọn quầy được phân công',
    en: 'this account may not sign in at that counter',
  },
  bad_device_token: { kind: 'unauthorized', vi: 'Mã thiết bị không hợp lệ hoặc đã bị thu hồi', en: 'device token invalid or revoked' },
  csrf: { kind: 'forbidden', vi: 'Thiếu mã chống giả mạo (CSRF); hãy tải lại trang', en: 'missing or wrong CSRF token; reload the page' },
  'forbidden:device': { kind: 'forbidden', vi: 'Thiết bị này không được làm việc này', en: 'this device may not do that' },
  'forbidden:role': { kind: 'forbidden', vi: 'Tài khoản của bạn không có quyền này', en: 'your account may not do that' },
  'forbidden:counter_ticket': { kind: 'forbidden', vi: 'Chỉ cán bộ được cấp số tại quầy', en: 'only staff may issue counter tickets' },
  'forbidden:rating': { kind: 'forbidden', vi: 'Chỉ người dân giữ phiếu, hoặc bàn phím đánh giá của quầy, được đánh giá', en: 'only the citizen holding the ticket, or the counter’s rating keypad, may rate' },
  // notifications (issue 17.2)
  bad_phone: { kind: 'bad_input', vi: 'Số điện thoại không hợp lệ: cần 10 chữ số, bắt đầu bằng 0', en: 'not a Vietnamese mobile number (10 digits starting with 0)' },
  notify_nothing: { kind: 'bad_input', vi: 'Hãy nhập số điện thoại hoặc cho phép thông báo trên điện thoại', en: 'give a phone number or allow notifications' },
  notify_unavailable: { kind: 'bad_input', vi: 'Trung tâm chưa dùng cách báo tin này ({channel})', en: 'this centre does not send {channel} notifications' },
  dossier_already_done: { kind: 'conflict', vi: 'Hồ sơ {code} đã có kết quả hoặc đã trả; không cần báo tin nữa', en: 'dossier {code} is ready or returned already; nothing to tell' },
  dossier_watch_full: { kind: 'too_many', vi: 'Hồ sơ {code} đã có đủ số điện thoại nhận tin', en: 'dossier {code} already has as many phone numbers as it takes' },
  notify_closed: { kind: 'conflict', vi: 'Phiếu số {number} đã kết thúc, không cần báo tin nữa', en: 'ticket {number} is over; nothing more to tell' },
  bad_rating_key: { kind: 'forbidden', vi: 'Hãy quét mã QR trên phiếu để đánh giá', en: 'scan the QR code on your ticket to rate' },
  'forbidden:health_report': { kind: 'forbidden', vi: 'Chỉ thiết bị gửi báo cáo này', en: 'only devices report health' },
  'forbidden:kiosk_only': { kind: 'forbidden', vi: 'Chỉ kiosk lấy số mới được cấp số kênh kiosk', en: 'only a kiosk may issue kiosk tickets' },
  'forbidden:not_your_ticket': { kind: 'forbidden', vi: 'Phiếu này không được cấp từ thiết bị của bạn', en: 'this ticket was not issued by your device' },
  kiosk_token_required: { kind: 'unauthorized', vi: 'Kiosk chưa được cài mã thiết bị; hãy báo cán bộ của trung tâm', en: 'the kiosk channel needs the kiosk device token' },
  wrong_counter: { kind: 'forbidden', vi: 'Bạn chỉ được thao tác tại quầy đã đăng nhập', en: 'you may act only at the counter you signed in at' },
  'counter_required:choose': { kind: 'bad_input', vi: 'Hãy chọn quầy làm việc', en: 'choose your counter' },
  'counter_required:sign_in': { kind: 'bad_input', vi: 'Hãy đăng nhập tại một quầy', en: 'sign in at a counter first' },
  unknown_counter: { kind: 'bad_input', vi: 'Không có quầy "{counter}"', en: 'unknown counter' },
  field_not_allowed: {
    kind: 'forbidden',
    vi: 'Tài khoản này không được nhận hồ sơ lĩnh vực "{id}"; hãy chọn trong các lĩnh vực được phân công',
    en: 'this account may not serve field "{id}": choose among the fields it is allowed',
  },
  not_seated: {
    kind: 'conflict',
    vi: 'Cán bộ {username} không đăng nhập tại quầy {number}',
    en: '{username} is not signed in at counter {number}',
  },
  nobody_seated: { kind: 'conflict', vi: 'Không có cán bộ nào đăng nhập tại quầy {number}', en: 'nobody is signed in at counter {number}' },
  move_same_counter: { kind: 'bad_input', vi: 'Quầy chuyển đến phải khác quầy hiện tại', en: 'the counter to move to must be another counter' },
  planner_counter_twice: { kind: 'bad_input', vi: 'Quầy "{counter}" được nêu hai lần trong phương án', en: 'counter "{counter}" is named twice in the what-if' },
  counter_taken: {
    kind: 'conflict',
    vi: 'Quầy {number} đang có cán bộ {name} ({username}) đăng nhập. Chọn "Vào thay" để đăng xuất người đó khỏi quầy, hoặc chọn quầy khác',
    en: 'counter {number} already has {name} ({username}) signed in: take over (they are signed out of that counter) or choose another counter',
  },
  'not_found:device': { kind: 'not_found', vi: 'Không có thiết bị "{deviceId}"', en: 'unknown device' },
  // the live configuration (issue 13.2)
  invalid_config: { kind: 'bad_input', vi: 'Cấu hình không hợp lệ: {problem}', en: 'invalid configuration: {problem}' },
  'invalid_config:more': { kind: 'bad_input', vi: 'Cấu hình không hợp lệ: {problem} (và {more} lỗi khác)', en: 'invalid configuration: {problem} (and {more} more)' },
  'config_strands:service': {
    kind: 'conflict',
    vi: 'Không thể bỏ lĩnh vực "{id}": còn {count} phiếu đang chờ hoặc đang phục vụ',
    en: 'cannot remove field "{id}": {count} tickets still wait or are being served',
  },
  'config_strands:counter': {
    kind: 'conflict',
    vi: 'Không thể bỏ quầy "{id}": còn {count} phiếu đang được gọi hoặc phục vụ tại quầy',
    en: 'cannot remove counter "{id}": {count} tickets are called or being served there',
  },

  // tickets
  illegal_transition: { kind: 'conflict', vi: 'Không thể {actionVi} số {number} vì phiếu {statusVi}', en: 'cannot {action} ticket {number}: it is {status}' },
  same_service: { kind: 'bad_input', vi: 'Phiếu đã ở lĩnh vực này', en: 'the ticket is already in that field' },
  unknown_service: { kind: 'bad_input', vi: 'Không có lĩnh vực "{id}"', en: 'unknown service "{id}"' },
  unknown_priority_category: { kind: 'bad_input', vi: 'Không có đối tượng ưu tiên "{id}"', en: 'unknown priority category' },
  unknown_procedure: { kind: 'bad_input', vi: 'Không có thủ tục "{code}"', en: 'unknown procedure' },
  // guided preparation (issue 16.2)
  preparation_needs_procedure: { kind: 'bad_input', vi: 'Danh mục giấy tờ và tờ khai phải đi cùng một thủ tục (procedureCode)', en: 'preparation and declaration need a procedureCode' },
  bad_preparation: { kind: 'bad_input', vi: 'preparation.have: thủ tục chỉ có {count} giấy tờ, không có giấy tờ số {index}', en: 'preparation.have: the procedure has {count} documents, not index {index}' },
  'not_found:preparation': { kind: 'not_found', vi: 'Phiếu "{id}" không có danh mục giấy tờ', en: 'ticket "{id}" has no preparation' },
  'forbidden:declaration': { kind: 'forbidden', vi: 'Chỉ cán bộ đang gọi hoặc phục vụ phiếu này mới xem được tờ khai', en: 'only the official calling or serving this ticket may read its declaration' },
  no_identity_parser: { kind: 'unavailable', vi: 'Không đọc được CCCD', en: 'ID card reading unavailable' },
  closed: { kind: 'conflict', vi: 'Lĩnh vực {name} đang tạm ngừng', en: '{nameEn} is closed' },
  'closed:reopens': { kind: 'conflict', vi: 'Lĩnh vực {name} đang ngoài giờ làm việc; mở lại lúc {time} ngày {date}', en: '{nameEn} is closed; opens {atIso}' },
  capacity_reached: { kind: 'conflict', vi: 'Lĩnh vực {name} đã hết số hôm nay', en: "{nameEn} has given all of today's numbers" },
  'capacity_reached:reopens': {
    kind: 'conflict',
    vi: 'Lĩnh vực {name} đã hết số hôm nay; mời quay lại lúc {time} ngày {date}',
    en: "{nameEn} has given all of today's numbers",
  },
  'not_found:ticket': { kind: 'not_found', vi: 'Không tìm thấy phiếu "{id}"', en: 'ticket "{id}" not found' },
  'not_found:ticket_number': { kind: 'not_found', vi: 'Không tìm thấy phiếu số "{id}"', en: 'ticket number "{id}" not found' },
  too_many_tickets: {
    kind: 'too_many',
    vi: 'Máy này đã lấy nhiều số trong ít phút; mời thử lại sau {minutes} phút hoặc lấy số tại kiosk',
    en: 'too many numbers from this device; try again in {minutes} minutes or use a kiosk',
  },
  'too_many_tickets:day': {
    kind: 'too_many',
    vi: 'Máy này đã lấy đủ {count} số hôm nay; mời lấy số tại kiosk của trung tâm',
    en: "this device has taken today's {count} numbers; please use a kiosk at the centre",
  },
  in_person_only: {
    kind: 'forbidden',
    vi: 'Lĩnh vực {name} cần quý vị có mặt tại trung tâm; mời lấy số tại kiosk',
    en: '{nameEn} needs you in person; please take a number at a kiosk of the centre',
  },
  use_check_in: { kind: 'bad_input', vi: 'Số hẹn được cấp khi xác nhận lịch hẹn', en: 'appointment tickets come from booking check-in' },
  'not_found:procedure': { kind: 'not_found', vi: 'Không tìm thấy thủ tục "{id}"', en: 'procedure "{id}" not found' },

  // counters
  'not_found:counter': { kind: 'not_found', vi: 'Không tìm thấy quầy "{id}"', en: 'counter "{id}" not found' },
  'wrong_counter:ticket': { kind: 'forbidden', vi: 'Phiếu này không thuộc quầy của bạn', en: 'this ticket is not at your counter' },
  no_current_ticket: { kind: 'conflict', vi: 'Quầy chưa gọi số nào', en: 'no ticket is being served at this counter' },
  not_served_here: { kind: 'conflict', vi: 'Quầy {counter} không nhận lĩnh vực này', en: 'counter {counter} does not serve this field' },
  counter_busy: { kind: 'conflict', vi: 'Quầy đang phục vụ số {number}; hãy kết thúc trước', en: 'the counter is serving {number}; finish it first' },
  too_many_recalls: { kind: 'conflict', vi: 'Đã gọi số {number} {calls} lần; hãy đánh dấu vắng mặt', en: 'ticket {number} was called {calls} times; mark it no-show' },
  counter_paused: { kind: 'conflict', vi: 'Quầy đang tạm nghỉ; hãy mở lại trước', en: 'the counter is paused; resume it first' },
  counter_closed: { kind: 'conflict', vi: 'Quầy đã đóng; hãy mở quầy trước', en: 'the counter is closed; open it first' },

  // ratings
  not_served: { kind: 'conflict', vi: 'Phiếu số {number} chưa được phục vụ xong nên chưa đánh giá được', en: 'ticket {number} has not been served yet' },
  already_rated: { kind: 'conflict', vi: 'Phiếu số {number} đã được đánh giá', en: 'ticket {number} was already rated' },
  nothing_to_rate: { kind: 'conflict', vi: 'Quầy chưa phục vụ xong phiếu nào', en: 'no finished ticket to rate at this counter' },

  // days and periods
  bad_date: { kind: 'bad_input', vi: 'Ngày không có thật', en: 'no such date' },
  'bad_date:day': { kind: 'bad_input', vi: 'Ngày {day} không có thật', en: 'no such date' },
  bad_range: { kind: 'bad_input', vi: '"from" phải trước "to"', en: '"from" must not be after "to"' },
  range_needs_dates: { kind: 'bad_input', vi: 'Hãy chọn "từ ngày" và "đến ngày"', en: 'a range needs from and to' },

  // bookings and dossiers
  no_such_slot: { kind: 'bad_input', vi: 'Không có giờ hẹn {time} ngày {date}', en: 'no bookable slot at that time' },
  slot_full: { kind: 'conflict', vi: 'Giờ {time} đã kín lịch; hãy chọn giờ khác', en: 'that time is fully booked' },
  'not_found:booking': { kind: 'not_found', vi: 'Không tìm thấy lịch hẹn "{code}"', en: 'booking not found' },
  already_checked_in: { kind: 'conflict', vi: 'Lịch hẹn này đã được xác nhận', en: 'this booking is already checked in' },
  cancelled: { kind: 'conflict', vi: 'Lịch hẹn này đã bị huỷ', en: 'this booking was cancelled' },
  too_early: { kind: 'conflict', vi: 'Chưa đến giờ xác nhận; mời quay lại từ {time}', en: 'too early; check in from {time}' },
  'too_early:other_day': { kind: 'conflict', vi: 'Chưa đến giờ xác nhận; mời quay lại từ {time} ngày {day}', en: 'too early; check in from {time}' },
  too_late: { kind: 'conflict', vi: 'Đã quá giờ hẹn; mời lấy số thường hoặc đặt lịch khác', en: 'the booking time has passed; take a regular number or book again' },
  bad_dossier_code: {
    kind: 'bad_input',
    vi: 'Mã hồ sơ không đúng dạng, ví dụ 261120-HT01-0007',
    en: 'malformed dossier code, e.g. 261120-HT01-0007',
  },
  rating_reasons_not_expected: {
    kind: 'bad_input',
    vi: 'Chỉ chọn lý do khi đánh giá "Bình thường" hoặc "Không hài lòng"',
    en: 'reasons go only with a rating that is not satisfied',
  },
  rating_note_not_expected: {
    kind: 'bad_input',
    vi: 'Chỉ ghi ý kiến khi đánh giá "Bình thường" hoặc "Không hài lòng"',
    en: 'a note goes only with a rating that is not satisfied',
  },
  bad_rating_note: {
    kind: 'bad_input',
    vi: 'Ý kiến tối đa {max} ký tự, không có ký tự điều khiển (xuống dòng, tab…)',
    en: 'a note has at most {max} characters and no control characters (line breaks, tabs…)',
  },
  unknown_rating_reason: { kind: 'bad_input', vi: 'Lý do "{reason}" không có trong danh sách của trung tâm', en: 'reason "{reason}" is not one of the centre\'s' },
  dossier_source_unavailable: {
    kind: 'unavailable',
    vi: 'Chưa kết nối được hệ thống thông tin một cửa của tỉnh; xin thử lại sau ít phút hoặc hỏi cán bộ tại quầy',
    en: "the province's one-stop information system cannot be reached now; please try again in a few minutes or ask at a counter",
  },
  // what a finished visit achieved (issue 16.1)
  'bad_dossier_code:finish': {
    kind: 'bad_input',
    vi: 'Mã hồ sơ phải có dạng YYMMDD-XXNN-NNNN (ngày nhận, mã lĩnh vực, số thứ tự), ví dụ 261120-HT01-0007',
    en: 'a dossier code has the form YYMMDD-XXNN-NNNN (day received, field code, number), e.g. 261120-HT01-0007',
  },
  bad_outcome: {
    kind: 'bad_input',
    vi: 'Kết quả phải là tiếp nhận hồ sơ, hướng dẫn, trả kết quả hoặc khác',
    en: 'the outcome must be received, guidance, result or other',
  },
  dossier_code_not_expected: {
    kind: 'bad_input',
    vi: 'Chỉ ghi mã hồ sơ khi tiếp nhận hồ sơ hoặc trả kết quả',
    en: 'a dossier code goes only with a dossier received or a result returned',
  },
  // a result pickup's ticket (issue 16.3)
  dossier_code_required: {
    kind: 'bad_input',
    vi: 'Số nhận kết quả cần mã hồ sơ (dạng YYMMDD-XXNN-NNNN) của một hồ sơ đã có kết quả',
    en: 'a result-pickup number needs the code (YYMMDD-XXNN-NNNN) of a dossier whose result is ready',
  },
  'dossier_code_not_expected:issue': {
    kind: 'bad_input',
    vi: 'Chỉ ghi mã hồ sơ khi lấy số nhận kết quả',
    en: 'a dossier code goes only with a result-pickup number',
  },
  dossier_not_ready: {
    kind: 'conflict',
    vi: 'Hồ sơ {code} chưa có kết quả để nhận; mời tra cứu lại tình trạng hoặc hỏi cán bộ tại quầy',
    en: 'dossier {code} has no result to collect yet; check its status or ask at a counter',
  },
  'not_found:dossier': {
    kind: 'not_found',
    vi: 'Không tìm thấy hồ sơ {code}; hãy kiểm tra lại mã trên giấy biên nhận',
    en: 'dossier {code} not found; check the code on your receipt',
  },
} as const satisfies Record<string, ErrorText>;

/** Refusals of the HTTP layer itself (bad bytes, limits, unknown routes): http/errors.ts picks the status. */
export const HTTP_ERRORS = {
  bad_request: { vi: 'Yêu cầu không hợp lệ', en: 'bad request' },
  'bad_request:invalid': { vi: 'Dữ liệu không hợp lệ: {detail}', en: 'invalid {context}: {detail}' },
  'bad_request:invalid_at': { vi: 'Dữ liệu không hợp lệ ở "{where}": {detail}', en: 'invalid {context} at "{where}": {detail}' },
  'bad_request:malformed_url': { vi: 'Địa chỉ không hợp lệ', en: 'malformed URL ({code})' },
  forbidden: { vi: 'Không được phép', en: 'forbidden' },
  not_found: { vi: 'Không tìm thấy', en: 'not found' },
  'not_found:route': { vi: 'Không có địa chỉ {path}', en: 'no such route' },
  method_not_allowed: { vi: 'Phương thức không được hỗ trợ', en: 'method not allowed' },
  not_acceptable: { vi: 'Không đáp ứng được định dạng yêu cầu', en: 'not acceptable' },
  timeout: { vi: 'Yêu cầu quá lâu', en: 'request timeout' },
  payload_too_large: { vi: 'Dữ liệu gửi lên quá lớn', en: 'request body too large' },
  uri_too_long: { vi: 'Địa chỉ quá dài', en: 'URI too long' },
  unsupported_media_type: { vi: 'Chỉ nhận dữ liệu JSON', en: 'only JSON bodies are accepted' },
  rate_limited: { vi: 'Quá nhiều yêu cầu; hãy thử lại sau ít phút', en: 'too many requests; try again shortly' },
  headers_too_large: { vi: 'Phần đầu yêu cầu quá lớn', en: 'request headers too large' },
  internal: { vi: 'Lỗi máy chủ; hãy thử lại', en: 'server error; please try again' },
} as const satisfies Record<string, Bilingual>;

/** The `{name}` parameters a text names. */
type Slots<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Slots<Rest> : never;
type SlotsOf<T extends Bilingual> = Slots<T['vi']> | Slots<T['en']>;
/** A text without parameters takes no argument; one with parameters takes all of them. */
export type ParamArgs<T extends Bilingual> = [SlotsOf<T>] extends [never] ? [] : [params: Record<SlotsOf<T>, string | number>];

export type ErrorKey = keyof typeof ERRORS;
export type HttpErrorKey = keyof typeof HTTP_ERRORS;
export type NoticeKey = keyof typeof NOTICES;
/** The code a client receives for a key: the key up to its colon. */
export type CodeOf<K extends string> = K extends `${infer Code}:${string}` ? Code : K;

export const codeOf = <K extends string>(key: K): CodeOf<K> => key.split(':')[0] as CodeOf<K>;

const fill = (template: string, params: Readonly<Record<string, string | number>> | undefined) =>
  params ? template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in params ? String(params[name]) : slot)) : template;

const render = (t: Bilingual, params?: Readonly<Record<string, string | number>>) => `${fill(t.vi, params)} / ${fill(t.en, params)}`;

/** "<vi> / <en>" with the parameters put in. */
export function say<T extends Bilingual>(t: T, ...args: ParamArgs<T>): string {
  return render(t, args[0]);
}

/** The refusal of this key, ready to throw: its kind, its code and both texts. */
export function fail<K extends ErrorKey>(key: K, ...args: ParamArgs<(typeof ERRORS)[K]>): DomainError {
  return new DomainError(ERRORS[key].kind, codeOf(key), render(ERRORS[key], args[0]));
}

/** A notice's text, both languages. */
export function text<K extends NoticeKey>(key: K, ...args: ParamArgs<(typeof NOTICES)[K]>): string {
  return render(NOTICES[key], args[0]);
}
