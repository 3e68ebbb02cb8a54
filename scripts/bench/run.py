#!/usr/bin/env python3
"""Benchmark runner: each workload under gilt and python3, alternately, N rounds.

Usage: python3 scripts/bench/run.py [--rounds N] [--gilt PATH] [workload ...]
Prints the median wall time of each side and the ratio gilt/CPython, then the
geometric mean of the ratios. Workloads are the *.py files beside this script
that run single-threaded (the threaded ones have their own rows with --gil on/off).

--suite runs the classic programs of suite/ (each prints a checksum that must be
the same on both sides) with peak RSS; --micro runs the loops of micro.py;
--instr counts machine instructions with callgrind instead of timing (one run
each side: slow, but immune to a busy machine). --io runs the I/O rows: a
threaded http.server hit by 8 client threads (requests/s), an asyncio echo
server with 1,000 clients, subprocess.run(['true']) latency, 100k tasks.
"""
import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROCESSES = ["mp_pool", "mp_start"]
SINGLE = ["fib", "loops", "objects", "collections_bench", "strings"]
# Threaded workloads: each prints its own measurement line.
THREADED = ["gil_cpu_threads", "io_threads", "race", "convoy", "thread_start", "lock_stress"]
# Event-loop workloads: (script, argument); measured for wall time and peak RSS.
ASYNC = [("async_many", "100000"), ("async_many", "1000000")]
# I/O workloads (--io): (script, argument, unit of the number each prints last,
# whether more is better). Each prints "<checked result>, <measurement>".
IO = [("http_threads", "2000", "req/s", True), ("async_echo", "1000", "s", False),
      ("subprocess_run", "200", "us", False), ("async_many", "100000", "s", False)]
# Cycle-collector workloads (--memory): wall time and peak RSS; gilt must stay under 50 MB.
MEMORY = [("cycles", "closure"), ("cycles", "json"), ("cycles", "selflist")]


CPU_TIME = False


def timed(cmd):
    """Wall time of one run (or its CPU time with --cpu: steadier on a busy machine)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if CPU_TIME:
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return dt, r.returncode, r.stdout


def main():
    # gilt's bytecode cache of its embedded library (~/.cache/gilt) is what
    # CPython's installed __pycache__ is to its own: with PYTHONDONTWRITEBYTECODE
    # set (as on this machine) a fresh build would never write it, and every
    # gilt run would compile the modules it imports again (more time, and the
    # parser's peak memory on top). The tests unset it too.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--gilt", default=os.path.join(HERE, "..", "..", "target", "release", "gilt"))
    ap.add_argument("--threads", action="store_true", help="run the threaded workloads: gilt --gil on / off / CPython")
    ap.add_argument("--processes", action="store_true", help="run mp_pool and mp_start: gilt --gil on / CPython")
    ap.add_argument("--async", dest="asyncio", action="store_true",
                    help="run async_many (100k and 1M tasks): wall time and peak RSS, gilt / CPython")
    ap.add_argument("--io", action="store_true",
                    help="the I/O rows: threaded http.server, asyncio echo server, subprocess.run, 100k tasks")
    ap.add_argument("--memory", action="store_true",
                    help="run the reference-cycle workloads (cycles.py): wall time and peak RSS, gilt / CPython")
    ap.add_argument("--cpu", action="store_true", help="compare CPU time (user+sys) instead of wall time")
    ap.add_argument("--suite", action="store_true", help="the classic programs of suite/: time and peak RSS")
    ap.add_argument("--micro", action="store_true", help="the micro-benchmarks of micro.py")
    ap.add_argument("--instr", action="store_true", help="with --suite/--micro: callgrind instruction counts")
    ap.add_argument("--gil-off", action="store_true", help="run gilt with --gil off")
    ap.add_argument("workloads", nargs="*", default=None)
    a = ap.parse_args()
    global CPU_TIME
    CPU_TIME = a.cpu
    if a.suite or a.micro:
        return suite_rows(a)
    if a.asyncio:
        return async_rows(a, ASYNC)
    if a.io:
        return io_rows(a)
    if a.memory:
        return async_rows(a, MEMORY)
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


def suite_names():
    return sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "suite")) if f.endswith(".py"))


def measure(cmd):
    """(seconds, peak RSS in MB, exit code, stdout) of one run: wall or CPU seconds
    (--cpu), or millions of instructions (--instr, under callgrind)."""
    if INSTR:
        out_file = "/tmp/bench_callgrind_%d.out" % os.getpid()
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out_file] + cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        n = 0
        for line in r.stderr.splitlines():
            if "Collected :" in line:
                n = int(line.split(":")[-1].strip())
        if os.path.exists(out_file):
            os.unlink(out_file)
        return n / 1e6, 0.0, r.returncode, r.stdout
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    dt, mb, rc, out = timed_rss(cmd)
    if CPU_TIME:
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return dt, mb, rc, out


def suite_rows(a):
    """One row per program: gilt and CPython alternately, medians, ratio, peak RSS of both."""
    global INSTR
    INSTR = a.instr
    gilt = [a.gilt] + (["--gil", "off"] if a.gil_off else [])
    if a.micro:
        micro = os.path.join(HERE, "micro.py")
        names = a.workloads or subprocess.run([sys.executable, micro], stdout=subprocess.PIPE,
                                              text=True).stdout.split()
        progs = [(n, [micro, n]) for n in names]
    else:
        progs = [(n, [os.path.join(HERE, "suite", n + ".py")]) for n in (a.workloads or suite_names())]
    rounds = 1 if a.instr else a.rounds
    unit = "Minstr" if a.instr else ("cpu s" if CPU_TIME else "s")
    print(f"{'program':<20} {'gilt ' + unit:>11} {'CPython ' + unit:>13} {'ratio':>6} {'gilt MB':>8} "
          f"{'CPy MB':>7}  output")
    ratios = []
    for name, args in progs:
        g, p, gm, pm, outs, ok = [], [], 0.0, 0.0, set(), True
        for _ in range(rounds):
            dt, mb, rc, out = measure(gilt + args)
            ok &= rc == 0
            g.append(dt)
            gm = max(gm, mb)
            outs.add(out)
            dt, mb, rc, out = measure([sys.executable] + args)
            ok &= rc == 0
            p.append(dt)
            pm = max(pm, mb)
            outs.add(out)
        mg, mp = statistics.median(g), statistics.median(p)
        same = "same" if len(outs) == 1 and ok else "DIFFERENT"
        ratio = mg / mp if mp and mg else float("nan")
        # A program whose output differs failed somewhere: its time says nothing.
        if mp and mg and same == "same":
            ratios.append(ratio)
        print(f"{name:<20} {mg:>11.3f} {mp:>13.3f} {ratio:>6.2f} {gm:>8.1f} {pm:>7.1f}  {same}", flush=True)
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geometric mean':<20} {'':>11} {'':>13} {geo:>6.2f}  (max {max(ratios):.2f}; "
              f"{len(ratios)} of {len(progs)} programs with the same output)")


INSTR = False


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


def timed_rss(cmd):
    """(wall seconds, peak RSS in MB, exit code, stdout) of one run."""
    if os.path.exists("/usr/bin/time"):
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        dt = time.perf_counter() - t0
        last = (r.stderr.strip().splitlines() or ["0"])[-1]
        kb = int(last) if last.isdigit() else 0
        return dt, kb / 1024, r.returncode, r.stdout
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    dt, rc, out = timed(cmd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dt, max(after, before) / 1024, rc, out


def async_rows(a, rows):
    """Rows of (script, argument), measured for wall time and peak RSS:
    async_many N (N tasks each awaiting asyncio.sleep(0.5), gathered) and
    the reference-cycle workloads."""
    print(f"{'workload':<22} {'gilt (s)':>9} {'gilt MB':>8} {'CPython (s)':>12} {'CPython MB':>11}  output")
    for w, arg in rows:
        path = os.path.join(HERE, w + ".py")
        rounds = a.rounds if arg == "100000" else 1
        g, p, outs, ok = [], [], set(), True
        for _ in range(rounds):
            dt, mb, rc, out = timed_rss([a.gilt, path, arg])
            ok &= rc == 0
            g.append((dt, mb))
            outs.add(out.split(",")[:2].__repr__())
            dt, mb, rc, out = timed_rss([sys.executable, path, arg])
            p.append((dt, mb))
            outs.add(out.split(",")[:2].__repr__())
        gt, gm = statistics.median(x[0] for x in g), max(x[1] for x in g)
        pt, pm = statistics.median(x[0] for x in p), max(x[1] for x in p)
        same = "same" if len(outs) == 1 and ok else "DIFFERENT"
        print(f"{w + ' ' + arg:<22} {gt:>9.2f} {gm:>8.0f} {pt:>12.2f} {pm:>11.0f}  {same}")


def io_rows(a):
    """The I/O rows: gilt and python3 alternately, a.rounds each; the median of
    the number each run prints last (its own measurement, without the
    interpreter's start-up), the median wall time and the peak RSS of the
    process; the rest of the output must be the same on both sides."""
    import re
    # 1,000 clients and their server side need about 2,000 descriptors.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 4096 if hard == resource.RLIM_INFINITY else min(4096, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    print(f"{'workload':<22} {'gilt':>10} {'CPython':>10} {'unit':<6} {'gilt wall':>9} {'CPy wall':>9} "
          f"{'gilt MB':>8} {'CPy MB':>7}  output")
    wanted = set(a.workloads or [])
    for w, arg, unit, more_is_better in IO:
        if wanted and w not in wanted:
            continue
        path = os.path.join(HERE, w + ".py")
        sides = {"gilt": [a.gilt], "CPython": [sys.executable]}
        res = {k: ([], [], []) for k in sides}
        checked, ok = set(), True
        for _ in range(a.rounds):
            for side, cmd in sides.items():
                dt, mb, rc, out = timed_rss(cmd + [path, arg])
                ok &= rc == 0
                head, _, last = out.strip().rpartition(", ")
                checked.add(head)
                m = re.search(r"[0-9.]+", last)
                res[side][0].append(float(m.group()) if m else float("nan"))
                res[side][1].append(dt)
                res[side][2].append(mb)
        same = "same" if len(checked) == 1 and ok else "DIFFERENT"
        (gv, gw, gm), (pv, pw, pm) = ([statistics.median(x) for x in res[s][:2]] + [max(res[s][2])]
                                      for s in ("gilt", "CPython"))
        f = ".2f" if unit == "s" else ".0f"
        print(f"{w + ' ' + arg:<22} {gv:>10{f}} {pv:>10{f}} {unit:<6} {gw:>9.2f} {pw:>9.2f} "
              f"{gm:>8.0f} {pm:>7.0f}  {same}", flush=True)


if __name__ == "__main__":
    main()
