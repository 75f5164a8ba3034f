#!/usr/bin/env bash
# Runs the example shop against its in-process emulator and pays an order in headless Chromium
# (Debian's chromium and chromium-driver, and PyPI's selenium). Screenshots go to $ARTIFACTS
# (default: Examples/CheckoutServer/.artifacts). The shop keeps its state in a fresh SQLite file there; with
# CHECKOUT_POSTGRES_URL set, it keeps its order lock, session index and handled webhook events in that database
# (`--postgres`). SCRATCH_PATH names another build folder than the shop's own `.build` (CI shares one).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
artifacts="${ARTIFACTS:-$here/.artifacts}"
scratch="${SCRATCH_PATH:-$here/.build}"
mkdir -p "$artifacts"

(cd "$here" && swift build --scratch-path "$scratch" --product checkout-server)
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log="$artifacts/checkout-server.log"
# A fresh SQLite file each run (the shop's default store), or PostgreSQL when CHECKOUT_POSTGRES_URL is set.
rm -f "$artifacts"/shop.sqlite*
database=(--database "$artifacts/shop.sqlite")
if [ -n "${CHECKOUT_POSTGRES_URL:-}" ]; then database=(--postgres "$CHECKOUT_POSTGRES_URL"); fi
(cd "$here" && exec "$scratch/debug/checkout-server" --emulator --port "$port" --spec ../../Specs/checkout.yaml "${database[@]}") > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for attempt in $(seq 1 200); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    kill -0 $server 2>/dev/null || { echo "the shop did not start:"; cat "$log"; exit 1; }
    [ "$attempt" -lt 200 ] || { echo "the shop did not answer:"; cat "$log"; exit 1; }
    sleep 0.1
done
python3 "$here/BrowserTest/pay_in_browser.py" "http://127.0.0.1:$port" "$artifacts"
if [ -n "${CHECKOUT_POSTGRES_URL:-}" ]; then
    grep -q "in PostgreSQL" "$log" || { echo "the shop did not use PostgreSQL:"; cat "$log"; exit 1; }
fi
