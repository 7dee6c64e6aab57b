#!/usr/bin/env bash
# Makes sure the system packages govaudit needs are here: Debian's chromium (Playwright cannot download browsers on
# these machines), a CJK font (Chinese text in screenshots and PDFs) and, for the tests, redis-server (queue mode).
#   bin/system-deps.sh          install them when missing and running as root; otherwise stop with the command
#   bin/system-deps.sh --warn   same, but only warn when they cannot be installed (npm start works without them)
set -euo pipefail
mode="${1:-}"
missing=()
chrome="${CHROME_BIN:-}"
if [ -z "$chrome" ] || [ ! -x "$chrome" ]; then
  chrome="$(command -v chromium || command -v chromium-browser || true)"
fi
[ -n "$chrome" ] || missing+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'WenQuanYi Micro Hei'; then missing+=(fonts-wqy-microhei); fi
# The demo needs no Redis; the tests start their own redis-server for queue mode.
if [ "$mode" != "--warn" ] && [ ! -x /usr/bin/redis-server ] && ! command -v redis-server >/dev/null 2>&1; then missing+=(redis-server); fi
[ "${#missing[@]}" -eq 0 ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "govaudit: 安装系统依赖 / installing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "govaudit: 缺少系统依赖 / missing system packages: ${missing[*]}" >&2
echo "  run as root / 以 root 运行:  sudo sh -c '$cmd'" >&2
if [ "$mode" = "--warn" ]; then
  echo "  continuing without them: JavaScript-drawn lists will be needs-review, no PDF." >&2
  exit 0
fi
exit 1
