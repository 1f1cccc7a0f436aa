// A tiny history router over location.pathname (no SvelteKit needed for a kiosk).
import { BASE, parseRoute, type Route } from './route.ts';

export const router = $state<{ route: Route }>({ route: parseRoute(location.pathname, location.search) });

/** Navigate inside the kiosk: `path` is relative to /kiosk, e.g. "/take". */
export function navigate(path: string, replace = false): void {
  // home is /kiosk without the slash: the server answers a reload there with the app
  const url = path === '/' ? BASE : BASE + path;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  router.route = parseRoute(location.pathname, location.search);
  window.scrollTo(0, 0);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => {
    router.route = parseRoute(location.pathname, location.search);
  });
}
