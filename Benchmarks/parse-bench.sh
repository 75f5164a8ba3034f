#!/usr/bin/env bash
# Parse benchmark: a bare libyaml event pass (`floor`) against the YAML tree (`tree`) and the spec model (`model`)
# on Stripe's full spec, then peak memory of one model load in a fresh process.
#
#   Benchmarks/parse-bench.sh [extra ParseBenchmarks options, e.g. --rounds 30 --warmup 5]
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2023-08-16.yaml (default ../shared/stripe, relative to the package)
#   SCRATCH_PATH        SwiftPM scratch folder for the release build (default .build-bench)
# Targets: model/floor <= 2.0, peak_rss/file_size < 10.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
spec="$data/spec3-2023-08-16.yaml"
scratch="${SCRATCH_PATH:-$root/.build-bench}"

if [[ ! -f "$spec" ]]; then
    echo "parse-bench: $spec not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec" >&2
    exit 2
fi

swift build -c release --product ParseBenchmarks --scratch-path "$scratch" >&2
bin="$(swift build -c release --product ParseBenchmarks --scratch-path "$scratch" --show-bin-path)/ParseBenchmarks"

"$bin" "$spec" "$@"
# A second, fresh process so the high-water mark holds one model load and nothing from the timing rounds.
"$bin" "$spec" --memory
