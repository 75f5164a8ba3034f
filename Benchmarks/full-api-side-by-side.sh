#!/usr/bin/env bash
# Clean debug build of the whole 2023 API, a baseline commit against the working tree, side by side in one run.
#
#   Benchmarks/full-api-side-by-side.sh [BASE_REV]      (default BASE_REV: HEAD)
#
# Each side is prepared by its own Benchmarks/full-api.sh (2023 input only): the baseline's from a git worktree of
# BASE_REV, so it uses that commit's generator and runtime; the current one from this tree. Both packages keep their
# .build, so dependencies build once. Rounds then alternate baseline and current: each deletes StripeAPI's objects
# and module, keeping SwiftPM's file lists so that it need not plan the build again (when it does, stderr says so),
# and times `swift build --target StripeAPI`.
#
# Output: full_api_lines_base, full_api_lines_current, full_api_build_base and full_api_build_current (s, medians of
# $RUNS rounds) and full_api_build_ratio (current / base, the median of the rounds' ratios; 0.5 is half the time).
# Each round's times go to stderr.
#
# Environment:
#   RUNS                  rounds per version (default 3)
#   STRIPE_SHARED_DATA    folder holding Stripe's specs and fixtures (default ../shared/stripe)
#   FULL_API_SIDE_DIR     working folder (default ${TMPDIR:-/tmp}/full-api-side-by-side): the worktree, both packages
#                         and both generators' build folders; kept between runs
# BASE_REV's full-api.sh must read FULL_API_INPUTS, FULL_API_DIR and SCRATCH_PATH, as this one does.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base_rev="${1:-HEAD}"
runs="${RUNS:-3}"
work="${FULL_API_SIDE_DIR:-${TMPDIR:-/tmp}/full-api-side-by-side}"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
data="$(cd "$data" 2>/dev/null && pwd || echo "$data")"

if ! git rev-parse --verify --quiet "$base_rev^{commit}" > /dev/null; then
    echo "full-api-side-by-side: $base_rev is not a commit" >&2
    exit 2
fi
mkdir -p "$work"
tree="$work/base-tree"
base_commit="$(git rev-parse "$base_rev^{commit}")"
if [[ "$(git -C "$tree" rev-parse HEAD 2>/dev/null)" != "$base_commit" ]]; then
    git worktree remove --force "$tree" 2>/dev/null
    rm -rf "$tree"
    git worktree add --detach "$tree" "$base_commit" > /dev/null || exit 1
fi

# Prepares one side with its own full-api.sh: `$1` the label, `$2` the tree whose script runs.
prepare() {
    echo "full-api-side-by-side: preparing $1 ($2)" >&2
    if ! (cd "$2" && FULL_API_INPUTS=2023 STRIPE_SHARED_DATA="$data" FULL_API_DIR="$work/$1" \
            SCRATCH_PATH="$work/$1-codegen" Benchmarks/full-api.sh > "$work/$1-full-api.txt"); then
        echo "full-api-side-by-side: $1's full-api.sh failed:" >&2
        cat "$work/$1-full-api.txt" >&2
        exit 1
    fi
    echo "full_api_lines_$1: $(sed -n 's/^full_api_lines: //p' "$work/$1-full-api.txt")"
}
prepare base "$tree"
prepare current "$root"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Times a clean build of one side's StripeAPI; prints milliseconds. Exits the script when the build fails.
build_ms() { # label
    local package="$work/$1" start status
    find "$package/.build" -maxdepth 4 -type d -name 'StripeAPI.build' -print0 |
        xargs -0 -I{} find {} -type f ! -name output-file-map.json ! -name sources -delete 2>/dev/null
    find "$package/.build" -maxdepth 5 -name 'StripeAPI.swift*' -not -path '*/StripeAPI.build/*' -exec rm -rf {} + 2>/dev/null
    start=$(now_ms)
    (cd "$package" && swift build --target StripeAPI --scratch-path "$package/.build") > "$work/build-$1.log" 2>&1
    status=$?
    if [[ $status -ne 0 ]]; then
        echo "full-api-side-by-side: $1's StripeAPI does not build (log: $work/build-$1.log):" >&2
        grep 'error:' "$work/build-$1.log" | sort -u | head -5 >&2
        exit 1
    fi
    grep -q 'Planning build' "$work/build-$1.log" &&
        echo "full-api-side-by-side: $1: SwiftPM planned again inside the timed build" >&2
    echo $(( $(now_ms) - start ))
}

: > "$work/times-base.txt"
: > "$work/times-current.txt"
: > "$work/ratios.txt"
for round in $(seq "$runs"); do
    base_ms=$(build_ms base) || exit 1
    current_ms=$(build_ms current) || exit 1
    echo "full-api-side-by-side: round $round: base $base_ms ms, current $current_ms ms" >&2
    echo "$base_ms" >> "$work/times-base.txt"
    echo "$current_ms" >> "$work/times-current.txt"
    awk -v a="$current_ms" -v b="$base_ms" 'BEGIN { printf "%.3f\n", a / b }' >> "$work/ratios.txt"
done

echo "full_api_build_base: $(median < "$work/times-base.txt" | awk '{ printf "%.1f", $1 / 1000 }') s"
echo "full_api_build_current: $(median < "$work/times-current.txt" | awk '{ printf "%.1f", $1 / 1000 }') s"
echo "full_api_build_ratio: $(median < "$work/ratios.txt" | awk '{ printf "%.2f", $1 }') (current / base)"
