#!/usr/bin/env bash
# Runs the suite that drives checkout-emulator with Stripe's official Python library (pinned in requirements.txt).
#   Tests/StripePythonClient/run.sh [pytest arguments...]
# The emulator binary is $CHECKOUT_EMULATOR, or .build/debug/checkout-emulator in this repository
# (`swift build --product checkout-emulator` makes it). Exits with pytest's status.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
python="${PYTHON:-python3}"

emulator="${CHECKOUT_EMULATOR:-$root/.build/debug/checkout-emulator}"
case "$emulator" in /*) ;; *) emulator="$PWD/$emulator" ;; esac
if [ ! -x "$emulator" ]; then
    echo "run.sh: checkout-emulator not found at $emulator" >&2
    echo "run.sh: build it with 'swift build --product checkout-emulator', or set CHECKOUT_EMULATOR to its path" >&2
    exit 2
fi
export CHECKOUT_EMULATOR="$emulator"

pinned="$(sed -n 's/^stripe==//p' "$here/requirements.txt")"
installed="$("$python" -c 'import stripe.version; print(stripe.version.VERSION)' 2>/dev/null || true)"
if [ "$installed" != "$pinned" ] || ! "$python" -c 'import pytest' >/dev/null 2>&1; then
    echo "run.sh: installing $here/requirements.txt (stripe ${installed:-missing}, want $pinned)"
    "$python" -m pip install -q -r "$here/requirements.txt"
fi

cd "$root"
status=0
"$python" -m pytest "$here" -q -p no:cacheprovider "$@" || status=$?
exit "$status"
