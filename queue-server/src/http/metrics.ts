// Prometheus metrics at /metrics: tickets issued, waiting now, waits, HTTP latency.
import { Registry, Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';
import fp from 'fastify-plugin';
import type { Bus } from '../services/bus.ts';
import type { Queue } from '../services/queue.ts';
import { transactionWaitMs } from '../domain/index.ts';

export class Metrics {
  readonly registry = new Registry();
  readonly issued = new Counter({ name: 'motcua_tickets_issued_total', help: 'Tickets issued', labelNames: ['service'], registers: [this.registry] });
  readonly waitSeconds = new Histogram({
    name: 'motcua_ticket_wait_seconds',
    help: 'Wait of a transaction, issue to the call that led to service',
    labelNames: ['service'],
    buckets: [60, 180, 300, 600, 720, 900, 1200, 1800, 2700, 3600],
    registers: [this.registry],
  });
  readonly http = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor(queue: Queue, bus: Bus) {
    collectDefaultMetrics({ register: this.registry, prefix: 'motcua_' });
    new Gauge({
      name: 'motcua_tickets_waiting',
      help: 'Tickets waiting now',
      labelNames: ['service'],
      registers: [this.registry],
      collect() {
        const counts = new Map<string, number>();
        for (const t of queue.tickets.list()) if (t.status === 'waiting') counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1);
        for (const s of queue.centre.config.services) this.set({ service: s.id }, counts.get(s.id) ?? 0);
      },
    });
    bus.on('ticket.issued', (t) => {
      if (t.leg === 0) this.issued.inc({ service: t.serviceId });
    });
    bus.on('ticket.called', ({ ticket, recall }) => {
      if (!recall && ticket.callCount === 1) this.waitSeconds.observe({ service: ticket.serviceId }, transactionWaitMs(ticket) / 1000);
    });
  }

}

/** Times every answer of the server (fastify-plugin: not only this scope's) and serves /metrics. */
export const metricsPlugin = fp(
  async (app, { metrics }: { metrics: Metrics }) => {
    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      metrics.http.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    });
    app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    });
  },
  { name: 'metrics' },
);
