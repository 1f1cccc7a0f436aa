#!/bin/sh
# The kiosk PC's screen: the kiosk UI full screen, no pinch-zoom, no swipe back.
#   deploy/kiosk/kiosk-chromium.sh https://motcua.example.gov.vn/kiosk/?token=<kiosk token>
# Start it from the kiosk user's session (autostart), after mot-cua-kiosk-agent is running.
# The install URL (with ?token=) comes from the admin (a device token for the kiosk).
set -eu
URL="${1:?Cần địa chỉ kiosk (có ?token=) / give the kiosk URL (with ?token=)}"
PROFILE="${KIOSK_PROFILE:-$HOME/.config/mot-cua-kiosk}" exec "$(dirname "$0")/chromium-fullscreen.sh" \
  --disable-features=Translate,TouchpadOverscrollHistoryNavigation \
  --overscroll-history-navigation=0 \
  --disable-pinch \
  "$URL"
