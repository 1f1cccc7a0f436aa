/**
 * What can go wrong reading a chip, each as its own type with a Vietnamese-first message the
 * kiosk can show as it is. None of them carries anything read from the card.
 */
export type ChipErrorCode = 'wrong_key' | 'torn_read' | 'tampered' | 'unsupported_card' | 'mrz_mismatch' | 'no_reader';

export class ChipError extends Error {
  constructor(
    readonly code: ChipErrorCode,
    readonly messageVi: string,
    readonly messageEn: string,
    /** technical detail for the log: status words, never card content */
    readonly detail?: string,
  ) {
    super(`${messageVi} / ${messageEn}${detail ? ` (${detail})` : ''}`);
    this.name = 'ChipError';
  }
}

export class ChipWrongKeyError extends ChipError {
  constructor(detail?: string) {
    super(
      'wrong_key',
      'Thẻ không chấp nhận khoá truy cập: số thẻ, ngày sinh hoặc ngày hết hạn chưa đúng',
      'The card refused the access key: the document number, date of birth or expiry date is wrong',
      detail,
    );
    this.name = 'ChipWrongKeyError';
  }
}

export class ChipTornReadError extends ChipError {
  constructor(detail?: string) {
    super('torn_read', 'Thẻ bị nhấc ra khi đang đọc: xin đặt lại thẻ và giữ yên', 'The card was lifted during the read: place it again and hold it still', detail);
    this.name = 'ChipTornReadError';
  }
}

export class ChipTamperedError extends ChipError {
  constructor(detail?: string) {
    super('tampered', 'Dữ liệu trong chip không khớp chữ ký của cơ quan cấp: không dùng được thẻ này', 'The chip data does not match the issuer signature: this card cannot be used', detail);
    this.name = 'ChipTamperedError';
  }
}

export class ChipUnsupportedCardError extends ChipError {
  constructor(detail?: string) {
    super('unsupported_card', 'Thẻ này không phải thẻ căn cước có chip', 'This card is not a chip citizen ID card', detail);
    this.name = 'ChipUnsupportedCardError';
  }
}

export class ChipMrzMismatchError extends ChipError {
  constructor(detail?: string) {
    super('mrz_mismatch', 'Dữ liệu chip không khớp với dòng chữ in ở mặt sau thẻ', 'The chip data does not match the machine-readable lines printed on the card', detail);
    this.name = 'ChipMrzMismatchError';
  }
}
