#!/usr/bin/env bash
# Load on the Checkout emulator over 127.0.0.1: concurrent creates and lists from the generated
# client for a bounded time. Prints `name: value unit` lines (requests per second, p50/p99
# latency, errors, sessions created vs successful creates).
#
# Usage: Benchmarks/emulator-load.sh [seconds=10] [concurrency=16]
# Builds EmulatorLoad in the Benchmarks package (SwiftPM scratch folder: $SCRATCH_PATH, default Benchmarks/.build).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-10}"
CONCURRENCY="${2:-16}"
SCRATCH="${SCRATCH_PATH:-Benchmarks/.build}"

swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --product EmulatorLoad >&2
bin="$(swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --show-bin-path)/EmulatorLoad"
"$bin" --seconds "$SECONDS_TO_RUN" --concurrency "$CONCURRENCY" --spec Specs/checkout.yaml
