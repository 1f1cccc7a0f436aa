// Whether the server still takes this kiosk's device token. A revoked token
// answers every call with 401 `bad_device_token` (at load, on the minute's
// re-read of the centre, on issuing, on the socket's handshake): from the first
// such answer the kiosk shows that it is not installed, with the reason.
import { ApiError } from '@mot-cua/ui-shared/api.ts';

export const install = $state<{ revoked: boolean }>({ revoked: false });

/** True when the server refused the kiosk's own device token. */
export function isTokenRefusal(e: unknown): boolean {
  return e instanceof ApiError ? e.status === 401 && e.code === 'bad_device_token' : e instanceof Error && e.message === 'bad_device_token';
}

/** Note a failed call: a refused device token turns the kiosk into its "not installed" screen. */
export function noteRefusal(e: unknown): void {
  if (isTokenRefusal(e)) install.revoked = true;
}
