#!/usr/bin/env bash
# The PostgreSQL-backed checkout stores against a local throwaway cluster: webhook claims per second and their
# p50/p99 latency with 16 concurrent claimers, and the order lock's acquire-and-release latency (one caller,
# and two callers on one order). Prints `name: value unit` lines, medians over the runs.
#
# Usage: Benchmarks/postgres-bench.sh [runs=5]   (uses $CHECKOUT_POSTGRES_URL when set, else starts a cluster)
# Builds PostgresBenchmarks in the Benchmarks package (SwiftPM scratch folder: $SCRATCH_PATH, default
# Benchmarks/.build).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
SCRATCH="${SCRATCH_PATH:-Benchmarks/.build}"

swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --product PostgresBenchmarks >&2
bin="$(swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" --show-bin-path)/PostgresBenchmarks"
if [ -z "${CHECKOUT_POSTGRES_URL:-}" ]; then
    trap '.ci/postgres.sh stop' EXIT
    postgres_env="$(.ci/postgres.sh start)"
    eval "$postgres_env"
fi
"$bin" --url "$CHECKOUT_POSTGRES_URL" --runs "$RUNS"
