#!/usr/bin/env bash
# Follows the README's own commands, the blocks marked `<!-- newcomer-path -->`, in order, from the repository root:
# generate the bindings, start the emulator, run the quickstart against it. Then checks what the quickstart printed,
# so the README cannot drift from what works.
set -euo pipefail
cd "$(dirname "$0")/.."

script="$(mktemp)"
output="$(mktemp)"
trap 'rm -f "$script" "$output"' EXIT
# Each marked block is the fenced block on the lines after the marker.
awk '/^<!-- newcomer-path -->$/ { marked = 1; next }
     marked && /^```sh$/ { inside = 1; next }
     inside && /^```$/ { inside = 0; marked = 0; print ""; next }
     inside { print }' README.md > "$script"
if [ ! -s "$script" ]; then
    echo "newcomer-path: README.md has no block marked <!-- newcomer-path -->" >&2
    exit 1
fi
echo "newcomer-path: running the README's commands:"
sed 's/^/    /' "$script"

bash -euo pipefail "$script" 2>&1 | tee "$output"

expect() {
    grep -Eq "$1" "$output" || { echo "newcomer-path: the quickstart did not print /$1/ ($2)" >&2; exit 1; }
}
expect '\(same session: true\)' "the repeated checkout made a new session"
expect 'old cs_test_[A-Za-z0-9]+ status=expired' "the old session was not expired"
expect '2 x Blue mug = 3000 usd' "line items missing"
git diff --quiet -- Generated || { echo "newcomer-path: the README's generate command changed Generated/" >&2; exit 1; }
echo "newcomer-path: ok"
