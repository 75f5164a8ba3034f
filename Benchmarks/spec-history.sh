#!/usr/bin/env bash
# The generator across eight versions of Stripe's spec (2019-10 to 2023-08): for each, the lint result, the
# generation time, the generated files and lines, the clean debug build time of the generated package, and the
# sample objects decoded tolerantly and strictly. Every spec must lint without errors and compile, and every
# mapped sample object must decode tolerantly; the script exits non-zero otherwise (after printing everything).
#
#   Benchmarks/spec-history.sh [DATE ...]        (default: every snapshot in history/, then 2022 and 2023)
#
# Output: `name_DATE: value unit` lines as full-api.sh prints them (generation, files, lines, build, decoding),
# preceded by `lint_errors_DATE` and `lint_warnings_DATE`, then one Markdown table of them all (for RESULTS.md).
# Generation time here is one process run (the release build of stripe-codegen, writing into an emptied folder);
# codegen-bench.sh measures it properly, in medians. A clean build is ~1-2 minutes per spec on 2 cores.
#
# Environment: STRIPE_SHARED_DATA (default ../shared/stripe), and what full-api.sh reads (SCRATCH_PATH,
# STRIPE_CODEGEN, FULL_API_DIR, ...).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="$(cd "${STRIPE_SHARED_DATA:-../shared/stripe}" 2>/dev/null && pwd || true)"
if [[ ! -d "$data/history" ]]; then
    echo "spec-history: no history/ in ${STRIPE_SHARED_DATA:-../shared/stripe}; set STRIPE_SHARED_DATA to Stripe's shared data" >&2
    exit 2
fi
export STRIPE_SHARED_DATA="$data"

if [[ $# -gt 0 ]]; then
    inputs=("$@")
else
    inputs=()
    for spec in "$data"/history/spec3-*.sdk.yaml; do
        name="$(basename "$spec")"; name="${name#spec3-}"; inputs+=("${name%.sdk.yaml}")
    done
    inputs+=(2022 2023)
fi

scratch="${SCRATCH_PATH:-$root/.build-fullapi}"
if [[ -z "${STRIPE_CODEGEN:-}" ]]; then
    swift build -c release --product stripe-codegen --scratch-path "$scratch" >&2 || exit 1
    STRIPE_CODEGEN="$(swift build -c release --product stripe-codegen --scratch-path "$scratch" --show-bin-path)/stripe-codegen"
fi
export STRIPE_CODEGEN

spec_of() {
    case "$1" in
        2023) echo "$data/spec3-2023-08-16.yaml" ;;
        2022) echo "$data/spec3-2022-05.sdk.yaml" ;;
        *) echo "$data/history/spec3-$1.sdk.yaml" ;;
    esac
}

status=0
figures="$(mktemp)"
trap 'rm -f "$figures"' EXIT
for input in "${inputs[@]}"; do
    # Figure names as full-api.sh spells them: bare for 2023, suffixed otherwise; here always suffixed.
    lint="$("$STRIPE_CODEGEN" lint --spec "$(spec_of "$input")" 2>&1)"
    lint_status=$?
    summary="$(grep -Eo '[0-9]+ errors?, [0-9]+ warnings?' <<< "$lint" | tail -1)"
    errors="$(grep -Eo '^[0-9]+' <<< "$summary")"
    warnings="$(grep -Eo '[0-9]+ warnings?' <<< "$summary" | grep -Eo '^[0-9]+')"
    echo "lint_errors_$input: ${errors:-?}" | tee -a "$figures"
    echo "lint_warnings_$input: ${warnings:-?}" | tee -a "$figures"
    if [[ $lint_status -ne 0 ]]; then
        echo "spec-history: $input does not lint (exit $lint_status):" >&2
        grep ': error' <<< "$lint" | head -10 >&2
        status=1
        continue
    fi
    FULL_API_INPUTS="$input" Benchmarks/full-api.sh | sed -E "s/^([a-z_]+): /\\1_$input: /; s/_${input}_${input}: /_$input: /" \
        | tee -a "$figures"
    [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done

echo
echo "| spec | lint (errors, warnings) | generation | files | lines | clean debug build | decoded tolerant | decoded strict |"
echo "|---|---|---|---|---|---|---|---|"
for input in "${inputs[@]}"; do
    value() { sed -n "s/^$1_$input: //p" "$figures" | head -1; }
    echo "| $input | $(value lint_errors), $(value lint_warnings) | $(value full_api_generate) | $(value full_api_files) |" \
        "$(value full_api_lines) | $(value full_api_build) | $(value fixtures_decoded) | $(value fixtures_decoded_strict) |"
done
exit $status
