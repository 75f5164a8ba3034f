#!/usr/bin/env bash
# Runs the quickstart against a local Checkout emulator and checks each step printed what it should.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

(cd "$root" && swift build --product checkout-emulator)
log="$(mktemp)"
"$root/.build/debug/checkout-emulator" --port 0 --spec "$root/Specs/checkout.yaml" > "$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    grep -q "listening on" "$log" && break
    sleep 0.1
done
base="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[ -n "$base" ] || { echo "the emulator did not start:"; cat "$log"; exit 1; }

output="$(cd "$here" && STRIPE_API_KEY=sk_test_quickstart STRIPE_API_BASE="$base" swift run Quickstart)"
echo "$output"
echo "$output" | grep -q "(same session: true)" || { echo "quickstart: the repeated checkout made a new session"; exit 1; }
echo "$output" | grep -Eq "old cs_test_[A-Za-z0-9]+ status=expired" || { echo "quickstart: the old session was not expired"; exit 1; }
echo "$output" | grep -q "2 x Blue mug = 3000 usd" || { echo "quickstart: line items missing"; exit 1; }
echo "quickstart against the emulator: ok"
