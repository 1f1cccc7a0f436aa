// What a citizen is told on their phone (issue 17.2), in Vietnamese then English,
// and the phone number they give for it. Pure: the notify service sends these.

/** One thing a citizen is told; `key` says which, so nobody is told the same thing twice. */
export interface Notice {
  key: string;
  /** Vietnamese first, then English, as every text the server says to a person. */
  text: string;
  ticketId: string;
  number: string;
}

export const AHEAD_AT = 3;

export function aheadNotice(t: { id: string; number: string }, ahead: number, minutes: number | null): Notice {
  const about = minutes === null ? '' : `, khoảng ${minutes} phút`;
  const aboutEn = minutes === null ? '' : `, about ${minutes} min`;
  const vi = ahead === 0 ? `Số ${t.number}: quý vị là người tiếp theo${about}` : `Số ${t.number}: còn ${ahead} người trước quý vị${about}`;
  const en = ahead === 0 ? `No. ${t.number}: you are next${aboutEn}` : `No. ${t.number}: ${ahead} ${ahead === 1 ? 'person' : 'people'} ahead of you${aboutEn}`;
  return { key: `ahead:${t.id}`, text: `${vi} / ${en}`, ticketId: t.id, number: t.number };
}

export function calledNotice(t: { id: string; number: string }, counterNumber: number): Notice {
  return {
    key: `called:${t.id}`,
    text: `Đến lượt số ${t.number} — mời đến quầy ${counterNumber} / No. ${t.number}: your turn — please go to counter ${counterNumber}`,
    ticketId: t.id,
    number: t.number,
  };
}

/**
 * A Vietnamese mobile number as the gateways take it (0 and nine digits), from what a citizen
 * types: spaces, dots and dashes are left out, +84 or 84 stands for the leading 0. Null when it
 * is not one.
 */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : /^84\d{9}$/.test(digits) ? `0${digits.slice(2)}` : digits;
  return /^0[35789]\d{8}$/.test(local) ? local : null;
}

/** A booking's reminders (issue 17.2): the day before and an hour before its time. */
export type ReminderKind = 'day' | 'hour';

export function bookingReminder(
  b: { code: string; day: string; time: string },
  kind: ReminderKind,
  where: { field: string; fieldEn: string; centre: string },
): Notice {
  const date = `${b.day.slice(8, 10)}/${b.day.slice(5, 7)}/${b.day.slice(0, 4)}`;
  const vi =
    kind === 'day'
      ? `Nhắc lịch hẹn ${b.code}: ${where.field} lúc ${b.time} ngày mai ${date} tại ${where.centre}. Mời đến trước giờ hẹn và xác nhận tại kiosk`
      : `Còn 1 giờ đến lịch hẹn ${b.code}: ${where.field} lúc ${b.time} hôm nay tại ${where.centre}. Mời xác nhận tại kiosk khi đến`;
  const en =
    kind === 'day'
      ? `Reminder ${b.code}: ${where.fieldEn} at ${b.time} tomorrow ${date}, ${where.centre}. Please come a little early and check in at the kiosk`
      : `In 1 hour, booking ${b.code}: ${where.fieldEn} at ${b.time} today, ${where.centre}. Please check in at the kiosk when you arrive`;
  return { key: `booking-${kind}:${b.code}`, text: `${vi} / ${en}`, ticketId: '', number: b.code };
}

/** "Hồ sơ đã có kết quả" (issue 17.2): a dossier's result is ready to collect. */
export function dossierReadyNotice(d: { code: string; procedureName: string }, centre: string): Notice {
  return {
    key: `dossier-ready:${d.code}`,
    text: `Hồ sơ ${d.code} (${d.procedureName}) đã có kết quả. Mời mang giấy tiếp nhận đến ${centre} để nhận / Dossier ${d.code} is ready: please bring your receipt to ${centre} to collect it`,
    ticketId: '',
    number: d.code,
  };
}
