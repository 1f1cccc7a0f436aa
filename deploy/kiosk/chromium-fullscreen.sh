#!/bin/sh
# Chromium full screen on one page, nothing else reachable: what the kiosk PC and the hall TV
# share. Called by kiosk-chromium.sh and hall-tv-chromium.sh with their own flags and the URL;
# PROFILE is the browser profile folder. Sound plays without a first tap: the kiosk's voice
# guidance and the hall board's calls.
set -eu
exec "${CHROMIUM:-chromium}" \
  --kiosk \
  --user-data-dir="${PROFILE:?}" \
  --no-first-run \
  --noerrdialogs \
  --disable-infobars \
  --disable-session-crashed-bubble \
  --disable-translate \
  --check-for-update-interval=31536000 \
  --autoplay-policy=no-user-gesture-required \
  "$@"
