// Which kiosk agent this kiosk talks to (it prints and scans there), in this order: the
// installer's `?agent=` (remembered), the queue-server's `kioskAgentUrl` (GET /center, set by
// whoever started the server alongside its agent: two copies side by side each name their own),
// then the agent's default port. Either form is taken: ws://127.0.0.1:8182/ws or http://127.0.0.1:8182.
export const DEFAULT_AGENT = 'ws://127.0.0.1:8181/ws';

/** A ws:// URL to open, or null for something that is not an agent's address. */
export function agentSocketUrl(address: string | null | undefined): string | null {
  if (!address) return null;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/ws';
  return url.href;
}

export function chooseAgent(installed: string | null, fromServer: string | null | undefined): string {
  return agentSocketUrl(installed) ?? agentSocketUrl(fromServer) ?? DEFAULT_AGENT;
}
