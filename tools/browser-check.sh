#!/usr/bin/env bash
# Opens the verification report in a real headless Chromium and checks that it renders, that every
# image loads and that no script error occurred; saves a screenshot of the first screen.
# Usage: tools/browser-check.sh [REPORT_DIR]   (default: target/browser-report, produced here)
# Installs Debian's chromium when it is missing (needs root and the Debian mirror).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$home/target/browser-report}"
if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-check: installing Debian's chromium ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || { echo "browser-check: could not install chromium" >&2; exit 2; }
fi
if [ ! -f "$dir/report.html" ]; then
  "$home/srvcc" report --out "$dir"
fi
dir="$(cd "$dir" && pwd)"   # chromium needs an absolute file:// URL
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --virtual-time-budget=5000)
dom="$(chromium "${flags[@]}" --dump-dom "file://$dir/report.html" 2>/dev/null)"
chromium "${flags[@]}" --window-size=1280,900 --screenshot="$dir/screenshot.png" "file://$dir/report.html" >/dev/null 2>&1
attr() { sed -n "s/.*<body[^>]*$1=\"\([0-9]*\)\".*/\1/p" <<<"$dom" | head -1; }
images="$(attr data-images)"; broken="$(attr data-broken-images)"; errors="$(attr data-errors)"
echo "browser-check: images=$images broken=$broken script-errors=$errors screenshot=$dir/screenshot.png"
[ -n "$images" ] || { echo "browser-check: the page did not finish loading" >&2; exit 1; }
[ "$images" -gt 0 ] && [ "$broken" = 0 ] && [ "$errors" = 0 ] && [ -s "$dir/screenshot.png" ] \
  || { echo "browser-check: FAILED" >&2; exit 1; }
grep -q "Evaluation matrix" <<<"$dom" || { echo "browser-check: report text missing" >&2; exit 1; }
echo "browser-check: passed"
