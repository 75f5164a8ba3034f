#!/usr/bin/env bash
# Runtime benchmarks (package-benchmark, the separate package in Benchmarks/): decoding the generated
# CheckoutSession, verifying and decoding a WebhookEvent, form-encoding CheckoutSessionsAPI.CreateParams.
# Prints `name: value unit` lines, the medians (p50) of wall time and malloc count per call.
#
#   Benchmarks/runtime-bench.sh [extra `swift package benchmark` options, e.g. --filter "CheckoutSession.*"]
#
# The full tables, and the threshold check: see Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
table="$(mktemp)"
trap 'rm -f "$table"' EXIT
swift package benchmark --target RuntimeBenchmarks --no-progress "$@" > "$table"
python3 - "$table" <<'PY'
import re, sys

metrics = {"Time (wall clock) (μs)": ("wall_clock", "us"), "Time (wall clock) (ns)": ("wall_clock", "ns"),
           "Time (wall clock) (ms)": ("wall_clock", "ms"), "Malloc (total)": ("mallocs", "count")}
benchmark = None
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line and not line.startswith(("│", "╒", "╞", "├", "╘", "=", " ")) and ":" not in line:
        benchmark = re.sub(r"[^a-z0-9]+", "_", re.sub(r"([a-z])([A-Z])", r"\1_\2", line).lower()).strip("_")
        continue
    cells = [cell.strip() for cell in line.split("│")[1:-1]]
    if benchmark and len(cells) == 9:
        label = cells[0].rstrip(" *")
        if label in metrics:
            name, unit = metrics[label]
            print(f"{benchmark}_{name}: {cells[3]} {unit}")
PY
