// Inactivity guard: after IDLE_MS without a touch the kiosk asks "still there?",
// then after WARN_MS more returns home for the next citizen.
export const IDLE_MS = 60_000;
export const WARN_MS = 20_000;

export const idle = $state<{ warning: boolean; secondsLeft: number }>({ warning: false, secondsLeft: 0 });

let idleTimer: ReturnType<typeof setTimeout> | undefined;
let tick: ReturnType<typeof setInterval> | undefined;
let enabled = false;
let onTimeout: () => void = () => {};

function clear(): void {
  clearTimeout(idleTimer);
  clearInterval(tick);
  idle.warning = false;
}

function arm(): void {
  clear();
  if (!enabled) return;
  idleTimer = setTimeout(() => {
    idle.warning = true;
    const deadline = Date.now() + WARN_MS;
    idle.secondsLeft = Math.round(WARN_MS / 1000);
    // the countdown is only what the screen shows; the deadline is its own timer
    tick = setInterval(() => (idle.secondsLeft = Math.max(0, Math.round((deadline - Date.now()) / 1000))), 1000);
    idleTimer = setTimeout(() => {
      clear();
      onTimeout();
    }, WARN_MS);
  }, IDLE_MS);
}

/**
 * Any touch, key or typing counts as activity, except while the warning is up:
 * dismissing it on pointerdown would let the same tap land on the screen
 * underneath (a tile, issuing a ticket), so only "Tiếp tục" dismisses it.
 */
function onUserEvent(): void {
  if (!idle.warning) arm();
}

/** The "Tiếp tục" button of the warning. */
export function keepGoing(): void {
  arm();
}

export function setIdleEnabled(on: boolean): void {
  enabled = on;
  arm();
}

export function startIdle(timeout: () => void): void {
  onTimeout = timeout;
  for (const ev of ['pointerdown', 'keydown', 'input', 'wheel'] as const) {
    window.addEventListener(ev, onUserEvent, { capture: true, passive: true });
  }
}
