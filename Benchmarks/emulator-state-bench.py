#!/usr/bin/env python3
"""The emulator's `--state` under growth: the latency of creating a Checkout session when the state already holds
10, 1,000 and 10,000 sessions, for one emulator binary or two side by side (a baseline first).

    Benchmarks/emulator-state-bench.py EMULATOR [BASELINE_EMULATOR] [--sizes 10,1000,10000] [--creates 40]

For each size, a state file holding that many sessions is made (a few real sessions, created through the API and
saved as JSON by the emulator, then copied with new ids: the JSON layout every version reads), the emulator is
started on it, and `--creates` sessions are created one after the other with curl; the median and 90th percentile
of their times are printed as `state_create_pN_SIZE: value ms`, the state file's size after the creates as
`state_bytes_SIZE`, and files left beside it after the emulator is stopped as `state_stray_files_SIZE`. With a
baseline, each figure is printed for both (`baseline_…`) and the ratio of the medians follows.
"""
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPEC = os.path.join(ROOT, "Specs", "checkout.yaml")
KEY = "sk_test_state_bench"
SESSION_FORM = ("mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok&line_items[0][quantity]=2"
                "&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1500"
                "&line_items[0][price_data][product_data][name]=Mug")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(emulator, state):
    port = free_port()
    process = subprocess.Popen([emulator, "--port", str(port), "--state", state, "--spec", SPEC],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"the emulator stopped: {process.stderr.read().decode()[:2000]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, base
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the emulator did not start")


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def create(base):
    """One session create; its time in ms as curl measured it."""
    out = subprocess.run(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-u", f"{KEY}:",
                          "-d", SESSION_FORM, f"{base}/v1/checkout/sessions"], capture_output=True, text=True,
                         check=True).stdout.split()
    if out[0] != "200":
        raise SystemExit(f"create answered {out[0]}")
    return float(out[1]) * 1000


def seed(emulator, folder, sessions):
    """A JSON state file holding `sessions` sessions, as the emulator writes one."""
    template = os.path.join(folder, "template.json")
    process, base = start(emulator, template)
    for _ in range(3):
        create(base)
    stop(process)
    with open(template) as f:
        state = json.load(f)
    table = state["sessions"]
    first = table["order"][0]
    session, items = table["objects"][first], state["line_items"][first]
    table["objects"], table["order"], state["line_items"] = {}, [], {}
    for number in range(sessions):
        copy = dict(session)
        copy["id"] = f"cs_test_seed{number:07d}"
        table["objects"][copy["id"]] = copy
        table["order"].append(copy["id"])
        state["line_items"][copy["id"]] = items
    path = os.path.join(folder, f"seed-{sessions}.json")
    with open(path, "w") as f:
        json.dump(state, f)
    return path


def measure(emulator, seed_path, creates):
    folder = tempfile.mkdtemp(prefix="state-bench-")
    try:
        state = os.path.join(folder, "state")
        shutil.copy(seed_path, state)
        process, base = start(emulator, state)
        create(base)  # warm-up (and, for a newer version, the first write after a migration)
        times = [create(base) for _ in range(creates)]
        stop(process)
        size = os.path.getsize(state)
        stray = [name for name in os.listdir(folder) if name != "state"]
        return times, size, stray
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("emulator")
    parser.add_argument("baseline", nargs="?")
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument("--creates", type=int, default=40)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="state-seed-")
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            seed_path = seed(args.baseline or args.emulator, folder, size)
            medians = {}
            for label, emulator in [("", args.emulator), ("baseline_", args.baseline)]:
                if not emulator:
                    continue
                times, size_bytes, stray = measure(emulator, seed_path, args.creates)
                times.sort()
                medians[label] = statistics.median(times)
                print(f"{label}state_create_p50_{size}: {medians[label]:.2f} ms")
                print(f"{label}state_create_p90_{size}: {times[int(len(times) * 0.9) - 1]:.2f} ms")
                print(f"{label}state_bytes_{size}: {size_bytes} bytes")
                print(f"{label}state_stray_files_{size}: {len(stray)}" + (f" ({', '.join(stray)})" if stray else ""))
                sys.stdout.flush()
            if args.baseline:
                print(f"state_create_p50_{size}/baseline: {medians[''] / medians['baseline_']:.3f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
