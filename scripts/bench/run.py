#!/usr/bin/env python3
"""Benchmark runner: each workload under gilt and python3, alternately, N rounds.

Usage: python3 scripts/bench/run.py [--rounds N] [--gilt PATH] [workload ...]
Prints the median wall time of each side and the ratio gilt/CPython, then the
geometric mean of the ratios. Workloads are the *.py files beside this script
that run single-threaded (the threaded ones have their own rows with --gil on/off).
"""
import argparse
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROCESSES = ["mp_pool", "mp_start"]
SINGLE = ["fib", "loops", "objects", "collections_bench", "strings"]
# Threaded workloads: each prints its own measurement line.
THREADED = ["gil_cpu_threads", "io_threads", "race", "convoy", "thread_start", "lock_stress"]


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    return dt, r.returncode, r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--gilt", default=os.path.join(HERE, "..", "..", "target", "release", "gilt"))
    ap.add_argument("--threads", action="store_true", help="run the threaded workloads: gilt --gil on / off / CPython")
    ap.add_argument("--processes", action="store_true", help="run mp_pool and mp_start: gilt --gil on / CPython")
    ap.add_argument("workloads", nargs="*", default=None)
    a = ap.parse_args()
    if a.threads:
        return threaded(a)
    if a.processes:
        return processes(a)
    a.workloads = a.workloads or SINGLE
    print(f"{'workload':<20} {'gilt (s)':>9} {'CPython (s)':>12} {'ratio':>7}  output")
    ratios = []
    for w in a.workloads:
        path = os.path.join(HERE, w + ".py")
        g, p = [], []
        outs = set()
        ok = True
        for _ in range(a.rounds):
            dt, rc, out = timed([a.gilt, path])
            ok &= rc == 0
            g.append(dt)
            outs.add(out)
            dt, rc, out = timed([sys.executable, path])
            p.append(dt)
            outs.add(out)
        mg, mp = statistics.median(g), statistics.median(p)
        same = "same" if len(outs) == 1 and ok else "DIFFERENT"
        ratios.append(mg / mp)
        print(f"{w:<20} {mg:>9.3f} {mp:>12.3f} {mg / mp:>7.2f}  {same}")
    gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"{'geometric mean':<20} {'':>9} {'':>12} {gm:>7.2f}")


def threaded(a):
    configs = [("gilt --gil on", [a.gilt, "--gil", "on"]), ("gilt --gil off", [a.gilt, "--gil", "off"]),
               ("gilt --gil on --switch instr=1", [a.gilt, "--gil", "on", "--switch", "instr=1"]),
               ("CPython", [sys.executable])]
    for w in a.workloads or THREADED:
        path = os.path.join(HERE, w + ".py")
        print(f"== {w}")
        for label, cmd in configs:
            if "instr=1" in label and w != "race":
                continue
            dt, rc, out = timed(cmd + [path])
            lines = out.strip().splitlines() or [f"(exit {rc})"]
            for line in lines:
                print(f"  {label:<32} {line}")


def processes(a):
    """mp_pool (Pool(2) speedup) and mp_start (process start+join median)."""
    for w in a.workloads or PROCESSES:
        path = os.path.join(HERE, w + ".py")
        print(f"== {w}")
        for _ in range(a.rounds):
            for label, cmd in [("gilt --gil on", [a.gilt, "--gil", "on"]), ("CPython", [sys.executable])]:
                dt, rc, out = timed(cmd + [path])
                lines = out.strip().splitlines() or [f"(exit {rc})"]
                for line in lines:
                    print(f"  {label:<16} {line}")


if __name__ == "__main__":
    main()
