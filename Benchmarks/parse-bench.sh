#!/usr/bin/env bash
# Parse benchmark (package-benchmark, target ParseBenchmarks of the Benchmarks package): a bare libyaml event pass
# (`floor`) against the YAML tree (`tree`) and the spec model (`model`) on Stripe's full spec, and the resident peak
# of one model load in a process of its own (`model_memory`). Prints `name: value unit` lines: medians (p50) of wall
# time and malloc count, the ratios over the floor measured in the same run, and the memory over the file's size.
#
#   Benchmarks/parse-bench.sh [extra `swift package benchmark` options]
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2023-08-16.yaml (default ../shared/stripe, relative to the repository)
# Targets: model/floor <= 2.0, peak_rss/file_size < 10.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export STRIPE_SHARED_DATA="$(cd "${STRIPE_SHARED_DATA:-../shared/stripe}" 2>/dev/null && pwd || true)"
spec="$STRIPE_SHARED_DATA/spec3-2023-08-16.yaml"
if [[ ! -f "$spec" ]]; then
    echo "parse-bench: spec3-2023-08-16.yaml not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec" >&2
    exit 2
fi

table="$(mktemp)"
figures="$(mktemp)"
trap 'rm -f "$table" "$figures"' EXIT
(cd Benchmarks && swift package benchmark --target ParseBenchmarks --no-progress "$@") > "$table"
python3 Benchmarks/benchmark-medians.py "$table" --ratio tree/floor=tree/floor --ratio model/floor=model/floor \
    > "$figures"
grep -v '^model_memory' "$figures"
# Memory as the file's size measures it: the peak holds the file's bytes, the YAML tree and the model.
awk -v size="$(stat -c %s "$spec")" '
    /^model_memory_peak_rss:/ { peak = $2 }
    /^model_memory_peak_rss_delta:/ { delta = $2 }
    END {
        if (peak == "") { print "parse-bench: no model_memory figures" > "/dev/stderr"; exit 1 }
        mb = size / 1048576
        printf "file_size: %.1f MB\n", mb
        printf "baseline_rss: %.1f MB\n", peak - delta
        printf "peak_rss: %.1f MB\n", peak
        printf "peak_rss/file_size: %.2f\n", peak / mb
        printf "(peak_rss-baseline_rss)/file_size: %.2f\n", delta / mb
    }' "$figures"
