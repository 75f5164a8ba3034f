#!/usr/bin/env bash
# Finding one order's sessions among N sessions in the emulator (package-benchmark, target OrderLookup of the
# Benchmarks package): by list scan (every session, matched by client_reference_id) vs through the session index
# (one retrieve per indexed session). Prints `name: value unit` lines: requests sent and median latency, for each
# N given.
#
# Usage: Benchmarks/order-lookup-bench.sh [N ...]   (default: 1000 100000)
set -euo pipefail
cd "$(dirname "$0")"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 100000)
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
for n in "${sizes[@]}"; do
    runs=5
    [ "$n" -gt 10000 ] && runs=3
    ORDER_LOOKUP_SESSIONS="$n" ORDER_LOOKUP_RUNS="$runs" \
        swift package benchmark --target OrderLookup --no-progress > "$table"
    echo "sessions: $n sessions"
    python3 benchmark-medians.py "$table" --wall-suffix _latency \
        --ratio lookup_scan/index_latency=lookup_scan_latency/lookup_index_latency
done
