// Per-kiosk settings given once in the URL by the installer (?agent=, ?token=,
// ?kiosk=) and remembered in localStorage, so a reboot keeps them.

function setting(param: string, storageKey: string, fallback: string | null): string | null {
  const fromUrl = new URLSearchParams(location.search).get(param);
  try {
    if (fromUrl !== null) {
      if (fromUrl === '') localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, fromUrl);
    }
    return fromUrl || localStorage.getItem(storageKey) || fallback;
  } catch {
    // storage disabled (private mode): the URL value still applies to this load
    return fromUrl || fallback;
  }
}

export const settings = {
  /** The installer's agent address; without one the server's, else the default (agent-address.ts). */
  agentUrl: setting('agent', 'kiosk.agentUrl', null),
  deviceToken: setting('token', 'kiosk.deviceToken', null),
  kioskId: setting('kiosk', 'kiosk.id', null),
};

/** The kiosk's device token, when installed with one: the server then knows which kiosk issued and printed. */
export function deviceAuth(): Record<string, string> {
  return settings.deviceToken ? { authorization: `Bearer ${settings.deviceToken}` } : {};
}
