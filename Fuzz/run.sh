#!/usr/bin/env bash
# Builds one libFuzzer target (or all) with -sanitize=fuzzer,address and runs it for SECONDS.
# Usage: Fuzz/run.sh TARGET|all SECONDS [extra libFuzzer flags...]
# TARGET is one of: HTTPResponse Webhook ModelDecoding FormRoundTrip YAML Spec. New corpus entries go to Fuzz/.work/TARGET
# (not committed); crashes are written to Fuzz/.work/artifacts/ and make the script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")"

targets=(HTTPResponse Webhook ModelDecoding FormRoundTrip YAML Spec)
if [ $# -lt 2 ]; then
    echo "usage: $0 TARGET|all SECONDS [libFuzzer flags...]   (targets: ${targets[*]})" >&2
    exit 64
fi
target="$1"; seconds="$2"; shift 2
if [ "$target" = all ]; then selected=("${targets[@]}"); else selected=("$target"); fi
for name in "${selected[@]}"; do
    [ -d "Seeds/$name" ] || { echo "unknown target $name (targets: ${targets[*]})" >&2; exit 64; }
done

build=(swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
for name in "${selected[@]}"; do "${build[@]}" --product "Fuzz$name"; done
bin="$("${build[@]}" --show-bin-path)"

status=0
for name in "${selected[@]}"; do
    mkdir -p ".work/$name" .work/artifacts
    # The spec target also starts from the trimmed Checkout spec itself, copied rather than kept twice.
    if [ "$name" = Spec ]; then cp ../Specs/checkout.yaml ".work/$name/checkout.yaml"; fi
    echo "== Fuzz$name for ${seconds}s"
    # The last lines hold libFuzzer's final stats (execs, cov, ft); a crash leaves its input in .work/artifacts.
    # Leak checks are off: the Swift runtime's and Foundation's caches read as leaks at exit.
    # Swift's own crash backtracer is off: it can stall under ASan after libFuzzer has saved the input.
    if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}" "$bin/Fuzz$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
        -artifact_prefix=".work/artifacts/$name-" "$@" ".work/$name" "Seeds/$name"; then
        echo "Fuzz$name found a crash: see Fuzz/.work/artifacts/" >&2
        status=1
    fi
done
exit $status
