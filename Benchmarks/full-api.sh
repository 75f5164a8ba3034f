#!/usr/bin/env bash
# Scale test: the whole Stripe API generated, compiled and checked against Stripe's sample object of every
# resource, for two inputs: spec3-2023-08-16.yaml (318 paths, 819 schemas) with fixtures3-2023-08-16.json, and the
# older spec3-2022-05.sdk.yaml (API 2020-08-27, 241 paths, 612 schemas) with fixtures3-2022-05.json.
#
#   Benchmarks/full-api.sh
#
# 1. builds stripe-codegen (release); for each input, generates the spec into a temporary package (template in
#    Benchmarks/FullAPI): library `StripeAPI` (the generated files, on StripeRuntime from this repository) and
#    executable `decode-fixtures` (decodes each fixture into the model whose schema has that x-resourceId);
# 2. builds the package's dependencies, then times a clean debug build of `StripeAPI` alone under /usr/bin/time -v;
# 3. runs decode-fixtures twice: tolerant (required fields a fixture lacks decode as nil and are listed on stderr
#    as `absent: resource path`) and strict (an absent required field fails its object, as plain Codable does).
#
# Output, one figure per line, for 2023 (names as before) and 2022 (names with `_2022`): full_api_generate (ms),
# full_api_files, full_api_lines, full_api_build (s), full_api_build_peak_rss (MB, the largest single process: one
# swift-frontend), fixtures_decoded (tolerant, N/MAPPED), fixtures_decoded_strict (N/MAPPED), fixtures_mapped
# (resources with a generated type, N/TOTAL), fixtures_absent_fields (required fields the fixtures lack).
# Exits non-zero when generation or a build fails, or when a mapped fixture does not decode tolerantly (after
# printing everything); strict failures are figures, not errors.
#
# Environment:
#   STRIPE_SHARED_DATA    folder holding the specs and fixtures (default ../shared/stripe)
#   FULL_API_INPUTS       which inputs to run (default "2023 2022"); a date such as 2019-10-22 names a snapshot in
#                         history/ (spec3-DATE.sdk.yaml with fixtures3-DATE.json), figures suffixed with `_DATE`
#   SCRATCH_PATH          SwiftPM scratch folder for stripe-codegen (default .build-fullapi)
#   STRIPE_CODEGEN        an already built stripe-codegen to use instead of building one
#   FULL_API_RUNTIME_PACKAGE  the package providing StripeRuntime (default: this repository)
#   FULL_API_DIR          the temporary package (default ${TMPDIR:-/tmp}/stripe-full-api), shared by the inputs one
#                         after the other; its .build is kept between runs so dependencies build once; StripeAPI
#                         itself is always built from clean
#   FULL_API_JOBS         -j for the timed build (default: SwiftPM's, one job per core)
#   FULL_API_SWIFTFLAGS   extra flags for the timed build, e.g. "-Xswiftc -driver-time-compilation"
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
data="$(cd "$data" 2>/dev/null && pwd || echo "$data")"
scratch="${SCRATCH_PATH:-$root/.build-fullapi}"
work_root="${FULL_API_DIR:-${TMPDIR:-/tmp}/stripe-full-api}"
template="$root/Benchmarks/FullAPI"
inputs="${FULL_API_INPUTS:-2023 2022}"

# An input name -> its spec and fixtures.
input_files() {
    case "$1" in
        2023) echo "$data/spec3-2023-08-16.yaml $data/fixtures3-2023-08-16.json" ;;
        2022) echo "$data/spec3-2022-05.sdk.yaml $data/fixtures3-2022-05.json" ;;
        # A snapshot from the history folder, by its date (2019-10-22 ... 2022-03-25, as history/README.md lists).
        [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])
            echo "$data/history/spec3-$1.sdk.yaml $data/history/fixtures3-$1.json" ;;
        *) echo "full-api: unknown input $1 (2023, 2022 or a history/ snapshot's date)" >&2; exit 2 ;;
    esac
}
for input in $inputs; do
    for file in $(input_files "$input"); do
        if [[ ! -f "$file" ]]; then
            echo "full-api: $file not found; set STRIPE_SHARED_DATA to the folder holding Stripe's specs and fixtures" >&2
            exit 2
        fi
    done
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

# Prints one figure, its name suffixed for the input.
figure() { echo "$1$suffix: $2"; }

# Generates, builds and decodes one input: `$1` the input name; figures suffixed with `$2`. Returns 1 on failure.
run_input() {
    local input="$1" suffix="$2"
    local spec fixtures work="$work_root"
    read -r spec fixtures <<< "$(input_files "$input")"
    local total
    total=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["resources"]))' "$fixtures")
    echo "full-api: input $input: $spec" >&2

    # 2. The temporary package.
    mkdir -p "$work/Sources/decode-fixtures"
    local runtime="${FULL_API_RUNTIME_PACKAGE:-$root}"
    sed -e "s|@RUNTIME_PATH@|$runtime|" -e "s|@RUNTIME_PACKAGE@|$(basename "$runtime")|" \
        "$template/Package.swift.template" > "$work/Package.swift"
    cp "$template/decode-fixtures/main.swift" "$work/Sources/decode-fixtures/main.swift"
    # Same dependency versions as the repository, and no network round trip when they are cached.
    [[ -f "$root/Package.resolved" && ! -f "$work/Package.resolved" ]] && cp "$root/Package.resolved" "$work/Package.resolved"
    rm -rf "$work/Sources/StripeAPI"

    local start generate_status generate_ms
    start=$(now_ms)
    "$codegen" generate --spec "$spec" --output "$work/Sources/StripeAPI" >&2
    generate_status=$?
    generate_ms=$(( $(now_ms) - start ))
    figure full_api_generate "$generate_ms ms"
    if [[ $generate_status -ne 0 ]]; then
        echo "full-api: generation failed for $input (exit $generate_status)" >&2
        return 1
    fi
    figure full_api_files "$(find "$work/Sources/StripeAPI" -name '*.swift' | wc -l)"
    figure full_api_lines "$(find "$work/Sources/StripeAPI" -name '*.swift' -print0 | xargs -0 cat | wc -l)"

    local failed=0
    python3 "$template/resource-decoders.py" "$spec" "$work/Sources/StripeAPI" \
        "$work/Sources/decode-fixtures/ResourceDecoders.swift" >&2 || failed=1

    # 3. Dependencies first (untimed, kept between runs), then StripeAPI from clean.
    local build_dir="$work/.build"
    if ! (cd "$work" && swift build --target StripeRuntime --scratch-path "$build_dir" >&2); then
        echo "full-api: the package's dependencies do not build (StripeRuntime)" >&2
        return 1
    fi
    find "$build_dir" -maxdepth 4 \( -name 'StripeAPI*' -o -name 'decode_fixtures*' -o -name 'decode-fixtures*' \) \
        -exec rm -rf {} + 2>/dev/null

    local log="$work/build.log" timing="$work/build.time" build_status build_ms rss_kb
    local jobs=()
    [[ -n "${FULL_API_JOBS:-}" ]] && jobs=(-j "$FULL_API_JOBS")
    start=$(now_ms)
    # shellcheck disable=SC2086
    (cd "$work" && /usr/bin/time -v -o "$timing" swift build --target StripeAPI --scratch-path "$build_dir" \
        "${jobs[@]}" ${FULL_API_SWIFTFLAGS:-}) > "$log" 2>&1
    build_status=$?
    build_ms=$(( $(now_ms) - start ))
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timing" 2>/dev/null)
    figure full_api_build "$(awk -v ms="$build_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s"
    figure full_api_build_peak_rss "$(( ${rss_kb:-0} / 1024 )) MB"

    if [[ $build_status -ne 0 ]]; then
        local errors
        errors=$(grep ': error: ' "$log" | grep -v '^ ' | sort -u | wc -l)
        echo "full-api: StripeAPI ($input) does not compile: $errors distinct errors (log: $log). Messages by count:" >&2
        # Each compile job repeats the errors of the files it only reads, so count distinct locations.
        grep ': error: ' "$log" | grep -v '^ ' | sort -u | sed -e 's/.*: error: //' | sort | uniq -c | sort -rn | head -30 >&2
        echo "full-api: the first errors:" >&2
        grep ': error: ' "$log" | grep -v '^ ' | sort -u | sed -e "s|$work/Sources/StripeAPI/||" | head -20 >&2
        figure fixtures_decoded "0/$total"
        return 1
    fi

    # 4. Fixtures, tolerant then strict.
    if ! (cd "$work" && swift build --product decode-fixtures --scratch-path "$build_dir" > "$work/decode-build.log" 2>&1); then
        echo "full-api: decode-fixtures does not compile (log: $work/decode-build.log):" >&2
        grep ': error: ' "$work/decode-build.log" | head -20 >&2
        figure fixtures_decoded "0/$total"
        return 1
    fi
    local bin report
    bin="$(cd "$work" && swift build --product decode-fixtures --scratch-path "$build_dir" --show-bin-path)/decode-fixtures"
    report="$("$bin" "$fixtures" tolerant)" || failed=1
    figure fixtures_decoded "$(sed -n 's/^decoded: //p' <<< "$report" | head -1)"
    figure fixtures_mapped "$(sed -n 's/^mapped: //p' <<< "$report" | head -1)"
    figure fixtures_absent_fields "$(grep -c '^  absent: ' <<< "$report")"
    # One line per failure (resource, coding path, DecodingError), per unmapped resource and per absent field.
    grep -v '^decoded: \|^mapped: ' <<< "$report" | sed -e "s/^/  [$input tolerant]/" >&2
    report="$("$bin" "$fixtures" strict)"
    figure fixtures_decoded_strict "$(sed -n 's/^decoded: //p' <<< "$report" | head -1)"
    grep -v '^decoded: \|^mapped: \|^  unmapped: ' <<< "$report" | sed -e "s/^/  [$input strict]/" >&2
    return $failed
}

for input in $inputs; do
    suffix=""
    [[ "$input" == 2023 ]] || suffix="_$input"
    run_input "$input" "$suffix" || status=1
done
exit $status
