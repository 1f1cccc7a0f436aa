// The phone page's service worker (issue 17.2): shows the centre's Web Push notices —
// "còn 3 người trước quý vị", "đến lượt — mời đến quầy N" — and opens the phone page when tapped.
// Served at /kiosk/push-sw.js with `Service-Worker-Allowed: /t/`, registered with scope /t/.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let notice = null;
  try {
    notice = event.data ? event.data.json() : null;
  } catch {
    notice = null;
  }
  if (!notice || typeof notice.body !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(`Số ${notice.title} / No. ${notice.title}`, {
      body: notice.body,
      tag: notice.tag,
      lang: 'vi',
      renotify: false,
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((wins) => {
      const win = wins.find((w) => new URL(w.url).pathname.startsWith('/t/'));
      return win ? win.focus() : undefined;
    }),
  );
});
