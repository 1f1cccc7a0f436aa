/**
 * node-hid is loaded only when a real keypad is configured, and only once: on a machine
 * without libusb/hidraw the agent logs one clear warning and runs on without keypads.
 */
import type * as NodeHid from 'node-hid';

export type HidModule = typeof NodeHid;

let loading: Promise<HidModule | null> | null = null;

export const HID_WARNING =
  'Không tải được node-hid (thiếu libusb/hidraw?): bàn phím gọi số và đánh giá sẽ không hoạt động / ' +
  'node-hid could not be loaded (libusb/hidraw missing?): calling and rating keypads are disabled';

export function loadNodeHid(
  warn: (message: string) => void,
  importer: () => Promise<HidModule> = () => import('node-hid'),
): Promise<HidModule | null> {
  loading ??= importer().then(
    (m) => m,
    (e: unknown) => {
      warn(`${HID_WARNING} (${e instanceof Error ? e.message : String(e)})`);
      return null;
    },
  );
  return loading;
}

/** Tests only: forget the cached outcome. */
export function resetNodeHidLoader(): void {
  loading = null;
}
