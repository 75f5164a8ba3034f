#!/usr/bin/env bash
# Builds the runtime benchmarks in release mode and prints `name: value unit` lines (medians).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${RUNTIME_BENCH_SCRATCH:-.build-runtime-bench}"
swift build -c release --scratch-path "$scratch" --product RuntimeBenchmarks >&2
"$scratch/release/RuntimeBenchmarks"
