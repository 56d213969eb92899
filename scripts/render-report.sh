#!/usr/bin/env bash
# Renders the check goal's report.html to a PNG with headless Chromium, so anyone can look at it without a
# browser at hand (e.g. to attach to an issue). Not part of CI.
#
#   scripts/render-report.sh [REPORT_HTML] [OUTPUT_PNG] [WIDTHxHEIGHT]
#
# Defaults: target/kaltura-reports/check/report.html, report.png beside it, 1400x2400.
# Needs Debian's chromium (apt-get install chromium) or CHROMIUM=/path/to/chrome.
set -euo pipefail

html=${1:-target/kaltura-reports/check/report.html}
png=${2:-$(dirname "$html")/report.png}
size=${3:-1400x2400}

if [[ ! -f $html ]]; then
  echo "No $html: run the check goal first (mvn verify), or pass the report's path." >&2
  exit 1
fi
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z $browser ]]; then
  echo "No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM." >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
png_abs=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")

# Every background feature that could reach the network is off: the report needs none.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars \
  --window-size="${size/x/,}" --virtual-time-budget=5000 \
  --screenshot="$png_abs" "file://$html_abs" >/dev/null 2>&1

if [[ ! -s $png_abs ]]; then
  echo "Chromium wrote no screenshot to $png_abs." >&2
  exit 1
fi
echo "Wrote $png_abs"
