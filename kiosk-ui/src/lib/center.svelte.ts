// The centre as the kiosk sees it: fields with live waiting counts. Loaded from
// GET /center, kept fresh by socket.io `state`/`queue.changed`, and re-read every
// minute so "open"/"opens at" follow the clock.
import { io, type Socket } from 'socket.io-client';
import { api, ApiError } from './api.ts';
import { settings } from './settings.ts';
import type { Center, QueueItem } from './types.ts';

export const center = $state<{ data: Center | null; error: ApiError | null; online: boolean }>({
  data: null,
  error: null,
  online: false,
});

export async function loadCenter(): Promise<void> {
  try {
    center.data = await api<Center>('/center');
    center.error = null;
  } catch (e) {
    center.error = e instanceof ApiError ? e : new ApiError(0, 'unreachable', String(e));
  }
}

export function applyQueue(queue: QueueItem[]): void {
  if (!center.data) return;
  for (const q of queue) {
    const s = center.data.services.find((x) => x.id === q.serviceId);
    if (s) {
      s.waiting = q.waiting;
      s.estimatedWaitMinutes = q.estimatedWaitMinutes;
    }
  }
}

let socket: Socket | null = null;

export function startCenterSync(): void {
  void loadCenter();
  setInterval(() => void loadCenter(), 60_000);
  socket = io({ path: '/socket.io', auth: settings.deviceToken ? { token: settings.deviceToken } : {}, transports: ['websocket', 'polling'] });
  socket.on('connect', () => {
    center.online = true;
    // a reconnect after the server was down: the snapshot below may not carry open/opensAt
    if (center.error) void loadCenter();
  });
  socket.on('disconnect', () => (center.online = false));
  socket.on('state', (s: { queue?: QueueItem[] }) => s.queue && applyQueue(s.queue));
  socket.on('queue.changed', (e: { queue?: QueueItem[] }) => e.queue && applyQueue(e.queue));
}
