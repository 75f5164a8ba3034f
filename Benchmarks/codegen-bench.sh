#!/usr/bin/env bash
# Generation benchmark: `generate` end to end (read + load + generate + write into an empty folder) against a bare
# libyaml event pass over the same bytes (`floor`), for Specs/checkout.yaml and Stripe's full spec; medians.
#
#   Benchmarks/codegen-bench.sh [extra CodegenBenchmarks options, e.g. --rounds 21 --warmup 5]
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2023-08-16.yaml (default ../shared/stripe, relative to the package)
#   SCRATCH_PATH        SwiftPM scratch folder for the release build (default .build-codegen-bench)
#   CODEGEN_BENCH_OUTPUT  folder the output folders are made in (default $TMPDIR or /tmp). On ext4 without a journal
#                       (as here), creating a file skips, one by one, the inodes freed in the last 60 s (360 s until
#                       written back): up to ~0.5 ms of kernel time per file soon after thousands of files were
#                       deleted, an earlier run of this script included (it removes its output at exit). On such a
#                       disk, start a run >= 6 minutes after the last mass deletion; /dev/shm (tmpfs) measures the
#                       writer without that.
# Targets: full_end_to_end < 1000 ms and full_end_to_end/floor <= 4.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
spec="$data/spec3-2023-08-16.yaml"
scratch="${SCRATCH_PATH:-$root/.build-codegen-bench}"

if [[ ! -f "$spec" ]]; then
    echo "codegen-bench: $spec not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec" >&2
    exit 2
fi

swift build -c release --product CodegenBenchmarks --scratch-path "$scratch" >&2
bin="$(swift build -c release --product CodegenBenchmarks --scratch-path "$scratch" --show-bin-path)/CodegenBenchmarks"

"$bin" --checkout Specs/checkout.yaml --full "$spec" --rounds 11 --warmup 3 "$@"
