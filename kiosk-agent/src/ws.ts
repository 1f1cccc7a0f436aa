/** The kiosk UI's WebSocket: print requests in; results, scans and device status out (ui-shared's agent-protocol.ts). */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { redactScan, type Scanner } from '@mot-cua/hardware';
import type { Parts } from './parts.ts';
import type { PrintService } from './print-service.ts';
import { parseKioskMessage, type AgentMessage } from '@mot-cua/ui-shared/agent-protocol.ts';

export type WsOptions = {
  parts: Parts;
  printService: PrintService;
  scanners: Scanner[];
  /** the chip readers that take a typed access key (`chip.key`) */
  chips?: { useKey(key: { documentNumber: string; dateOfBirth: string; dateOfExpiry: string }): void }[];
};

export async function wsPlugin(app: FastifyInstance, opts: WsOptions): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const clients = new Set<WebSocket>();
  const send = (ws: WebSocket, msg: AgentMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const broadcast = (msg: AgentMessage) => {
    for (const ws of clients) send(ws, msg);
  };

  opts.parts.on('change', (parts) => broadcast({ type: 'status', parts }));
  for (const s of opts.scanners) {
    s.on('scan', (e) => {
      app.log.info(`scan: ${redactScan(e)}`);
      broadcast(e);
    });
  }

  // Host and Origin were checked before the upgrade (request-guard.ts): a web page elsewhere must not print on this kiosk.
  app.get('/ws', { websocket: true }, (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    // A broken frame from a client ends that connection, never the agent.
    socket.on('error', () => socket.terminate());
    send(socket, { type: 'status', parts: opts.parts.list() });
    socket.on('message', (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        parsed = null;
      }
      const msg = parseKioskMessage(parsed);
      if (!msg) {
        send(socket, { type: 'error', error: { code: 'bad_message', message: 'Tin nhắn không hợp lệ / Invalid message' } });
        return;
      }
      if (msg.type === 'status') send(socket, { type: 'status', parts: opts.parts.list() });
      // personal data: handed to the readers in memory, never logged
      else if (msg.type === 'chip.key') for (const c of opts.chips ?? []) c.useKey({ documentNumber: msg.documentNumber, dateOfBirth: msg.dateOfBirth, dateOfExpiry: msg.dateOfExpiry });
      else {
        const job = msg.type === 'print' ? opts.printService.print(msg.ticket) : opts.printService.printBooking(msg.booking);
        void job.then((r) =>
          send(socket, r.ok ? { type: 'print.result', requestId: msg.requestId, ok: true } : { type: 'print.result', requestId: msg.requestId, ok: false, error: r.error }),
        );
      }
    });
  });
}
