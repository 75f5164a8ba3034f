#!/usr/bin/env bash
# Scale test: the whole Stripe API (spec3-2023-08-16.yaml, 318 paths, 819 schemas) generated, compiled and
# checked against Stripe's sample object of every resource.
#
#   Benchmarks/full-api.sh
#
# 1. builds stripe-codegen (release) and generates the full spec into a temporary package (template in
#    Benchmarks/FullAPI): library `StripeAPI` (the generated files, on StripeRuntime from this repository) and
#    executable `decode-fixtures` (decodes each fixture into the model whose schema has that x-resourceId);
# 2. builds the package's dependencies, then times a clean debug build of `StripeAPI` alone under /usr/bin/time -v;
# 3. runs decode-fixtures.
#
# Output, one figure per line: full_api_generate (ms), full_api_files, full_api_lines, full_api_build (s),
# full_api_build_peak_rss (MB, the largest single process: one swift-frontend), fixtures_decoded (N/TOTAL).
# Exits non-zero when generation or the build fails, or when a fixture does not decode (after printing everything).
#
# Environment:
#   STRIPE_SHARED_DATA    folder holding spec3-2023-08-16.yaml and fixtures3-2023-08-16.json (default ../shared/stripe)
#   SCRATCH_PATH          SwiftPM scratch folder for stripe-codegen (default .build-fullapi)
#   STRIPE_CODEGEN        an already built stripe-codegen to use instead of building one
#   FULL_API_RUNTIME_PACKAGE  the package providing StripeRuntime (default: this repository)
#   FULL_API_DIR          the temporary package (default ${TMPDIR:-/tmp}/stripe-full-api); its .build is kept between
#                         runs so dependencies build once; StripeAPI itself is always built from clean
#   FULL_API_JOBS         -j for the timed build (default: SwiftPM's, one job per core)
#   FULL_API_SWIFTFLAGS   extra flags for the timed build, e.g. "-Xswiftc -driver-time-compilation"
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
data="$(cd "$data" 2>/dev/null && pwd || echo "$data")"
spec="$data/spec3-2023-08-16.yaml"
fixtures="$data/fixtures3-2023-08-16.json"
scratch="${SCRATCH_PATH:-$root/.build-fullapi}"
work="${FULL_API_DIR:-${TMPDIR:-/tmp}/stripe-full-api}"
template="$root/Benchmarks/FullAPI"

for file in "$spec" "$fixtures"; do
    if [[ ! -f "$file" ]]; then
        echo "full-api: $file not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec and fixtures" >&2
        exit 2
    fi
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
status=0

# 1. The generator.
if [[ -n "${STRIPE_CODEGEN:-}" ]]; then
    codegen="$STRIPE_CODEGEN"
else
    if ! swift build -c release --product stripe-codegen --scratch-path "$scratch" >&2; then
        echo "full-api: stripe-codegen does not build" >&2
        exit 1
    fi
    codegen="$(swift build -c release --product stripe-codegen --scratch-path "$scratch" --show-bin-path)/stripe-codegen"
fi

# 2. The temporary package.
mkdir -p "$work/Sources/decode-fixtures"
runtime="${FULL_API_RUNTIME_PACKAGE:-$root}"
sed -e "s|@RUNTIME_PATH@|$runtime|" -e "s|@RUNTIME_PACKAGE@|$(basename "$runtime")|" \
    "$template/Package.swift.template" > "$work/Package.swift"
cp "$template/decode-fixtures/main.swift" "$work/Sources/decode-fixtures/main.swift"
# Same dependency versions as the repository, and no network round trip when they are cached.
[[ -f "$root/Package.resolved" && ! -f "$work/Package.resolved" ]] && cp "$root/Package.resolved" "$work/Package.resolved"
rm -rf "$work/Sources/StripeAPI"

start=$(now_ms)
"$codegen" generate --spec "$spec" --output "$work/Sources/StripeAPI" >&2
generate_status=$?
generate_ms=$(( $(now_ms) - start ))
echo "full_api_generate: $generate_ms ms"
if [[ $generate_status -ne 0 ]]; then
    echo "full-api: generation failed (exit $generate_status)" >&2
    exit 1
fi
files=$(find "$work/Sources/StripeAPI" -name '*.swift' | wc -l)
lines=$(find "$work/Sources/StripeAPI" -name '*.swift' -print0 | xargs -0 cat | wc -l)
echo "full_api_files: $files"
echo "full_api_lines: $lines"

python3 "$template/resource-decoders.py" "$spec" "$work/Sources/StripeAPI" \
    "$work/Sources/decode-fixtures/ResourceDecoders.swift" >&2 || status=1

# 3. Dependencies first (untimed, kept between runs), then StripeAPI from clean.
build_dir="$work/.build"
if ! (cd "$work" && swift build --target StripeRuntime --scratch-path "$build_dir" >&2); then
    echo "full-api: the package's dependencies do not build (StripeRuntime)" >&2
    exit 1
fi
find "$build_dir" -maxdepth 4 \( -name 'StripeAPI*' -o -name 'decode_fixtures*' -o -name 'decode-fixtures*' \) \
    -exec rm -rf {} + 2>/dev/null

log="$work/build.log"
timing="$work/build.time"
jobs=()
[[ -n "${FULL_API_JOBS:-}" ]] && jobs=(-j "$FULL_API_JOBS")
start=$(now_ms)
# shellcheck disable=SC2086
(cd "$work" && /usr/bin/time -v -o "$timing" swift build --target StripeAPI --scratch-path "$build_dir" \
    "${jobs[@]}" ${FULL_API_SWIFTFLAGS:-}) > "$log" 2>&1
build_status=$?
build_ms=$(( $(now_ms) - start ))
rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timing" 2>/dev/null)
echo "full_api_build: $(awk -v ms="$build_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s"
echo "full_api_build_peak_rss: $(( ${rss_kb:-0} / 1024 )) MB"

if [[ $build_status -ne 0 ]]; then
    status=1
    errors=$(grep ': error: ' "$log" | grep -v '^ ' | sort -u | wc -l)
    echo "full-api: StripeAPI does not compile: $errors distinct errors (log: $log). Messages by count:" >&2
    # Each compile job repeats the errors of the files it only reads, so count distinct locations.
    grep ': error: ' "$log" | grep -v '^ ' | sort -u | sed -e 's/.*: error: //' | sort | uniq -c | sort -rn | head -30 >&2
    echo "full-api: the first errors:" >&2
    grep ': error: ' "$log" | grep -v '^ ' | sort -u | sed -e "s|$work/Sources/StripeAPI/||" | head -20 >&2
    echo "fixtures_decoded: 0/$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["resources"]))' "$fixtures")"
    exit $status
fi

# 4. Fixtures.
if ! (cd "$work" && swift build --product decode-fixtures --scratch-path "$build_dir" > "$work/decode-build.log" 2>&1); then
    echo "full-api: decode-fixtures does not compile (log: $work/decode-build.log):" >&2
    grep ': error: ' "$work/decode-build.log" | head -20 >&2
    echo "fixtures_decoded: 0/$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["resources"]))' "$fixtures")"
    exit 1
fi
bin="$(cd "$work" && swift build --product decode-fixtures --scratch-path "$build_dir" --show-bin-path)/decode-fixtures"
report="$("$bin" "$fixtures")"
decode_status=$?
[[ $decode_status -ne 0 ]] && status=1
echo "fixtures_decoded: $(sed -n 's/^decoded: //p' <<< "$report" | head -1)"
# One line per failure: resource, coding path, DecodingError.
grep -v '^decoded: ' <<< "$report" >&2
exit $status
