#!/usr/bin/env bash
# Fails listing every public or open declaration of the hand-written modules that has no doc comment.
#
# Reads the symbol graphs `swift package dump-symbol-graph` writes (public and open symbols, built in debug, so a
# prior `swift build` makes this incremental). What is not reported, and why:
# - synthesized members (default implementations and members inherited through classes), left out with
#   `--skip-synthesized-members`: they are documented where they are declared;
# - members whose doc comment is inherited: an implementation of a protocol requirement (`description`,
#   `init(from:)`, `==`, `makeAsyncIterator()`, ...) carries the requirement's comment in the graph, which is what
#   DocC shows for it;
# - extension blocks (`extension Foo: Bar`), which are not declarations a reader looks up.
# Usage: .ci/check-docs.sh [MODULE ...]   (default: the hand-written library modules, runtime side and generator)
set -euo pipefail
cd "$(dirname "$0")/.."

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    modules=(StripeRuntime StripeRuntimeAsyncHTTPClient CheckoutWorkflows CheckoutWorkflowsPostgres CheckoutWorkflowsSQLite
             CheckoutEmulator SpecYAML StripeSpec StripeCodegen CodegenOutput ParallelWork)
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package --enable-all-traits dump-symbol-graph --skip-synthesized-members --minimum-access-level public >"$log" 2>&1; then
    cat "$log" >&2
    echo "check-docs: swift package dump-symbol-graph failed" >&2
    exit 1
fi
graphs="$(sed -n 's/^Files written to //p' "$log" | tail -n 1)"
if [ -z "$graphs" ] || [ ! -d "$graphs" ]; then
    cat "$log" >&2
    echo "check-docs: no symbol graph folder in the output of dump-symbol-graph" >&2
    exit 1
fi

python3 - "$graphs" "$PWD" "${modules[@]}" <<'PYTHON'
import glob, json, os, sys
from urllib.parse import unquote, urlparse

graphs, root, modules = sys.argv[1], sys.argv[2], sys.argv[3:]
missing, checked = [], 0
for module in modules:
    # Module.symbols.json holds the module's own types; Module@Other.symbols.json its extensions of Other's types.
    files = glob.glob(os.path.join(graphs, f"{module}.symbols.json")) + \
        glob.glob(os.path.join(graphs, f"{module}@*.symbols.json"))
    if not files:
        sys.exit(f"check-docs: no symbol graph for {module} in {graphs}")
    for path in sorted(files):
        with open(path) as handle:
            graph = json.load(handle)
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            if symbol["kind"]["identifier"] == "swift.extension":
                continue
            if "::SYNTHESIZED::" in symbol["identifier"]["precise"]:
                continue
            checked += 1
            lines = symbol.get("docComment", {}).get("lines", [])
            if any(line.get("text", "").strip() for line in lines):
                continue
            location = symbol.get("location", {})
            file = unquote(urlparse(location.get("uri", "")).path)
            file = os.path.relpath(file, root) if file else "?"
            line = location.get("position", {}).get("line", -1) + 1
            name = ".".join(symbol["pathComponents"])
            kind = symbol["kind"]["displayName"].lower()
            missing.append(f"{file}:{line}: error: {module}: public {kind} `{name}` has no doc comment")

for entry in sorted(missing):
    print(entry)
print(f"check-docs: {checked} public symbols in {', '.join(modules)}; {len(missing)} without a doc comment")
sys.exit(1 if missing else 0)
PYTHON
