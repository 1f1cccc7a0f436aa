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
    idle.secondsLeft = Math.round(WARN_MS / 1000);
    tick = setInterval(() => {
      idle.secondsLeft -= 1;
      if (idle.secondsLeft <= 0) {
        clear();
        onTimeout();
      }
    }, 1000);
  }, IDLE_MS);
}

/** Any touch, key or typing counts as activity, including the "Tiếp tục" tap. */
export function activity(): void {
  arm();
}

export function setIdleEnabled(on: boolean): void {
  enabled = on;
  arm();
}

export function startIdle(timeout: () => void): void {
  onTimeout = timeout;
  for (const ev of ['pointerdown', 'keydown', 'input', 'wheel'] as const) {
    window.addEventListener(ev, activity, { capture: true, passive: true });
  }
}
