#!/usr/bin/env bash
# Generation benchmark (package-benchmark, target CodegenBenchmarks of the Benchmarks package): `generate` end to end
# (read + load + generate + write into an empty folder) and its stages, against a bare libyaml event pass over the
# same bytes (`floor`), for Specs/checkout.yaml and Stripe's full spec. Prints `name: value unit` lines, the medians
# (p50) of wall time and malloc count, and each end-to-end time over the floor measured in the same run.
#
#   Benchmarks/codegen-bench.sh [extra `swift package benchmark` options, e.g. --filter "checkout_.*"]
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2023-08-16.yaml (default ../shared/stripe, relative to the repository)
#   CODEGEN_BENCH_OUTPUT  folder the output folders are made in (default $TMPDIR or /tmp). On ext4 without a journal
#                       (as here), creating a file skips, one by one, the inodes freed in the last 60 s (360 s until
#                       written back): up to ~0.5 ms of kernel time per file soon after thousands of files were
#                       deleted, an earlier run of this script included (it removes its output at exit, after
#                       every benchmark has run). On such a
#                       disk, start a run >= 6 minutes after the last mass deletion; /dev/shm (tmpfs) measures the
#                       writer without that.
# Targets: full_end_to_end < 1000 ms and full_end_to_end/floor <= 4.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export STRIPE_SHARED_DATA="$(cd "${STRIPE_SHARED_DATA:-../shared/stripe}" 2>/dev/null && pwd || true)"
if [[ ! -f "$STRIPE_SHARED_DATA/spec3-2023-08-16.yaml" ]]; then
    echo "codegen-bench: spec3-2023-08-16.yaml not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec" >&2
    exit 2
fi

table="$(mktemp)"
# Every benchmark's output folders stay until the whole run is over (see CodegenBenchmarks' OutputFolders).
run_folder="${CODEGEN_BENCH_OUTPUT:-${TMPDIR:-/tmp}}/codegen-bench-$$"
mkdir -p "$run_folder"
trap 'rm -f "$table"; rm -rf "$run_folder"' EXIT
(cd Benchmarks && CODEGEN_BENCH_RUN_FOLDER="$run_folder" swift package benchmark --target CodegenBenchmarks \
    --no-progress "$@") > "$table"
python3 Benchmarks/benchmark-medians.py "$table" \
    --ratio checkout_end_to_end/floor=checkout_end_to_end/checkout_floor \
    --ratio full_end_to_end/floor=full_end_to_end/full_floor
