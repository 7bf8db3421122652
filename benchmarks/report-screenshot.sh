#!/usr/bin/env bash
# A screenshot of a report's page as a researcher sees it, with headless Chromium (Debian's
# `chromium`): the tables with their intervals and the charts.
#
#   benchmarks/report-screenshot.sh reports/out/quickstart/index.html [OUT.png] [HEIGHT]
set -euo pipefail
if [[ $# -lt 1 ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
page="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-report.png}"
height="${3:-3000}"
chromium="${CHROMIUM:-chromium}"
command -v "$chromium" >/dev/null ||
  { echo "no $chromium: install it (apt-get install -y chromium) or set CHROMIUM" >&2; exit 3; }
[[ -f "$page" ]] || { echo "no report page at $page: run nash report first" >&2; exit 2; }
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --disable-gpu --no-sandbox --user-data-dir="$profile" \
  --screenshot="$out" --window-size=1400,"$height" "file://$page" >/dev/null 2>&1
echo "$out  <- file://$page"
