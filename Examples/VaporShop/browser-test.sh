#!/usr/bin/env bash
# Runs the Vapor shop against its in-process emulator and has headless Chromium pay an order and buy and cancel
# the monthly plan, with the CheckoutServer example's browser script (the two shops serve the same pages).
# Screenshots go to $ARTIFACTS (default: Examples/VaporShop/.artifacts). SCRATCH_PATH names another build folder
# than the shop's own `.build` (CI shares one).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="${ARTIFACTS:-$here/.artifacts}"
scratch="${SCRATCH_PATH:-$here/.build}"
mkdir -p "$artifacts"

(cd "$here" && swift build --scratch-path "$scratch" --product vapor-shop)
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$artifacts/vapor-shop.log"
rm -f "$artifacts"/shop.sqlite*
(cd "$here" && SHOP_PORT="$port" exec "$scratch/debug/vapor-shop" serve --emulator --database "$artifacts/shop.sqlite") > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for attempt in $(seq 1 200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    kill -0 $server 2>/dev/null || { echo "the shop did not start:"; cat "$log"; exit 1; }
    [ "$attempt" -lt 200 ] || { echo "the shop did not answer:"; cat "$log"; exit 1; }
    sleep 0.1
done
python3 "$here/../CheckoutServer/BrowserTest/pay_in_browser.py" "http://127.0.0.1:$port" "$artifacts"
