#!/usr/bin/env bash
# Clean debug build of the Checkout bindings, a baseline against the working tree, side by side in one run.
#
#   Benchmarks/bindings-build-bench.sh [BASE_REV]      (default BASE_REV: HEAD)
#
# Both versions of Generated/StripeCheckout (BASE_REV's, via `git archive`, and the working tree's) are built as the
# target `Bindings` of one temporary package on this repository's StripeRuntime, so the baseline must compile against
# the current runtime. Rounds alternate baseline and current. Each round builds one version's files emptied, untimed
# (SwiftPM plans the build again whenever the file set changes, which costs several seconds that have nothing to do
# with the generated code), copies the real files in, deletes Bindings' build products, and times `swift build
# --target Bindings`: the generated code alone, with the dependencies built, as peer-bench.sh times it.
#
# Output: bindings_build_base, bindings_build_current (s, medians of $RUNS rounds) and
# bindings_build_ratio (base / current; above 1: the working tree builds faster).
#
# Environment:
#   RUNS                   rounds per version (default 5)
#   BINDINGS_BENCH_DIR     the temporary package (default ${TMPDIR:-/tmp}/bindings-build-bench); its .build is kept,
#                          so dependencies build once
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
base_rev="${1:-HEAD}"
runs="${RUNS:-5}"
work="${BINDINGS_BENCH_DIR:-${TMPDIR:-/tmp}/bindings-build-bench}"

if ! git rev-parse --verify --quiet "$base_rev^{commit}" > /dev/null; then
    echo "bindings-build-bench: $base_rev is not a commit" >&2
    exit 2
fi
mkdir -p "$work/Sources/Bindings" "$work/versions"
rm -rf "$work/versions/base" "$work/versions/current"
mkdir -p "$work/versions/base"
git archive "$base_rev" Generated/StripeCheckout | tar -x -C "$work/versions/base"
mv "$work/versions/base/Generated/StripeCheckout" "$work/versions/base/Bindings"
mkdir -p "$work/versions/current"
cp -R "$root/Generated/StripeCheckout" "$work/versions/current/Bindings"

cat > "$work/Package.swift" <<EOF
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BindingsBuildBench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "$root")],
    targets: [
        .target(name: "Bindings", dependencies: [.product(name: "StripeRuntime", package: "$(basename "$root")")]),
    ],
    swiftLanguageModes: [.v6]
)
EOF
[[ -f "$root/Package.resolved" && ! -f "$work/Package.resolved" ]] && cp "$root/Package.resolved" "$work/Package.resolved"
[[ -n "$(ls -A "$work/Sources/Bindings")" ]] || echo "// placeholder" > "$work/Sources/Bindings/Placeholder.swift"
if ! (cd "$work" && swift build --target StripeRuntime >&2); then
    echo "bindings-build-bench: StripeRuntime does not build ($work)" >&2
    exit 1
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Deletes Bindings' objects, module and dependency records; SwiftPM's file lists stay.
clean_bindings() {
    find "$work/.build" -maxdepth 4 -type d -name 'Bindings.build' -print0 |
        xargs -0 -I{} find {} -type f ! -name output-file-map.json ! -name sources -delete 2>/dev/null
    find "$work/.build" -maxdepth 5 -name 'Bindings.swift*' -not -path '*/Bindings.build/*' -exec rm -rf {} + 2>/dev/null
}

# Builds Bindings; prints milliseconds. Exits the script when the build fails.
build_ms() { # version label
    local start status
    start=$(now_ms)
    (cd "$work" && swift build --target Bindings) > "$work/build-$1.log" 2>&1
    status=$?
    if [[ $status -ne 0 ]]; then
        echo "bindings-build-bench: the $1 bindings do not build (log: $work/build-$1.log):" >&2
        grep 'error:' "$work/build-$1.log" | sort -u | head -5 >&2
        exit 1
    fi
    echo $(( $(now_ms) - start ))
}

: > "$work/times-base.txt"
: > "$work/times-current.txt"
for round in $(seq "$runs"); do
    for version in base current; do
        # The plan for this file set, from the same files emptied (compiling the real ones here would leave their
        # index records behind, which the timed build would then skip writing).
        rm -rf "$work/Sources/Bindings"
        cp -R "$work/versions/$version/Bindings" "$work/Sources/Bindings"
        find "$work/Sources/Bindings" -name '*.swift' -exec truncate -s 0 {} +
        build_ms "$version" > /dev/null
        rm -rf "$work/Sources/Bindings"
        cp -R "$work/versions/$version/Bindings" "$work/Sources/Bindings"
        clean_bindings
        ms=$(build_ms "$version") || exit 1
        grep -q 'Planning build' "$work/build-$version.log" &&
            echo "bindings-build-bench: round $round $version: SwiftPM planned again inside the timed build" >&2
        echo "bindings-build-bench: round $round $version $ms ms" >&2
        echo "$ms" >> "$work/times-$version.txt"
    done
done

base_s=$(median < "$work/times-base.txt" | awk '{ printf "%.1f", $1 / 1000 }')
current_s=$(median < "$work/times-current.txt" | awk '{ printf "%.1f", $1 / 1000 }')
echo "bindings_build_base: $base_s s"
echo "bindings_build_current: $current_s s"
echo "bindings_build_ratio: $(awk -v a="$base_s" -v b="$current_s" 'BEGIN { printf "%.2f", a / b }') x"
