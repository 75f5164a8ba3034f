#!/usr/bin/env bash
# The checkout stores per backend (package-benchmark, target StoreBenchmarks of the Benchmarks package): a
# processed-event claim (claimForHandling of a new event) then finish(handled: true), a session index record (an
# upsert among 1,000 indexed sessions) then the look-up of its order, and an uncontended order lock acquire and
# release (withLock with an empty body); each in memory (CheckoutWorkflows), on SQLite (a fresh file in the
# temporary folder: WAL, synchronous FULL) and on PostgreSQL. Prints `name: value unit` lines, the medians (p50)
# of wall time (us) and mallocs per pair, and each pair's ratios SQLite/in-memory and PostgreSQL/SQLite from the
# same run.
#
#   Benchmarks/store-bench.sh [extra `swift package benchmark` options, e.g. --filter "claim_finish_.*"]
#
# PostgreSQL: $CHECKOUT_POSTGRES_URL when set, else a throwaway cluster started for the run and stopped at exit
# (.ci/postgres.sh, in a folder of its own: $CHECKOUT_POSTGRES_DIR, default one per run under $TMPDIR or /tmp). That
# cluster runs with fsync and synchronous_commit off, so its commits are not durable while SQLite's are: the
# PostgreSQL/SQLite ratios compare a network round trip against a flushed local write.
# Environment:
#   STORE_BENCH_ITERATIONS     most measured iterations per benchmark (default 1000)
#   STORE_BENCH_SECONDS        most seconds per benchmark (default 10)
#   STORE_BENCH_SQLITE_FOLDER  folder the SQLite files are made in (default $TMPDIR or /tmp); its file system sets
#                              the cost of SQLite's flushes
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
table="$(mktemp)"
cleanup() {
    rm -f "$table"
    if [ -n "${started_postgres:-}" ]; then .ci/postgres.sh stop; fi
}
trap cleanup EXIT
if [ -z "${CHECKOUT_POSTGRES_URL:-}" ]; then
    export CHECKOUT_POSTGRES_DIR="${CHECKOUT_POSTGRES_DIR:-${TMPDIR:-/tmp}/checkout-store-bench-$$}"
    started_postgres=1
    postgres_env="$(.ci/postgres.sh start)"
    eval "$postgres_env"
fi
(cd Benchmarks && swift package benchmark --target StoreBenchmarks --no-progress "$@") > "$table"

# A ratio for each pair whose two backends ran (a --filter may have left some out).
ratios=()
for pair in claim_finish index_record_lookup lock_acquire_release; do
    for quotient in sqlite/memory postgres/sqlite; do
        numerator="${pair}_${quotient%/*}" denominator="${pair}_${quotient#*/}"
        if grep -qx "$numerator" "$table" && grep -qx "$denominator" "$table"; then
            ratios+=(--ratio "${pair}_$quotient=$numerator/$denominator")
        fi
    done
done
python3 Benchmarks/benchmark-medians.py "$table" --time-unit us "${ratios[@]}"
