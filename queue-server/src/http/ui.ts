// Serves the built UIs from each package's dist/, with an SPA fallback so a
// reload on /board/counter/3 or /t/abc returns the app, not a 404.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { apiNotFound } from './errors.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface UiMount {
  /** Asset prefix (Vite's `base`). */
  prefix: string;
  /** Paths whose unknown sub-paths return this UI's index.html. */
  routes: string[];
  dir: string;
  name: string;
}

export const UI_MOUNTS: UiMount[] = [
  { prefix: '/kiosk/', routes: ['/kiosk', '/t', '/q'], dir: 'kiosk-ui/dist', name: 'Kiosk' },
  { prefix: '/board/', routes: ['/board', '/manager', '/admin'], dir: 'display-board/dist', name: 'Bảng hiển thị' },
  { prefix: '/counter/', routes: ['/counter'], dir: 'counter-console/dist', name: 'Quầy' },
];

const html = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title>` +
  `<style>body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}a{display:block;padding:.4rem 0}</style></head><body>${body}</body></html>`;

/** Text into HTML: the centre's name is set in the admin console. */
const escapeHtml = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `centerName`: the live configuration's, read at each request. */
export async function uiRoutes(app: FastifyInstance, opts: { centerName: () => string; root?: string }) {
  const root = opts.root ?? repoRoot;
  for (const m of UI_MOUNTS) {
    const dir = path.join(root, m.dir);
    if (!existsSync(dir)) continue;
    await app.register(fastifyStatic, {
      root: dir,
      prefix: m.prefix,
      decorateReply: false,
      wildcard: true,
      index: 'index.html',
      maxAge: '1h',
      // The page itself must always be fresh so a rebuilt UI is picked up; hashed assets may be cached.
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
        // The phone page's push service worker lives with the kiosk's files but works for /t/… (issue 17.2).
        if (path.basename(file) === 'push-sw.js') {
          res.setHeader('service-worker-allowed', '/t/');
          res.setHeader('cache-control', 'no-cache');
        }
      },
    });
  }

  const sendIndex = (reply: FastifyReply, m: UiMount) => {
    const file = path.join(root, m.dir, 'index.html');
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!existsSync(file)) {
      return reply.code(503).send(html(m.name, `<h1>${m.name}</h1><p>Giao diện chưa được build. Chạy <code>npm start</code> để build và khởi động. / This UI has not been built yet: run <code>npm start</code>.</p>`));
    }
    return reply.send(readFileSync(file));
  };

  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    reply.type('text/html; charset=utf-8');
    const name = escapeHtml(opts.centerName());
    return html(
      name,
      `<h1>${name}</h1>` +
        `<a href="/kiosk/">Kiosk lấy số / Kiosk</a><a href="/board/">Bảng gọi số / Hall board</a><a href="/counter/">Quầy (cán bộ) / Counter console</a>` +
        `<a href="/manager">Quản lý / Manager</a><a href="/admin">Quản trị / Admin</a><a href="/api/docs">API (OpenAPI)</a>`,
    );
  });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0]!;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const m = UI_MOUNTS.find((x) => x.routes.some((r) => url === r || url.startsWith(`${r}/`)));
      // Unknown files with an extension under the asset prefix are real 404s, not app routes.
      if (m && !(url.startsWith(m.prefix) && /\.[a-z0-9]+$/i.test(url))) return sendIndex(reply, m);
    }
    return apiNotFound(reply, req.url);
  });
}
