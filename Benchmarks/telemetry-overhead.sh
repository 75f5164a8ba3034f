#!/usr/bin/env bash
# What a Stripe call costs with no tracer and no metrics backend bootstrapped, a baseline against the working tree,
# side by side in one run.
#
#   Benchmarks/telemetry-overhead.sh [BASE_REV]      (default BASE_REV: 8210479, the last version without spans)
#
# The program in Benchmarks/TelemetryOverhead makes CALLS `checkout.sessions.retrieve` calls through a transport
# that answers at once with the Checkout session of Stripe's 2023-08-16 fixtures (the client's whole path, no
# network) and prints the time per call. It is built in release twice: on a worktree of BASE_REV and on this
# working tree. Rounds alternate baseline and current, so a drift of the machine's speed touches both.
#
# Output: retrieve_per_call_base, retrieve_per_call_current (us, medians of $RUNS rounds) and
# retrieve_per_call_ratio (the median of current / base, round by round; above 1: the working tree is slower), and
# each side's fastest round (_min).
#
# Environment:
#   RUNS                 rounds (default 15)
#   CALLS                calls per round (default 20000)
#   STRIPE_SHARED_DATA   Stripe's shared data (default ../shared/stripe)
#   TELEMETRY_BENCH_DIR  scratch space: the worktree and both builds (default ${TMPDIR:-/tmp}/telemetry-overhead)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base_rev="${1:-8210479}"
runs="${RUNS:-15}"
calls="${CALLS:-20000}"
shared="${STRIPE_SHARED_DATA:-$root/../shared/stripe}"
work="${TELEMETRY_BENCH_DIR:-${TMPDIR:-/tmp}/telemetry-overhead}"
fixtures="$shared/fixtures3-2023-08-16.json"

if ! git rev-parse --verify --quiet "$base_rev^{commit}" > /dev/null; then
    echo "telemetry-overhead: $base_rev is not a commit" >&2
    exit 2
fi
if [ ! -f "$fixtures" ]; then
    echo "telemetry-overhead: $fixtures not found (set STRIPE_SHARED_DATA)" >&2
    exit 2
fi
mkdir -p "$work"
python3 - "$fixtures" "$work/session.json" <<'PY'
import json, sys
session = json.load(open(sys.argv[1], encoding="utf-8"))["resources"]["checkout.session"]
json.dump(session, open(sys.argv[2], "w", encoding="utf-8"))
PY

# The baseline: a detached worktree of BASE_REV, and the program built on it into its own scratch path.
rm -rf "$work/base"
git worktree prune
git worktree add --detach --quiet "$work/base" "$base_rev"
trap 'git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true' EXIT
program="$root/Benchmarks/TelemetryOverhead"
echo "telemetry-overhead: building the baseline ($base_rev) and the working tree in release" >&2
STRIPE_CHECKOUT_ROOT="$work/base" swift build -c release --package-path "$program" \
    --scratch-path "$work/build-base" > "$work/build-base.log" 2>&1 || { cat "$work/build-base.log" >&2; exit 1; }
swift build -c release --package-path "$program" \
    --scratch-path "$work/build-current" > "$work/build-current.log" 2>&1 || { cat "$work/build-current.log" >&2; exit 1; }
base_bin="$work/build-base/release/TelemetryOverhead"
current_bin="$work/build-current/release/TelemetryOverhead"

per_call() { "$1" "$calls" "$work/session.json" | awk '/^retrieve_per_call:/ { print $2 }'; }
: > "$work/rounds.txt"
for round in $(seq "$runs"); do
    base=$(per_call "$base_bin")
    current=$(per_call "$current_bin")
    echo "$base $current" >> "$work/rounds.txt"
    echo "telemetry-overhead: round $round/$runs: base $base us, current $current us" >&2
done
python3 - "$work/rounds.txt" <<'PY'
import statistics, sys
rounds = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
print(f"retrieve_per_call_base: {statistics.median(b for b, _ in rounds):.2f} us")
print(f"retrieve_per_call_current: {statistics.median(c for _, c in rounds):.2f} us")
print(f"retrieve_per_call_ratio: {statistics.median(c / b for b, c in rounds):.4f}")
# The fastest round of each: on a noisy machine the least disturbed run, closest to what the code itself costs.
print(f"retrieve_per_call_base_min: {min(b for b, _ in rounds):.2f} us")
print(f"retrieve_per_call_current_min: {min(c for _, c in rounds):.2f} us")
PY
