#!/bin/sh
# The hall TV: the calling board full screen, speaking each call without anyone tapping
# "Bật âm thanh" first (the board skips that step when the browser already allows sound).
#   deploy/kiosk/hall-tv-chromium.sh https://motcua.example.gov.vn/board/?token=<board token>
# A counter's own screen: the same with /board/counter/<number>.
set -eu
URL="${1:?Cần địa chỉ bảng (có ?token=) / give the board URL (with ?token=)}"
PROFILE="${BOARD_PROFILE:-$HOME/.config/mot-cua-board}" exec "$(dirname "$0")/chromium-fullscreen.sh" \
  --disable-features=Translate \
  --lang=vi \
  "$URL"
