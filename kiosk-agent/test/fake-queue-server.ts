/**
 * Stands in for the queue-server in the agent's unit tests: records every request and answers
 * from a small script. (Cross-package tests against the real queue-server live in tests/.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

export type Recorded = { method: string; path: string; auth: string | undefined; body: unknown };
export type Answer = { status: number; body?: unknown };

export class FakeQueueServer {
  readonly requests: Recorded[] = [];
  /** Per path: answers to give in turn; the last one repeats. */
  readonly script = new Map<string, Answer[]>();
  private server: Server | null = null;
  url = '';

  answer(path: string, ...answers: Answer[]): void {
    this.script.set(path, answers);
  }

  async start(): Promise<void> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const path = req.url ?? '';
      this.requests.push({ method: req.method ?? '', path, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : null });
      const answers = this.script.get(path);
      const a = answers && answers.length > 1 ? answers.shift()! : (answers?.[0] ?? { status: 204 });
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    const addr = this.server.address();
    this.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  }

  to(path: string): Recorded[] {
    return this.requests.filter((r) => r.path === path);
  }

  async waitFor(pred: (r: Recorded[]) => boolean, timeoutMs = 5000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!pred(this.requests)) {
      if (Date.now() > until) throw new Error(`fake queue-server: condition not met; got ${JSON.stringify(this.requests.map((r) => r.path))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
