/** A kiosk-side WebSocket client for tests: collects messages and waits for the one wanted. */
import WebSocket from 'ws';

export type Msg = Record<string, unknown> & { type: string };

export class KioskClient {
  readonly messages: Msg[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.messages.push(JSON.parse(String(d)) as Msg));
  }

  static async connect(agentUrl: string, origin?: string): Promise<KioskClient> {
    const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/ws`, origin ? { origin } : {});
    const c = new KioskClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return c;
  }

  send(m: unknown): void {
    this.ws.send(JSON.stringify(m));
  }

  async next(pred: (m: Msg) => boolean, timeoutMs = 5000): Promise<Msg> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.messages.find(pred);
      if (hit) {
        this.messages.splice(this.messages.indexOf(hit), 1);
        return hit;
      }
      if (Date.now() > until) throw new Error(`no matching message; got ${JSON.stringify(this.messages.map((m) => m.type))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): void {
    this.ws.close();
  }
}
