#!/bin/sh
# The kiosk PC's screen: Chromium full screen on the kiosk UI, nothing else reachable.
#   deploy/kiosk/kiosk-chromium.sh https://motcua.example.gov.vn/kiosk/?token=<kiosk token>
# Start it from the kiosk user's session (autostart), after mot-cua-kiosk-agent is running.
# The install URL (with ?token=) comes from /admin, "Thiết bị" → "Cấp mã" (shown once, as a QR).
set -eu
URL="${1:?Cần địa chỉ kiosk (có ?token=) / give the kiosk URL (with ?token=)}"
PROFILE="${KIOSK_PROFILE:-$HOME/.config/mot-cua-kiosk}"
exec "${CHROMIUM:-chromium}" \
  --kiosk \
  --user-data-dir="$PROFILE" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-translate \
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  --check-for-update-interval=31536000 \
  --autoplay-policy=no-user-gesture-required \
  "$URL"
