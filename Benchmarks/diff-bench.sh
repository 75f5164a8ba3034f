#!/usr/bin/env bash
# API diff benchmark: `stripe-codegen diff` end to end (process start, both specs loaded, named and translated,
# surfaces compared, text printed) from Stripe's 2020-08-27 spec to its 2023-08-16 spec, release build; the median
# wall time and CPU time (user + system) of the runs, then the number of changes of each class.
#
#   Benchmarks/diff-bench.sh [runs]        (default 11 runs after 2 warm-up runs)
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2022-05.sdk.yaml and spec3-2023-08-16.yaml (default ../shared/stripe,
#                       relative to the package)
#   SCRATCH_PATH        SwiftPM scratch folder for the release build (default .build-diff-bench)
# Target: full_diff_end_to_end < 1000 ms.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
old="$data/spec3-2022-05.sdk.yaml"
new="$data/spec3-2023-08-16.yaml"
scratch="${SCRATCH_PATH:-$root/.build-diff-bench}"
runs="${1:-11}"

for spec in "$old" "$new"; do
    if [[ ! -f "$spec" ]]; then
        echo "diff-bench: $spec not found; set STRIPE_SHARED_DATA to the folder holding Stripe's specs" >&2
        exit 2
    fi
done

swift build -c release --product stripe-codegen --scratch-path "$scratch" >&2
bin="$(swift build -c release --product stripe-codegen --scratch-path "$scratch" --show-bin-path)/stripe-codegen"

# One run; prints its wall time and its CPU time (user + system) in ms. Exit status 1 (something breaking changed)
# is the expected outcome; stderr is kept for a failure's message.
run_once() {
    local timing status=0
    local TIMEFORMAT='%R %U %S'
    timing=$( { time "$bin" diff --from "$old" --to "$new" >/dev/null 2>/tmp/diff-bench-stderr.$$ || status=$?; } 2>&1 )
    if [[ $status -gt 1 ]]; then
        echo "diff-bench: stripe-codegen diff exited $status" >&2
        cat /tmp/diff-bench-stderr.$$ >&2
        exit 1
    fi
    awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$timing"
}
trap 'rm -f /tmp/diff-bench-stderr.$$' EXIT

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

run_once >/dev/null
run_once >/dev/null
samples=()
for _ in $(seq "$runs"); do samples+=("$(run_once)"); done
echo "full_diff_end_to_end: $(printf '%s\n' "${samples[@]}" | cut -d ' ' -f 1 | median) ms"
echo "full_diff_cpu: $(printf '%s\n' "${samples[@]}" | cut -d ' ' -f 2 | median) ms"

# The counts, from the summary line the text format ends with: "N breaking, N additive, N note (...)".
summary="$("$bin" diff --from "$old" --to "$new" | tail -n 1 || true)"
for class in breaking additive note; do
    count=$(grep -oE "[0-9]+ $class\b" <<<"$summary" | head -n 1 | cut -d ' ' -f 1)
    echo "full_diff_$class: $count changes"
done
