// Connection to the kiosk agent (printer, ID card scanner). The kiosk works
// without it: printing then fails fast and the ticket stays on screen.
import { parseAgentMessage, type ChipKey, type KioskMessage, type PrintableBooking, type PrintableTicket, type PrintResult, type ScanEvent } from '@mot-cua/ui-shared/agent-protocol.ts';
import { chooseAgent } from './agent-address.ts';
import { center, firstLoad } from './center.svelte.ts';
import { settings } from './settings.ts';

export const agent = $state<{ connected: boolean }>({ connected: false });

const PRINT_TIMEOUT_MS = 10_000;
let ws: WebSocket | null = null;
let retryMs = 1000;
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const pending = new Map<string, (r: PrintResult) => void>();
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
const scanListeners = new Set<(s: ScanEvent) => void>();

function connect(): void {
  try {
    // Chosen afresh on each attempt: a server that was down at start names its agent later.
    ws = new WebSocket(chooseAgent(settings.agentUrl, center.data?.kioskAgentUrl));
  } catch {
    schedule();
    return;
  }
  ws.onopen = () => {
    agent.connected = true;
    retryMs = 1000;
  };
  ws.onclose = () => {
    agent.connected = false;
    ws = null;
    for (const [, resolve] of pending) resolve({ ok: false, error: { code: 'offline', message: 'agent disconnected' } });
    pending.clear();
    schedule();
  };
  ws.onmessage = (ev) => {
    const m = parseAgentMessage(ev.data);
    if (!m) return;
    if (m.type === 'print.result') {
      pending.get(m.requestId)?.(m);
      pending.delete(m.requestId);
    } else if (m.type === 'scan') {
      for (const l of scanListeners) l(m);
    }
  };
}

function schedule(): void {
  setTimeout(connect, retryMs);
  retryMs = Math.min(retryMs * 2, 15_000);
}

const SERVER_ANSWER_WAIT_MS = 5000;

export function startAgent(): void {
  // Without an installed address, the server's answer says which agent is this kiosk's: connecting
  // to the default port before it would print through another copy's agent.
  if (settings.agentUrl) connect();
  else void Promise.race([firstLoad, new Promise((r) => setTimeout(r, SERVER_ANSWER_WAIT_MS))]).then(connect);
}

const CONNECT_WAIT_MS = 3000;

/** The open socket, waiting a moment when it is still connecting (a tap right after the kiosk starts). */
function openSocket(): Promise<WebSocket | null> {
  const s = ws;
  if (s?.readyState === WebSocket.OPEN) return Promise.resolve(s);
  if (s?.readyState !== WebSocket.CONNECTING) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), CONNECT_WAIT_MS);
    const settle = (value: WebSocket | null) => {
      clearTimeout(timer);
      resolve(value);
    };
    s.addEventListener('open', () => settle(s), { once: true });
    s.addEventListener('close', () => settle(null), { once: true });
  });
}

export function print(ticket: PrintableTicket): Promise<PrintResult> {
  return request((requestId) => ({ type: 'print', requestId, ticket }), ticket.id);
}

/** The booking slip: the code, field, day and time on paper (the booking stands whether it prints or not). */
export function printBooking(booking: PrintableBooking): Promise<PrintResult> {
  return request((requestId) => ({ type: 'print.booking', requestId, booking }), `booking-${booking.code}`);
}

/**
 * The access key typed from the card, for the next card laid on the chip reader. Personal data:
 * sent to the local agent only, kept by nobody here. False when the agent cannot be reached.
 */
export async function sendChipKey(key: ChipKey): Promise<boolean> {
  const socket = await openSocket();
  if (!socket) return false;
  socket.send(JSON.stringify({ type: 'chip.key', ...key } satisfies KioskMessage));
  return true;
}

async function request(message: (requestId: string) => KioskMessage, key: string): Promise<PrintResult> {
  const socket = await openSocket();
  if (!socket) return { ok: false, error: { code: 'offline', message: 'agent not connected' } };
  const requestId = `${key}-${Date.now().toString(36)}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(requestId);
      resolve({ ok: false, error: { code: 'failed', message: 'no answer from agent' } });
    }, PRINT_TIMEOUT_MS);
    pending.set(requestId, (r) => {
      clearTimeout(timer);
      resolve(r);
    });
    socket.send(JSON.stringify(message(requestId)));
  });
}

/** Listen for scans while a screen is shown; returns the unsubscribe function. */
export function onScan(listener: (s: ScanEvent) => void): () => void {
  scanListeners.add(listener);
  return () => scanListeners.delete(listener);
}
