/**
 * Which physical key means what, per keypad model. Most counter keypads are USB HID keyboards,
 * so a key is identified by its HID usage id (USB HID Usage Tables, page 0x07). Models are keyed
 * by USB vendor/product id; a centre can add its own in the agent config.
 */

export type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export type CallingKey = 'next' | 'recall' | 'no-show' | 'finish' | 'transfer' | `digit-${Digit}`;
export type RatingKey = 'rate-1' | 'rate-2' | 'rate-3' | 'rate-4';
/**
 * Extra keys of a rating keypad that has more than the four faces (issue 16.5): after a score
 * that is not satisfied, reason N adds the Nth of the keypad's reasons (the agent's
 * `keypads[].reasons`, else the centre's ratingReasons in order) to the same rating.
 */
export type ReasonKey = 'reason-1' | 'reason-2' | 'reason-3' | 'reason-4' | 'reason-5' | 'reason-6';
export type KeypadKey = CallingKey | RatingKey | ReasonKey;
export type KeypadKind = 'calling' | 'rating';

export type KeypadModel = {
  name: string;
  kind: KeypadKind;
  vendorId: number;
  productId: number;
  /** HID usage id → key */
  keys: Record<number, KeypadKey>;
};

/** Keyboard usages of the numeric keypad block. */
const KP = { div: 0x54, mul: 0x55, minus: 0x56, plus: 0x57, enter: 0x58, n1: 0x59, n0: 0x62, dot: 0x63 } as const;
const numpadDigits = Object.fromEntries(
  Array.from({ length: 10 }, (_, d) => [d === 0 ? KP.n0 : KP.n1 + d - 1, `digit-${d}` as KeypadKey]),
);

/** A plain USB numeric keypad with stickers: Enter = next, + = recall, − = no-show, * = finish, / = transfer. */
const numpadCalling: Record<number, KeypadKey> = {
  ...numpadDigits,
  [KP.enter]: 'next',
  [KP.plus]: 'recall',
  [KP.minus]: 'no-show',
  [KP.mul]: 'finish',
  [KP.div]: 'transfer',
};

/** Four big buttons sending keys 1–4 of the main row: 1 = score 1 … 4 = score 4. */
const fourKeyRating: Record<number, KeypadKey> = { 0x1e: 'rate-1', 0x1f: 'rate-2', 0x20: 'rate-3', 0x21: 'rate-4' };

/** The four faces on keys 1–4 and four reason buttons on keys 5–8 of the main row. */
const ratingWithReasons: Record<number, KeypadKey> = { ...fourKeyRating, 0x22: 'reason-1', 0x23: 'reason-2', 0x24: 'reason-3', 0x25: 'reason-4' };

/**
 * 0x1209 is pid.codes' open vendor id; 0x0001/0x0002 are its test product ids, used by the
 * simulator and the reference keypads. Real models are added from the agent config.
 */
export const KEYPAD_MODELS: KeypadModel[] = [
  { name: 'Bàn phím gọi số chuẩn (numpad) / reference calling keypad', kind: 'calling', vendorId: 0x1209, productId: 0x0001, keys: numpadCalling },
  { name: 'Bàn phím đánh giá 4 nút / reference 4-key rating keypad', kind: 'rating', vendorId: 0x1209, productId: 0x0002, keys: fourKeyRating },
  { name: 'Bàn phím đánh giá 4 nút + 4 lý do / reference rating keypad with reason keys', kind: 'rating', vendorId: 0x1209, productId: 0x0003, keys: ratingWithReasons },
];

/** Whether a model has reason keys (its not-satisfied scores then wait a moment for them). */
export const hasReasonKeys = (model: KeypadModel) => Object.values(model.keys).some((k) => k.startsWith('reason-'));

/** Without a listed model, a keypad of the given kind gets the reference map. */
export function findModel(vendorId: number, productId: number, kind: KeypadKind, extra: KeypadModel[] = []): KeypadModel {
  return (
    [...extra, ...KEYPAD_MODELS].find((m) => m.vendorId === vendorId && m.productId === productId) ??
    KEYPAD_MODELS.find((m) => m.kind === kind)!
  );
}

export function usageFor(model: KeypadModel, key: KeypadKey): number | undefined {
  const hit = Object.entries(model.keys).find(([, k]) => k === key);
  return hit ? Number(hit[0]) : undefined;
}

/**
 * Keys pressed in `report` that were not down in `previous` (boot keyboard report: modifier
 * byte, reserved byte, up to six usages; some devices put a report id first).
 */
export function newlyPressed(previous: Uint8Array, report: Uint8Array): number[] {
  const usages = (r: Uint8Array) => {
    const body = r.length === 9 ? r.subarray(1) : r;
    return [...body.subarray(2, 8)].filter((u) => u > 3); // 0 = none, 1–3 = rollover/error
  };
  const before = new Set(usages(previous));
  return usages(report).filter((u) => !before.has(u));
}
