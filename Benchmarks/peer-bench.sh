#!/usr/bin/env bash
# Side by side: stripe-codegen against Apple's swift-openapi-generator 1.14.3 (the peer), on the same inputs,
# in one run.
#
#   Benchmarks/peer-bench.sh
#
# Inputs: Specs/checkout.yaml (trimmed, with cuts); the untrimmed Checkout closure (the 4 /v1/checkout/sessions**
# paths and every schema they reach, no cuts, descriptions kept; made here with `stripe-codegen trim`); Stripe's
# full spec. For each input and each tool (every generation first, then the builds and probes):
# 1. generation: wall time, CPU time (user + system: steadier than wall time on a busy machine) and peak RSS, medians of $RUNS runs of the release build, each into an empty folder
#    after a `sync` (earlier outputs are moved aside, not deleted, until the script ends: see generate_once)
#    (ours: `generate --spec`; peer: `generate --mode types --mode client --config` with accessModifier public);
# 2. files and lines of Swift written;
# 3. debug build of the generated code as the target `Bindings` of a temporary package (ours on StripeRuntime
#    from this repository, the peer's on swift-openapi-runtime 1.13.4). Dependencies are built first and kept, and
#    SwiftPM's plan for the file set is made by an untimed build of the same files emptied, so `build_clean` is
#    `swift build --target Bindings` after deleting only Bindings' build products: the generated code alone (runs
#    before 2026-11-30 10:45 UTC included SwiftPM planning, several seconds per input). A clean build under a minute
#    is run three times and its median reported (`build_clean_runs` lists them). `build_incremental` is the same
#    command after touching the file holding the Checkout Session model (ours: Models/CheckoutSession.swift; the
#    peer writes all types into Types.swift);
# 4. capabilities, found by running `probe` (Benchmarks/Peer/Templates/*/probe, with the shared
#    Templates/ProbeFixtures.swift) against the generated client with a transport that records requests and
#    answers with bodies made from Stripe's fixtures (checkout.session; a line item whose price.product is an id,
#    then the whole product).
# A failure (generation, build, probe) is printed as the figure's value, with its first error lines on stderr
# and in RESULTS.md. Ratios are peer / ours (above 1: ours is faster or smaller).
#
# Output: `name: value unit` lines; the same table replaces the peer-bench section of Benchmarks/RESULTS.md.
#
# Environment:
#   STRIPE_SHARED_DATA  folder holding spec3-2023-08-16.yaml and fixtures3-2023-08-16.json (default ../shared/stripe)
#   RUNS                generation runs per tool and input (default 5)
#   PEER_BENCH_DIR      work folder: temporary packages and outputs (default ${TMPDIR:-/tmp}/peer-bench); kept
#                       between runs so dependencies build once
#   PEER_BENCH_INPUTS   which inputs (default "checkout closure full")
#   BUILD_TIMEOUT       seconds allowed for one build of generated code (default 1800); past it the build counts
#                       as failed
#   PEER_BENCH_RESULTS  file to write the table into (default Benchmarks/RESULTS.md; empty: none)
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="${STRIPE_SHARED_DATA:-../shared/stripe}"
data="$(cd "$data" 2>/dev/null && pwd || echo "$data")"
full_spec="$data/spec3-2023-08-16.yaml"
fixtures="$data/fixtures3-2023-08-16.json"
runs="${RUNS:-5}"
work="${PEER_BENCH_DIR:-${TMPDIR:-/tmp}/peer-bench}"
inputs="${PEER_BENCH_INPUTS:-checkout closure full}"
build_timeout="${BUILD_TIMEOUT:-1800}"
results="${PEER_BENCH_RESULTS-$root/Benchmarks/RESULTS.md}"
peer_pkg="$root/Benchmarks/Peer"
templates="$peer_pkg/Templates"
command_line="Benchmarks/peer-bench.sh${*:+ $*}"
[[ -n "${BUILD_TIMEOUT:-}" ]] && command_line="BUILD_TIMEOUT=$BUILD_TIMEOUT $command_line"
[[ -n "${RUNS:-}" ]] && command_line="RUNS=$RUNS $command_line"

for file in "$full_spec" "$fixtures"; do
    if [[ ! -f "$file" ]]; then
        echo "peer-bench: $file not found; set STRIPE_SHARED_DATA to the folder holding Stripe's spec and fixtures" >&2
        exit 2
    fi
done
mkdir -p "$work"
# Outputs of earlier generation runs, removed at exit (see generate_once).
trash="$work/trash"
rm -rf "$trash"
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
table="$work/table.txt"
notes="$work/notes.txt"
: > "$table"
: > "$notes"

# One figure: printed and kept for RESULTS.md.
figure() { echo "$1: $2${3:+ $3}" | tee -a "$table"; }
# Something RESULTS.md should say next to the figures (failures and their first lines).
note() { echo "$*" >&2; echo "$*" >> "$notes"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.1f", a / b }'; }
is_number() { [[ "$1" =~ ^[0-9]+(\.[0-9]+)?$ ]]; }

# 1. Both tools, release.
ours_scratch="$peer_pkg/.build-ours"
if ! swift build -c release --product stripe-codegen --scratch-path "$ours_scratch" >&2; then
    echo "peer-bench: stripe-codegen does not build" >&2
    exit 1
fi
ours_bin="$(swift build -c release --product stripe-codegen --scratch-path "$ours_scratch" --show-bin-path)/stripe-codegen"
if ! swift build -c release --product swift-openapi-generator --package-path "$peer_pkg" >&2; then
    echo "peer-bench: swift-openapi-generator does not build (Benchmarks/Peer)" >&2
    exit 1
fi
peer_bin="$(swift build -c release --product swift-openapi-generator --package-path "$peer_pkg" --show-bin-path)/swift-openapi-generator"

# 2. The untrimmed Checkout closure.
closure="$work/checkout-closure.yaml"
cat > "$work/closure-trim.yaml" <<'EOF'
paths:
  - /v1/checkout/sessions
  - /v1/checkout/sessions/**
schemas: []
cut: []
keepDescriptions: true
EOF
if ! "$ours_bin" trim --spec "$full_spec" --config "$work/closure-trim.yaml" --output "$closure" >&2; then
    echo "peer-bench: trimming the Checkout closure failed" >&2
    exit 1
fi

# 3. The two temporary packages, dependencies built once.
setup_package() { # tool
    local tool="$1" dir="$work/$1"
    mkdir -p "$dir/Sources/Bindings" "$dir/Sources/probe"
    sed -e "s|@RUNTIME_PATH@|$root|" -e "s|@RUNTIME_PACKAGE@|$(basename "$root")|" \
        "$templates/$tool/Package.swift.template" > "$dir/Package.swift.new"
    cmp -s "$dir/Package.swift.new" "$dir/Package.swift" || mv "$dir/Package.swift.new" "$dir/Package.swift"
    rm -f "$dir/Package.swift.new"
    cp "$templates/$tool/probe/main.swift" "$dir/Sources/probe/main.swift"
    cp "$templates/ProbeFixtures.swift" "$dir/Sources/probe/ProbeFixtures.swift"
    local resolved="$root/Package.resolved"
    [[ $tool == peer ]] && resolved="$peer_pkg/Package.resolved"
    [[ -f "$resolved" && ! -f "$dir/Package.resolved" ]] && cp "$resolved" "$dir/Package.resolved"
    local deps=(--target StripeRuntime)
    [[ $tool == peer ]] && deps=(--target OpenAPIRuntime --target HTTPTypes)
    # Bindings needs one file to be a target at all while the dependencies build.
    [[ -n "$(ls -A "$dir/Sources/Bindings")" ]] || echo "// placeholder" > "$dir/Sources/Bindings/Placeholder.swift"
    if ! (cd "$dir" && swift build "${deps[@]}" >&2); then
        echo "peer-bench: the $tool package's dependencies do not build ($dir)" >&2
        exit 1
    fi
}
setup_package ours
setup_package peer

spec_for() {
    case "$1" in
        checkout) echo "$root/Specs/checkout.yaml" ;;
        closure) echo "$closure" ;;
        full) echo "$full_spec" ;;
    esac
}

# Runs one generation; prints "wall_ms rss_kb cpu_ms" and leaves the output in $2. Returns the tool's status.
generate_once() { # tool out spec
    local tool="$1" out="$2" spec="$3" start status
    # The previous run's output is moved aside, not deleted: ext4 skips inodes freed in the last minutes when it
    # allocates new ones, one check per inode, so creating files right after deleting thousands costs many times
    # more kernel time than creating them on a disk that has not just deleted any. Removed when the script ends.
    [[ -e "$out" ]] && mv "$out" "$trash/$(date +%s%N)"
    mkdir -p "$out"
    # A settled disk for every run (untimed): no run waits on the journal flushing the one before it.
    sync
    start=$(now_ms)
    if [[ $tool == ours ]]; then
        /usr/bin/time -f '%M %U %S' -o "$work/time.txt" "$ours_bin" generate --spec "$spec" --output "$out" \
            > "$work/gen.log" 2>&1
    else
        /usr/bin/time -f '%M %U %S' -o "$work/time.txt" "$peer_bin" generate --mode types --mode client \
            --output-directory "$out" --config "$templates/peer/openapi-generator-config.yaml" "$spec" \
            > "$work/gen.log" 2>&1
    fi
    status=$?
    # wall ms, peak RSS KB, CPU ms (user + system)
    echo "$(( $(now_ms) - start )) $(tail -1 "$work/time.txt" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')"
    return $status
}

# `swift build` in a temporary package, with the time limit. Every build there goes through this one command:
# SwiftPM plans the build again when the previous build of the package ran in a different process group (`timeout`
# starts its command in a new one; a plain `swift build` from this script does not), so a plan made by a build
# started one way is not reused by a build started the other way.
package_build() { # dir args...
    local dir="$1"
    shift
    (cd "$dir" && timeout --kill-after=30 "$build_timeout" swift build "$@")
}

# Clean for a timed build: Bindings' and probe's objects, modules and dependency records go; their output file maps
# and source lists stay, since SwiftPM does not rewrite them when the file set is unchanged.
delete_bindings_products() { # dir
    find "$1/.build" -maxdepth 4 -type d \( -name 'Bindings.build' -o -name 'probe.build' \) -print0 |
        xargs -0 -I{} find {} -type f ! -name output-file-map.json ! -name sources -delete 2>/dev/null
    find "$1/.build" -maxdepth 5 \( -name 'Bindings.swift*' -o -name 'probe' -o -name 'probe.swift*' \) \
        -not -path '*/Bindings.build/*' -not -path '*/probe.build/*' -exec rm -rf {} + 2>/dev/null
}

# Times one build of Bindings; prints seconds or "failed"/"timeout".
build_bindings() { # tool label
    local log="$work/$1-build-$2.log" start status
    start=$(now_ms)
    package_build "$work/$1" --target Bindings > "$log" 2>&1
    status=$?
    if [[ $status -eq 124 || $status -eq 137 ]]; then
        echo "timeout"
    elif [[ $status -ne 0 ]]; then
        echo "failed"
    else
        awk -v ms="$(( $(now_ms) - start ))" 'BEGIN { printf "%.1f", ms / 1000 }'
    fi
}

first_errors() { # log
    grep -E 'error:' "$1" | grep -v '^ ' | sort -u | head -5
}

# RESULTS.md: this script's section, replaced whole (after each input, so a long run leaves what it has
# measured so far); the rest of the file is left as it is.
write_results() { # status line
    [[ -n "$results" ]] || return 0
    memory=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
    section="$work/section.md"
    {
        echo "<!-- peer-bench:begin -->"
        echo "## Side by side with swift-openapi-generator (peer-bench.sh)"
        echo
        echo "Command: \`$command_line\` (from the repository root)  "
        echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')  "
        echo "Run: $1  "
        echo "Machine: $(nproc) cores, $memory, $(swift --version 2>/dev/null | head -1)  "
        echo "Peer: apple/swift-openapi-generator 1.14.3 (types + client, accessModifier public), swift-openapi-runtime 1.13.4"
        echo
        echo "Generation: medians of $runs runs, release builds; cpu = user + system time. Builds: debug, \`swift build --target Bindings\` with the"
        echo "dependencies already built and the build planned for the file set (clean = Bindings' products deleted, the median of"
        echo "three builds when the first takes under a minute; incremental = after touching the file with the Checkout Session"
        echo "model). Capabilities: \`probe\` run against each tool's generated client. Ratios are peer / ours."
        echo
        echo '```'
        cat "$table"
        echo '```'
        if [[ -s "$notes" ]]; then
            echo
            echo "Notes (failures, and timed builds that included planning):"
            echo
            sed -e 's/^/- /' "$notes"
        fi
        echo "<!-- peer-bench:end -->"
    } > "$section"
    if [[ -f "$results" ]] && grep -q '<!-- peer-bench:begin -->' "$results"; then
        awk -v section="$section" '
            /<!-- peer-bench:begin -->/ { while ((getline line < section) > 0) print line; skip = 1; next }
            /<!-- peer-bench:end -->/ { skip = 0; next }
            !skip { print }' "$results" > "$results.tmp" && mv "$results.tmp" "$results"
    else
        [[ -f "$results" ]] || printf '# Benchmark results\n' > "$results"
        { echo; cat "$section"; } >> "$results"
    fi
}

declare -A value
# Phase 1: generation, every input and tool, before any build: a build's file churn (objects deleted and written)
# would otherwise sit between the disk and the next generation runs.
for input in $inputs; do
    spec="$(spec_for "$input")"
    [[ -z "$spec" ]] && { echo "peer-bench: unknown input $input" >&2; continue; }
    for tool in ours peer; do
        key="${input}_${tool}"
        out="$work/out-$key"
        : > "$work/gen-times.txt"
        failed=""
        for _ in $(seq "$runs"); do
            if ! generate_once "$tool" "$out" "$spec" >> "$work/gen-times.txt"; then
                failed=yes
                break
            fi
        done
        if [[ -n "$failed" ]]; then
            figure "${key}_generate" "failed"
            note "$key: generation failed: $(head -c 600 "$work/gen.log" | head -5 | tr '\n' ' ')"
            value[${key}_generate]=""
            continue
        fi
        ms=$(awk '{ print $1 }' "$work/gen-times.txt" | median)
        kb=$(awk '{ print $2 }' "$work/gen-times.txt" | median)
        cpu=$(awk '{ print $3 }' "$work/gen-times.txt" | median)
        value[${key}_generate]=$ms
        value[${key}_cpu]=$cpu
        value[${key}_rss]=$(( ${kb%.*} / 1024 ))
        figure "${key}_generate" "$ms" ms
        figure "${key}_generate_cpu" "$cpu" ms
        figure "${key}_generate_peak_rss" "${value[${key}_rss]}" MB
        files=$(find "$out" -name '*.swift' | wc -l)
        lines=$(find "$out" -name '*.swift' -print0 | xargs -0 cat | wc -l)
        figure "${key}_files" "$files"
        figure "${key}_lines" "$lines"
    done
    figure "${input}_generate_ratio" "$(ratio "${value[${input}_peer_generate]:-}" "${value[${input}_ours_generate]:-}")" x
    figure "${input}_generate_cpu_ratio" "$(ratio "${value[${input}_peer_cpu]:-}" "${value[${input}_ours_cpu]:-}")" x
    figure "${input}_generate_rss_ratio" \
        "$(ratio "${value[${input}_peer_rss]:-}" "${value[${input}_ours_rss]:-}")" x
done
write_results "in progress: generation done; builds to come"

# Phase 2: builds of the generated code and capabilities, input by input.
done_inputs=""
for input in $inputs; do
    spec="$(spec_for "$input")"
    [[ -z "$spec" ]] && continue
    for tool in ours peer; do
        key="${input}_${tool}"
        out="$work/out-$key"
        if [[ -z "${value[${key}_generate]:-}" ]]; then
            note "$key: not built: generation failed"
            continue
        fi

        # Build: the generated files become Sources/Bindings (fresh copies: new mtimes, nothing stale). SwiftPM plans
        # the build again whenever a target's file set changes, which takes seconds that have nothing to do with the
        # generated code (more the more packages the graph holds), so the same files, empty, are built first
        # (untimed, through the same `package_build` as the timed build). Should SwiftPM plan again inside the timed
        # build anyway (its log starts with "Planning build"), a note says so next to the figures.
        dir="$work/$tool"
        rm -rf "$dir/Sources/Bindings"
        cp -R "$out" "$dir/Sources/Bindings"
        find "$dir/Sources/Bindings" -name '*.swift' -exec truncate -s 0 {} +
        package_build "$dir" --target Bindings > "$work/$tool-plan-$input.log" 2>&1
        rm -rf "$dir/Sources/Bindings"
        cp -R "$out" "$dir/Sources/Bindings"
        delete_bindings_products "$dir"
        clean=$(build_bindings "$tool" clean)
        planned=""
        grep -q 'Planning build' "$work/$tool-build-clean.log" && planned=yes
        # A build under a minute varies by a good part of its length from run to run: two more, and the median.
        if is_number "$clean" && (( ${clean%.*} < 60 )); then
            clean_runs="$clean"
            for _ in 1 2; do
                delete_bindings_products "$dir"
                again=$(build_bindings "$tool" clean)
                is_number "$again" || break
                grep -q 'Planning build' "$work/$tool-build-clean.log" && planned=yes
                clean_runs="$clean_runs $again"
            done
            figure "${key}_build_clean_runs" "$clean_runs" s
            clean=$(printf '%s\n' $clean_runs | median)
        fi
        figure "${key}_build_clean" "$clean" "$(is_number "$clean" && echo s)"
        if [[ -n "$planned" ]]; then
            note "$key: SwiftPM planned the build again inside a timed clean build, so ${key}_build_clean includes planning"
        fi
        value[${key}_clean]=$clean
        if ! is_number "$clean"; then
            note "$key: build $clean: $(first_errors "$work/$tool-build-clean.log" | tr '\n' ' ' | head -c 800)"
            figure "${key}_build_incremental" "skipped"
            value[${key}_incremental]=""
        else
            touched="$dir/Sources/Bindings/Models/CheckoutSession.swift"
            [[ $tool == peer ]] && touched="$dir/Sources/Bindings/Types+Components+Schemas.swift"
            touch "$touched"
            incremental=$(build_bindings "$tool" incremental)
            figure "${key}_build_incremental" "$incremental" "$(is_number "$incremental" && echo s)"
            value[${key}_incremental]=$incremental
        fi

        # Capabilities.
        if is_number "$clean" && package_build "$dir" --product probe \
            > "$work/$tool-probe-build.log" 2>&1; then
            probe_bin="$(cd "$dir" && swift build --product probe --show-bin-path)/probe"
            "$probe_bin" "$fixtures" > "$work/$key-probe.txt" 2> "$work/$key-probe.err"
            while IFS= read -r line; do
                figure "${key}_${line%%: *}" "${line#*: }"
            done < "$work/$key-probe.txt"
            sed -e "s/^/$key probe: /" "$work/$key-probe.err" | cut -c1-400 >&2
        else
            why="the generated code does not build"
            is_number "$clean" && why="probe does not build: $(first_errors "$work/$tool-probe-build.log" | head -3 | tr '\n' ' ' | head -c 600)"
            note "$key: capabilities not probed: $why"
            for capability in form_deep_object expandable_id_or_object fixture_decodes unknown_enum_decodes; do
                figure "${key}_capability_${capability}" "no (not probed)"
            done
        fi
    done

    # Build ratios, peer / ours.
    for kind in clean incremental; do
        peer_s="${value[${input}_peer_${kind}]:-}"
        ours_s="${value[${input}_ours_${kind}]:-}"
        if is_number "$peer_s" && is_number "$ours_s"; then
            figure "${input}_build_${kind}_ratio" "$(ratio "$peer_s" "$ours_s")" x
        else
            figure "${input}_build_${kind}_ratio" "n/a"
        fi
    done
    done_inputs="${done_inputs:+$done_inputs, }$input"
    write_results "in progress: done $done_inputs of ${inputs// /, }"
done
write_results "complete (${inputs// /, })"

