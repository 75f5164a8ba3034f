#!/usr/bin/env bash
# Finding one order's sessions among N sessions in the emulator: by list scan (every session, matched by
# client_reference_id) vs through the session index (one retrieve per indexed session). Prints `name: value unit`
# lines: requests sent and median latency, for each N given.
#
# Usage: Benchmarks/order-lookup-bench.sh [N ...]   (default: 1000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH_PATH:-.build-order-lookup}"
swift build -c release --scratch-path "$SCRATCH" --product OrderLookup >&2
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000)
for n in "${sizes[@]}"; do
    runs=5
    [ "$n" -gt 10000 ] && runs=3
    "$SCRATCH/release/OrderLookup" --spec Specs/checkout.yaml --sessions "$n" --runs "$runs"
done
