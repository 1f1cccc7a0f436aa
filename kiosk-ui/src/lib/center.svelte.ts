// The centre as the kiosk sees it: fields with live waiting counts. Loaded from
// GET /center, kept fresh by socket.io `state`/`queue.changed`, and re-read every
// minute so "open"/"opens at" follow the clock.
import { api, ApiError } from '@mot-cua/ui-shared/api.ts';
import { LiveSocket } from '@mot-cua/ui-shared/live-socket.ts';
import { noteRefusal } from './install.svelte.ts';
import { deviceAuth, settings } from './settings.ts';
import type { Center, QueueItem } from './types.ts';

export const center = $state<{ data: Center | null; error: ApiError | null; online: boolean }>({
  data: null,
  error: null,
  online: false,
});

let firstLoaded: () => void = () => {};
/** Settles once the first GET /center has answered or failed (the agent's address may be in it). */
export const firstLoad = new Promise<void>((resolve) => (firstLoaded = resolve));

export async function loadCenter(): Promise<void> {
  try {
    // with the kiosk's token: a revoked one is refused here, at load and at each re-read
    center.data = await api<Center>('/center', { headers: deviceAuth() });
    center.error = null;
  } catch (e) {
    noteRefusal(e);
    center.error = ApiError.from(e);
  } finally {
    firstLoaded();
  }
}

export function applyQueue(queue: QueueItem[]): void {
  if (!center.data) return;
  for (const q of queue) {
    const s = center.data.services.find((x) => x.id === q.serviceId);
    if (s) {
      s.waiting = q.waiting;
      s.estimatedWaitMinutes = q.estimatedWaitMinutes;
      s.estimatedWaitLowMinutes = q.estimatedWaitLowMinutes ?? null;
      s.estimatedWaitHighMinutes = q.estimatedWaitHighMinutes ?? null;
    }
  }
}

export function startCenterSync(): void {
  void loadCenter();
  setInterval(() => void loadCenter(), 60_000);
  new LiveSocket({
    token: settings.deviceToken,
    onRefused: (reason) => noteRefusal(new Error(reason)),
    onConnection: (connected) => {
      center.online = connected;
      // a reconnect after the server was down: the snapshot below may not carry open/opensAt
      if (connected && center.error) void loadCenter();
    },
  })
    .on<{ queue?: QueueItem[] }>('state', (s) => s.queue && applyQueue(s.queue))
    .on<{ queue?: QueueItem[] }>('queue.changed', (e) => e.queue && applyQueue(e.queue))
    // The admin console replaced the centre's configuration: fields, procedures and notices are read again.
    .on('center.changed', () => void loadCenter());
}
