// A brand-name SMS gateway for the notification tests (issue 17.2): a local HTTP server speaking
// the gateway's JSON (`{ to, brandName, text }` in, `{"status":"queued"}` out), keeping each text asked for.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SmsGateway {
  /** The address to give the server as SMS_GATEWAY_URL. */
  url: string;
  /** Every text the gateway was asked to send, in order. */
  texts: { to: string; brandName: string; text: string }[];
  close(): Promise<void>;
}

export async function startSmsGateway(): Promise<SmsGateway> {
  const texts: SmsGateway['texts'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      texts.push(JSON.parse(raw) as SmsGateway['texts'][number]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    texts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
