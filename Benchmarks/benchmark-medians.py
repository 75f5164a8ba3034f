#!/usr/bin/env python3
"""The medians (p50) of a `swift package benchmark` text table as `name: value unit` lines.

    benchmark-medians.py TABLE [--wall-suffix SUFFIX] [--time-unit ms|us] [--ratio NAME=A/B ...]

Per benchmark B: `B: ms` (wall clock; `B` + SUFFIX with --wall-suffix; `B: us` with --time-unit us),
`B_mallocs: count`, `B_peak_rss: MB` and `B_peak_rss_delta: MB` (resident peak and its growth over the round),
`B_requests: requests` (a custom metric), for the metrics the table holds. `--ratio NAME=A/B` adds `NAME: A/B`
from two printed figures of the same run (for example a stage over the libyaml floor). MB are 1,048,576 bytes.
"""
import re
import sys

# The table prints p50 in the unit named in the metric's label: time units, or a factor for counts.
TIME_MS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
FACTOR = {"": 1, "#": 1, "K": 10**3, "M": 10**6, "G": 10**9}
METRICS = {"Time (wall clock)": ("", "ms"), "Malloc (total)": ("_mallocs", "count"),
           "Memory (resident peak)": ("_peak_rss", "MB"), "Memory Δ (resident peak)": ("_peak_rss_delta", "MB"),
           "requests": ("_requests", "requests")}


def medians(lines, wall_suffix="", time_unit="ms"):
    """{figure name: (value, unit)} from the table's rows; wall times in `time_unit` (ms or us)."""
    figures, benchmark = {}, None
    for line in lines:
        line = line.rstrip("\n")
        if re.fullmatch(r"[A-Za-z0-9_.]+", line):
            benchmark = line
            continue
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if benchmark is None or len(cells) != 9:
            continue
        # "Malloc (total)" is a whole label; "Time (wall clock) (μs)" is a label and its unit.
        label, unit = cells[0].rstrip(" *"), ""
        match = re.fullmatch(r"(.*) \(([^()]*)\)", label)
        if label not in METRICS and match:
            label, unit = match.group(1), match.group(2)
        # Large values print as 4.48e+07.
        if label not in METRICS or not re.fullmatch(r"[0-9.]+(e\+[0-9]+)?", cells[3]):
            continue
        suffix, out_unit = METRICS[label]
        raw = float(cells[3])
        if out_unit == "ms":
            value = raw * TIME_MS[unit] * (1_000 if time_unit == "us" else 1)
            out_unit = time_unit
        elif out_unit == "MB":
            value = raw * FACTOR[unit] / 1_048_576
        else:
            value = raw * FACTOR[unit]
        figures[benchmark + (suffix or wall_suffix)] = (value, out_unit)
    return figures


def render(value, unit):
    if unit in ("count", "requests"):
        return f"{value:.0f} {unit}"
    return f"{value:.2f} {unit}" if unit in ("ms", "us") else f"{value:.1f} {unit}"


def main(arguments):
    if not arguments or (len(arguments) - 1) % 2:
        sys.exit(__doc__)
    pairs = list(zip(arguments[1::2], arguments[2::2]))
    wall_suffix = "".join(value for option, value in pairs if option == "--wall-suffix")
    time_unit = next((value for option, value in reversed(pairs) if option == "--time-unit"), "ms")
    if time_unit not in ("ms", "us"):
        sys.exit(f"benchmark-medians: --time-unit takes ms or us, not {time_unit}")
    with open(arguments[0], encoding="utf-8") as table:
        figures = medians(table, wall_suffix, time_unit)
    if not figures:
        sys.exit(f"benchmark-medians: no medians in {arguments[0]}")
    for name in sorted(figures):
        print(f"{name}: {render(*figures[name])}")
    for option, spec in pairs:
        if option in ("--wall-suffix", "--time-unit"):
            continue
        name, _, quotient = spec.partition("=")
        numerator, _, denominator = quotient.partition("/")
        if option != "--ratio" or numerator not in figures or denominator not in figures:
            sys.exit(f"benchmark-medians: cannot compute {option} {spec} from {sorted(figures)}")
        print(f"{name}: {figures[numerator][0] / figures[denominator][0]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
