#!/usr/bin/env bash
# Tests the StripeBindingsPlugin through this example package:
#   (a) the example builds from clean and its test passes against the emulator;
#   (b) on a copy, a property added to the spec becomes part of the generated API on the next build;
#   (c) on the copy, a $ref to a missing schema fails the build with `<absolute spec path>:<line>:<column>: error:`.
# Every build shares one scratch folder, so the dependencies are compiled once.
# PLUGIN_TEST_SCRATCH overrides that folder; KEEP_SCRATCH=1 skips the clean start of (a).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scratch="${PLUGIN_TEST_SCRATCH:-$here/.build-plugin-test}"
export STRIPE_CHECKOUT_SPEC="$repo/Specs/checkout.yaml"
started=$SECONDS

step() { echo "== $* ($((SECONDS - started)) s)"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
build() { swift build --package-path "$1" --scratch-path "$scratch" "${@:2}"; }

# (a) From clean: build the library and its tests, run the tests.
if [ "${KEEP_SCRATCH:-0}" != 1 ]; then
    step "(a) clean build of $here"
    rm -rf "$scratch"
fi
build "$here" --build-tests
swift test --package-path "$here" --scratch-path "$scratch" --skip-build

# A copy of the example whose spec the next steps edit; its dependency is this repository by absolute path.
work="$(mktemp -d "${TMPDIR:-/tmp}/plugin-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
copy="$work/PluginConsumer"
mkdir -p "$copy"
cp -R "$here/Package.swift" "$here/Sources" "$here/Tests" "$copy/"
REPO="$repo" perl -pi -e 's|path: "\.\./\.\."|path: "$ENV{REPO}"|' "$copy/Package.swift"
grep -q "path: \"$repo\"" "$copy/Package.swift" || fail "could not point the copy at $repo"
spec="$copy/Sources/ShopBindings/checkout.openapi.yaml"

# (b) Code that reads a property the spec does not have yet fails to build; after adding the property
# to the spec, the same code builds: the generated API followed the spec.
step "(b) spec change on a copy in $copy"
cat > "$copy/Sources/ShopBindings/CustomerEmail.swift" <<'SWIFT'
/// Reads the property that the test adds to the spec.
public func customerEmail(of session: Session) -> String? { session.customerEmail }
SWIFT
if build "$copy" > "$work/before.log" 2>&1; then
    fail "the copy built before its spec had customer_email"
fi
grep -q "customerEmail" "$work/before.log" || { cat "$work/before.log"; fail "the failure before the edit is not about customerEmail"; }
perl -0pi -e 's/^        expires_at:\n/        customer_email:\n          maxLength: 5000\n          nullable: true\n          type: string\n        expires_at:\n/m' "$spec"
grep -q "customer_email:" "$spec" || fail "could not add customer_email to $spec"
build "$copy" > "$work/after.log" 2>&1 || { cat "$work/after.log"; fail "the copy does not build after adding customer_email"; }
echo "ok: Session.customerEmail exists after the spec change"

# (c) A $ref to a schema the spec lacks: the build fails and says where, in the compilers' format.
step "(c) invalid spec on the copy"
perl -0pi -e "s|\\\$ref: '#/components/schemas/checkout.session'|\\\$ref: '#/components/schemas/checkout.sesion'|" "$spec"
line="$(grep -n "checkout.sesion" "$spec" | head -1 | cut -d: -f1)"
column="$(awk -v n="$line" 'NR == n { print index($0, "$ref") }' "$spec")"
[ -n "$line" ] && [ "$column" -gt 0 ] || fail "could not break $spec"
expected="$spec:$line:$column: error: \$ref to unknown schema 'checkout.sesion'"
if build "$copy" > "$work/broken.log" 2>&1; then
    fail "the copy built with a broken spec"
fi
grep -qF "$expected" "$work/broken.log" || { cat "$work/broken.log"; fail "the build log lacks: $expected"; }
echo "ok: the build log says $expected"

step "all plugin tests passed"
